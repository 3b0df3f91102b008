import type { Consent } from './subscribe-consent'

/** H5: no WeChat prompt; the subscription is recorded without a quota and reminders go to 消息. */
export async function askConsent(_templateIds: string[]): Promise<Consent> {
  return { channel: 'h5', accepted: [] }
}

export const wechatReminders: boolean = false
