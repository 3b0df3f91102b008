import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import { h5Link } from '@shared/domain/pages'
import { toastSuccess, toastText } from '../../utils/toast'

export interface ForwardButtonProps {
  /** The page path and query to share (`/pages/…?id=…&ref=…`). */
  path: string
}

/**
 * H5: copies a link to this page (with my referral id) to paste into a chat. A policy's link names it
 * before the hash too, so the runtime opens it already drawn (`h5Link`).
 */
export default function ForwardButton({ path }: ForwardButtonProps) {
  const copy = async () => {
    const link = h5Link(window.location.origin, path)
    try {
      await Taro.setClipboardData({ data: link })
      toastSuccess('链接已复制')
    } catch {
      toastText(`请复制链接：${link}`)
    }
  }
  return (
    <View className='share-bar__button' role='button' onClick={() => void copy()} data-testid='share-copy-link' data-link={path}>
      <AtIcon value='link' size={20} color='#2861d8' />
      <Text className='share-bar__label'>复制链接</Text>
    </View>
  )
}
