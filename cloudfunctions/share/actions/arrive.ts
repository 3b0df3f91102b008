import { shareArriveInput, type ShareArriveOutput } from '../../_shared/contracts/share'
import { type ShareArrival, shareArrivalContributions } from '../../_shared/domain/share'
import { defineAction } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { notFound } from '../../_shared/runtime/errors'
import { arrivalIdOf, loadItem, shareRefOf } from '../items'

/**
 * A resident opened an item through a share. Counted once per (item, resident) — the record's
 * id is a keyed hash of the pair, inserted only if absent — and never for the sharer opening
 * their own link or for staff. The item's org's `shareArrivals` counter moves in the same
 * transaction.
 */
export const arrive = defineAction({
  input: shareArriveInput,
  access: 'any',
  async run(input, ctx): Promise<ShareArriveOutput> {
    const { caller, keyring } = ctx
    const item = await loadItem(ctx, input.kind, input.id)
    if (!item || !item.open) throw notFound('内容不存在或已下架')
    if (caller.kind !== 'resident' || shareRefOf(keyring, caller.id) === input.ref) return { counted: false }
    const id = arrivalIdOf(keyring, input.kind, input.id, caller.id)
    const counted = await ctx.store.transaction(async (tx) => {
      if (await tx.collection('shareArrivals').get(id)) return false
      const doc: ShareArrival = { _id: id, kind: input.kind, itemId: input.id, orgId: item.orgId, ref: input.ref, at: ctx.now().toISOString() }
      await tx.collection('shareArrivals').insert(doc)
      await applyCountedChange(tx, null, { orgId: doc.orgId, contributions: shareArrivalContributions(doc) })
      return true
    })
    return { counted }
  },
})
