import { inboxInput, type InboxOutput } from '../../_shared/contracts/notify'
import type { InboxMessage } from '../../_shared/domain/inbox'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { toItem, unreadCount } from '../inbox'

/**
 * My messages, newest first (keyset paged), and how many are unread. Staff have an inbox too:
 * deadline reminders of the evaluation chain are addressed to their staff id.
 */
export const inbox = defineAction({
  input: inboxInput,
  access: 'any',
  async run(input, ctx): Promise<InboxOutput> {
    const page = await ctx.store.collection('inbox').find({
      where: where.eq<InboxMessage>('residentId', ctx.caller.id),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map(toItem), next: page.next, unreadCount: await unreadCount(ctx) }
  },
})
