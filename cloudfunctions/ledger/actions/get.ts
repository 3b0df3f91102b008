import { type CaseView, intentIdInput } from '../../_shared/contracts/intent'
import type { LeaderPairing } from '../../_shared/domain/pairing'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { pairingView } from './pairing-shared'
import { loadCase, projectTitles, toCaseView, caseStaff } from '../../_shared/application/case'

/** A case in full for staff in scope: answers, timeline, follow-ups, ventures, benefits; identifiers masked. */
export const get = defineAction({
  input: intentIdInput,
  ...caseStaff('intent.read'),
  async run({ id }, ctx): Promise<CaseView> {
    const intent = await loadCase(ctx, id)
    const view = toCaseView(intent, ctx.caller, ctx.now(), await projectTitles(ctx.store, intent.projectInterestIds))
    const pairings = await ctx.store.collection('pairings').find({ where: where.eq<LeaderPairing>('caseId', intent._id), limit: 20 })
    return { ...view, pairings: pairings.items.sort((a, b) => Number(b.active) - Number(a.active) || b.pairedOn.localeCompare(a.pairedOn)).map((p) => pairingView(p, ctx.caller.staff._id)) }
  },
})
