import type { InboxItem } from '../_shared/contracts/notify'
import type { InboxMessage } from '../_shared/domain/inbox'
import type { Ctx } from '../_shared/runtime/action'
import { where } from '../_shared/store/port'

export function toItem(m: InboxMessage): InboxItem {
  const { residentId: _r, ...rest } = m
  return rest
}

export function unreadCount(ctx: Ctx): Promise<number> {
  return ctx.store.collection('inbox').count(where.and<InboxMessage>(where.eq('residentId', ctx.caller.id), where.eq('readAt', null)))
}
