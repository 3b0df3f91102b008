import { intentIdInput, type MyCase } from '../../_shared/contracts/intent'
import type { Case } from '../../_shared/domain/case'
import { defineAction } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { conflict, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { countedIntent, idCardSlotId, phoneSlotId, projectTitles, residentSlotId, toMyCase } from '../../_shared/application/case'

/**
 * The resident withdraws their registration. It leaves the active ledger, frees the slots (they
 * may register again), and the counters move by what the case counted before and after
 * (`intentContributions`): registration, asked-for-help and guided counts leave the periods they
 * were added in; ventures and benefits already recorded stay counted: they happened.
 */
export const withdraw = defineAction({
  input: intentIdInput,
  access: 'resident',
  audit: 'write',
  target: (input) => input.id,
  async run({ id }, ctx): Promise<MyCase> {
    const { caller } = ctx
    const current = await ctx.store.collection('cases').get(id)
    if (!current || current.residentId !== caller.id) throw missingOrOutOfScope(current, '这条登记不存在')
    if (current.status === 'withdrawn') return toMyCase(current, await projectTitles(ctx.store, current.projectInterestIds))
    const at = ctx.now().toISOString()
    const next: Case = { ...current, status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: current.version + 1 }
    const ok = await ctx.store.transaction(async (tx) => {
      const changed = await tx
        .collection('cases')
        .update(id, { set: { status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: next.version } }, where.eq('version', current.version))
      if (!changed) return false
      await tx.collection('caseSlots').remove(residentSlotId(ctx, current.communityId, caller.id))
      await tx.collection('caseSlots').remove(idCardSlotId(current.idCardHash))
      if (current.registeredBy && current.phoneHash) await tx.collection('caseSlots').remove(phoneSlotId(current.phoneHash))
      await applyCountedChange(tx, countedIntent(current), countedIntent(next))
      return true
    })
    if (!ok) throw conflict('登记刚有变化，请刷新后再试')
    return toMyCase(next, await projectTitles(ctx.store, current.projectInterestIds))
  },
})
