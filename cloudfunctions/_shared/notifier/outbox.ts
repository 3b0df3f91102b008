import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import type { Notifier, SendOutcome, SubscribeMessage } from './port'

/**
 * The local runtime's notifier: every message goes to the `outbox` collection exactly as WeChat
 * would receive it (field values already cut to WeChat's rules), keyed by the delivery so a
 * repeat overwrites rather than adds. The resident reads it in the in-app inbox, which every
 * push fills anyway.
 */
export function outboxNotifier(store: Store<Collections>, now: () => Date = () => new Date()): Notifier {
  return {
    async send(m: SubscribeMessage): Promise<SendOutcome> {
      await store.collection('outbox').put({
        _id: m.id,
        toUser: m.toUser,
        templateId: m.templateId,
        page: m.page,
        data: m.data,
        createdAt: now().toISOString(),
      })
      return { ok: true }
    },
  }
}
