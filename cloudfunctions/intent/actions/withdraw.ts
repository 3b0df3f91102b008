import { intentIdInput, type MyCase } from '../../_shared/contracts/intent'
import { type Intent, METRICS } from '../../_shared/domain/intent'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, forbidden, notFound } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { applyBumps, type Bump, idCardSlotId, projectTitles, residentSlotId, toMyCase } from '../case'

/**
 * The resident withdraws their registration. It leaves the active ledger, frees the slots (they
 * may register again), and takes back what it added to the registration, asked-for-help and
 * guided counts, in the periods it added them. Ventures and benefits already recorded stay
 * counted: they happened.
 */
export const withdraw = defineAction({
  input: intentIdInput,
  access: 'resident',
  audit: 'write',
  target: (input) => input.id,
  async run({ id }, ctx): Promise<MyCase> {
    const { caller } = ctx
    if (caller.kind !== 'resident') throw forbidden('仅限居民使用')
    const current = await ctx.store.collection('intents').get(id)
    if (!current || current.residentId !== caller.id) throw notFound('这条登记不存在')
    if (current.status === 'withdrawn') return toMyCase(current, await projectTitles(ctx.store, current.projectInterestIds))
    const at = ctx.now().toISOString()
    const next: Intent = { ...current, status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: current.version + 1 }
    const bumps: Bump[] = [
      {
        orgId: current.communityId,
        at: new Date(current.createdAt),
        inc: { [METRICS.registered]: -1, [METRICS.askedHelp]: current.askedHelp ? -1 : 0 },
      },
    ]
    if (current.askedHelp && current.guidedAt) {
      bumps.push({ orgId: current.communityId, at: new Date(current.guidedAt), inc: { [METRICS.guided]: -1 } })
    }
    const ok = await ctx.store.transaction(async (tx) => {
      const changed = await tx
        .collection('intents')
        .update(id, { set: { status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: next.version } }, where.eq('version', current.version))
      if (!changed) return false
      await tx.collection('intentSlots').remove(residentSlotId(ctx, current.communityId, caller.id))
      await tx.collection('intentSlots').remove(idCardSlotId(current.idCardHash))
      await applyBumps(tx, bumps)
      return true
    })
    if (!ok) throw conflict('登记刚有变化，请刷新后再试')
    return toMyCase(next, await projectTitles(ctx.store, current.projectInterestIds))
  },
})
