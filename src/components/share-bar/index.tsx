import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { AtButton, AtIcon } from 'taro-ui'
import PrivacyPrompt from '../privacy-prompt'
import { sharePayload } from '@shared/domain/share'
import type { ShareItem } from '../../hooks/use-share'
import { errorMessage } from '../../services/core/cloud'
import { makePoster, savePoster } from '../../services/share/poster'
import { posterCode } from '../../services/share/share'
import type { PosterContent } from '../../utils/poster-draw'
import { toastSuccess, toastText } from '../../utils/toast'
import ForwardButton from './forward-button'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

export interface ShareBarProps {
  /** What is shared. */
  item: ShareItem
  /** My referral id, or null when not known (the link goes without it). */
  shareRef: string | null
  /** What the poster shows besides the code. */
  poster: Omit<PosterContent, 'hint'>
}

/**
 * 分享: forward to a chat (WeChat) or copy a link (H5), and a poster with the code that can be
 * saved and sent to a family or village group. Both carry my referral id.
 */
export default function ShareBar({ item, shareRef, poster }: ShareBarProps) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'making' } | { kind: 'shown'; src: string }>({ kind: 'idle' })
  const card = sharePayload(item.kind, item, shareRef)

  const make = async () => {
    setState({ kind: 'making' })
    try {
      const code = await posterCode(item.kind, item.id)
      // Before the mini-program's first release the server sends a plain QR of the page path.
      const hint = code.fallback === 'unreleased' ? '小程序发布后显示小程序码' : code.fallback === 'trial' ? '体验版小程序码（仅体验成员可扫）' : '用微信扫一扫，或长按识别'
      const src = await makePoster({ ...poster, hint }, code)
      setState({ kind: 'shown', src })
    } catch (e) {
      setState({ kind: 'idle' })
      toastText(`海报没有生成：${errorMessage(e)}`)
    }
  }
  const save = async () => {
    if (state.kind !== 'shown') return
    try {
      await savePoster(state.src, `${item.title.slice(0, 20)}.png`)
      toastSuccess('海报已保存')
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View className='share-bar' data-testid='share-bar'>
      <PrivacyPrompt purpose='把海报保存到相册' />
      <Text className='share-bar__title'>告诉身边的人</Text>
      <View className='share-bar__row'>
        <ForwardButton path={card.path} />
        <View
          className='share-bar__button'
          role='button'
          aria-busy={state.kind === 'making'}
          onClick={() => state.kind === 'idle' && void make()}
          data-testid='share-poster'
        >
          <AtIcon value='image' size={20} color='#2861d8' />
          <Text className='share-bar__label'>{state.kind === 'making' ? '正在生成…' : '生成海报'}</Text>
        </View>
      </View>
      {state.kind === 'shown' ? (
        <View className='share-bar__overlay' role='dialog' aria-label='分享海报' data-testid='share-poster-dialog'>
          <View className='share-bar__sheet'>
            <Image className='share-bar__poster' src={state.src} mode='widthFix' ariaLabel={`分享海报：${item.title}，含扫码查看的二维码`}
              nativeProps={{ alt: `分享海报：${item.title}，含扫码查看的二维码` }} data-testid='share-poster-image' />
            <View className='share-bar__actions'>
              <AtButton type='primary' onClick={() => void save()}>
                保存海报
              </AtButton>
              <AtButton onClick={() => setState({ kind: 'idle' })}>关闭</AtButton>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
