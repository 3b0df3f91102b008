import type { SubscribeChannel } from '@shared/domain/notify'

/** What the platform's consent prompt gave: the channel and the template ids the resident allowed. */
export interface Consent {
  channel: SubscribeChannel
  accepted: string[]
}

/**
 * Asks for permission to send subscribe messages, from a tap. Taro picks the platform file:
 * `subscribe-consent.weapp.ts` (WeChat's `requestSubscribeMessage`; each "允许" is one message)
 * or `subscribe-consent.h5.ts` (no prompt: reminders reach the in-app inbox only). This file is
 * what the type checker and any other target see: the H5 behaviour.
 */
export { askConsent, wechatReminders } from './subscribe-consent.h5'
