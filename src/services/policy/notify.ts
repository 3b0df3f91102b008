import type { InboxInput, PushInput, SubscribeInput } from '@shared/contracts/notify'
import type { SwitchableKind } from '@shared/domain/notice'
import { call } from '../core/cloud'


export const listInbox = (input: InboxInput) => call('notify', 'inbox', input)
export const markRead = (ids: string[]) => call('notify', 'markRead', { ids })
export const markAllRead = () => call('notify', 'markRead', { all: true })
/** The resident opened a push's message from WeChat (the page carries the push id). */
export const markPushOpened = (push: string) => call('notify', 'markRead', { push })

export { unreadCount } from './unread'

/** My notice switches (我的 → 消息提醒) and the progress template with my consents left. */
export const getNotices = () => call('notify', 'notices', {})
export const setNotice = (kind: SwitchableKind, on: boolean) => call('notify', 'setNotice', { kind, on })
export const consentNotices = (accepted: string[]) => call('notify', 'consentNotices', { accepted })

export const getPreferences = () => call('notify', 'preferences', {})
export const subscribe = (input: SubscribeInput) => call('notify', 'subscribe', input)
export const pushPolicy = (input: PushInput) => call('notify', 'push', input)
export const getPushStatus = (policyId: string) => call('notify', 'pushStatus', { policyId })
