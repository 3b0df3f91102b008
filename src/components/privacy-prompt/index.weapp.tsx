import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { PrivacyPromptProps } from './index'
import './index.scss'

export type { PrivacyPromptProps }

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
type Listener = (resolve: Resolve) => void

const AGREE_ID = 'privacy-agree'

/**
 * With `__usePrivacyCheck__: true` (app.config.ts), a private API (wx.chooseImage,
 * wx.saveImageToPhotosAlbum, wx.setClipboardData…) called before the user agreed stays pending
 * and fires `wx.onNeedPrivacyAuthorization(resolve)`. The prompt then shows the
 * 《用户隐私保护指引》 (`wx.openPrivacyContract`) and an agree button with
 * `open-type="agreePrivacyAuthorization"`; only after that button's event may
 * `resolve({ buttonId, event: 'agree' })` let the call go on; `resolve({ event: 'disagree' })` makes
 * it fail with "privacy permission is not authorized".
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
 *
 * WeChat keeps one listener, so it is registered once; it hands the request to the prompt of the
 * page on top (the last one shown). A request with no prompt on screen is declined.
 */
const stack: Listener[] = []
let registered = false

function register(): void {
  if (registered || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  registered = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const top = stack[stack.length - 1]
    if (top) top(resolve as Resolve)
    else resolve({ event: 'disagree' })
  })
}

function toTop(l: Listener): void {
  const i = stack.indexOf(l)
  if (i >= 0) stack.splice(i, 1)
  stack.push(l)
}

/** Mount on every page that calls a private API (scripts/privacy-apis.ts checks it). */
export default function PrivacyPrompt({ purpose }: PrivacyPromptProps) {
  const [open, setOpen] = useState(false)
  // every request that arrived while the prompt is up is answered by the same tap
  const pending = useRef<Resolve[]>([])
  const listener = useRef<Listener>((resolve) => {
    pending.current.push(resolve)
    resolve({ event: 'exposureAuthorization' })
    setOpen(true)
  })

  useEffect(() => {
    register()
    const l = listener.current
    toTop(l)
    return () => {
      const i = stack.indexOf(l)
      if (i >= 0) stack.splice(i, 1)
      for (const r of pending.current.splice(0)) r({ event: 'disagree' })
    }
  }, [])
  useDidShow(() => toTop(listener.current))

  const answer = (event: 'agree' | 'disagree') => {
    setOpen(false)
    for (const r of pending.current.splice(0)) r(event === 'agree' ? { buttonId: AGREE_ID, event: 'agree' } : { event: 'disagree' })
  }

  if (!open) return null
  return (
    <View className='privacy-prompt' catchMove>
      <View className='privacy-prompt__panel' role='dialog' aria-label='用户隐私保护提示'>
        <Text className='privacy-prompt__title'>用户隐私保护提示</Text>
        <Text className='privacy-prompt__text'>
          {`${purpose}需要你同意我们处理相关信息。请阅读`}
          <Text className='privacy-prompt__link' onClick={() => void Taro.openPrivacyContract({})} data-testid='privacy-contract'>
            《用户隐私保护指引》
          </Text>
          ，同意后可继续；不同意则本次操作取消，其他功能照常使用。
        </Text>
        <View className='privacy-prompt__actions'>
          <Button className='privacy-prompt__button' onClick={() => answer('disagree')} data-testid='privacy-disagree'>
            不同意
          </Button>
          <Button
            id={AGREE_ID}
            className='privacy-prompt__button privacy-prompt__button--primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer('agree')}
            data-testid='privacy-agree'
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
