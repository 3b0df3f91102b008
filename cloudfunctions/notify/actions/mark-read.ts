import { markReadInput, type MarkReadOutput } from '../../_shared/contracts/notify'
import type { InboxMessage } from '../../_shared/domain/inbox'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { unreadCount } from '../inbox'

/** Marks my messages read: the listed ones, or all. Someone else's ids change nothing. */
export const markRead = defineAction({
  input: markReadInput,
  access: 'any',
  async run(input, ctx): Promise<MarkReadOutput> {
    const me = ctx.caller.id
    const at = ctx.now().toISOString()
    const inbox = ctx.store.collection('inbox')
    const mineUnread = where.and<InboxMessage>(where.eq('residentId', me), where.eq('readAt', null))
    let marked = 0
    if (input.all) {
      for await (const batch of inbox.scan(mineUnread, 200)) {
        for (const m of batch) if (await inbox.update(m._id, { set: { readAt: at } }, mineUnread)) marked++
      }
    } else {
      for (const id of new Set(input.ids ?? [])) if (await inbox.update(id, { set: { readAt: at } }, mineUnread)) marked++
    }
    return { marked, unreadCount: await unreadCount(ctx) }
  },
})
