import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NoticesOutput } from '@shared/contracts/notify'
import type { SwitchableKind } from '@shared/domain/notice'
import { useLoad } from '../../hooks/use-load'
import { consentNotices, getNotices, setNotice } from '../../services/policy/notify'
import { askConsent, wechatReminders } from '../../services/policy/subscribe-consent'
import { errorMessage } from '../../services/core/cloud'
import { toastSuccess, toastText } from '../../utils/toast'
import './index.scss'

/**
 * 消息提醒, on 我的: one switch per kind of message (case progress, site application, feedback
 * replies, sign-ups, policy reminders). In WeChat, 允许微信提醒 asks `requestSubscribeMessage`
 * for the progress template; each "允许" lets us send one WeChat message (the count is shown).
 */
export default function NoticeSwitches() {
  const data = useLoad<NoticesOutput>(() => getNotices(), [])
  const [busy, setBusy] = useState<SwitchableKind | 'consent' | null>(null)
  if (!data.data) return null
  const { kinds, template } = data.data

  const toggle = async (kind: SwitchableKind, on: boolean) => {
    if (busy) return
    setBusy(kind)
    try {
      data.setData(await setNotice(kind, on))
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const allowWechat = async () => {
    if (!template || busy) return
    setBusy('consent')
    try {
      // Must run inside the tap (WeChat's rule for requestSubscribeMessage).
      const { accepted } = await askConsent([template.templateId])
      if (accepted.length) {
        data.setData(await consentNotices(accepted))
        toastSuccess('已允许一条微信提醒')
      }
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='notice-switches' data-testid='notice-switches'>
      <Text className='notice-switches__title'>消息提醒</Text>
      <Text className='notice-switches__note'>有进展时会在“消息”里告诉你；不想收到的可以关掉。</Text>
      {kinds.map((k) => (
        <View
          key={k.kind}
          className='notice-switches__row'
          role='switch'
          aria-checked={k.on}
          aria-label={k.label}
          onClick={() => void toggle(k.kind, !k.on)}
          data-testid={`notice-switch-${k.kind}`}
          data-on={k.on ? 'true' : 'false'}
        >
          <Text className='notice-switches__label'>{k.label}</Text>
          <Text className={`notice-switches__state${k.on ? ' notice-switches__state--on' : ''}`}>{busy === k.kind ? '…' : k.on ? '开' : '关'}</Text>
        </View>
      ))}
      {wechatReminders && template ? (
        <View className='notice-switches__wechat' role='button' onClick={() => void allowWechat()} data-testid='notice-allow-wechat'>
          <Text>允许微信提醒</Text>
          <Text className='notice-switches__count'>还可收到 {template.remaining} 条</Text>
        </View>
      ) : null}
    </View>
  )
}
