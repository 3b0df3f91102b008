import type { Ctx } from '../_shared/runtime/action'
import { where } from '../_shared/store/port'
import type { PushDelivery } from '../_shared/domain/notify'

/**
 * Records that the resident opened a push's message (inbox tap or the WeChat message): the
 * delivery sharing the inbox message's hash gets `openedAt` once, and the push's open count
 * moves with it in one transaction, so a second tap counts nothing.
 */
export async function recordOpen(ctx: Ctx, inboxId: string): Promise<void> {
  if (!inboxId.startsWith('ib_')) return
  const deliveryId = `pd_${inboxId.slice(3)}`
  const at = ctx.now().toISOString()
  await ctx.store.transaction(async (tx) => {
    const d = await tx.collection('pushDeliveries').get(deliveryId)
    if (!d || d.residentId !== ctx.caller.id) return
    if (await tx.collection('pushDeliveries').update(deliveryId, { set: { openedAt: at } }, where.eq<PushDelivery>('openedAt', ''))) {
      await tx.collection('pushes').update(d.pushId, { inc: { opened: 1 } })
    }
  })
}
