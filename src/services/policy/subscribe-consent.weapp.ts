import Taro from '@tarojs/taro'
import type { Consent } from './subscribe-consent'

/**
 * WeChat: `requestSubscribeMessage` (must run inside the tap). Each template the resident
 * allows counts as one message we may send; declining still records the topics (in-app only).
 */
export async function askConsent(templateIds: string[]): Promise<Consent> {
  if (templateIds.length === 0) return { channel: 'weapp', accepted: [] }
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })
    const answers = res as unknown as Record<string, string>
    return { channel: 'weapp', accepted: templateIds.filter((id) => answers[id] === 'accept') }
  } catch {
    // Closed, or turned off in settings (20004): topics still saved, reminders only in 消息.
    return { channel: 'weapp', accepted: [] }
  }
}

export const wechatReminders: boolean = true
