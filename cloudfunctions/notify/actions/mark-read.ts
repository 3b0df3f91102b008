import { markReadInput, type MarkReadOutput } from '../../_shared/contracts/notify'
import type { InboxMessage } from '../../_shared/domain/inbox'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { unreadCount } from '../inbox'
import { recordOpen } from '../opens'
import { deliveryHash } from '../sender'

/**
 * Marks my messages read: the listed ones, all, or the one a push filed for me (opened from the
 * WeChat message). Someone else's ids change nothing. A push's message opened by id or by push
 * counts as an open of that push; "all read" does not.
 */
export const markRead = defineAction({
  input: markReadInput,
  access: 'any',
  async run(input, ctx): Promise<MarkReadOutput> {
    const me = ctx.caller.id
    const at = ctx.now().toISOString()
    const inbox = ctx.store.collection('inbox')
    const mine = where.eq<InboxMessage>('residentId', me)
    const mineUnread = where.and<InboxMessage>(mine, where.eq('readAt', null))
    let marked = 0
    if (input.all) {
      for await (const batch of inbox.scan(mineUnread, 200)) {
        for (const m of batch) if (await inbox.update(m._id, { set: { readAt: at } }, mineUnread)) marked++
      }
    }
    const opened = new Set(input.ids ?? [])
    if (input.push) opened.add(`ib_${deliveryHash(ctx, input.push, me)}`)
    for (const id of opened) {
      if (!input.all && (await inbox.update(id, { set: { readAt: at } }, mineUnread))) marked++
      await recordOpen(ctx, id)
    }
    return { marked, unreadCount: await unreadCount(ctx) }
  },
})
