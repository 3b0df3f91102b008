import { pairedInput, type PairedCase } from '../../_shared/contracts/intent'
import { pairingQuery } from '../../_shared/application/work-queues'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { PAIRING_REFUSED } from './pairing-shared'

/**
 * 我挂帮的创业者: the caller's active pairings (or, `due`, those needing a follow-up today — the
 * workbench counts the same query), with the case's name and community.
 */
export const paired = defineAction({
  input: pairedInput,
  ...staffWith('pairing.write', PAIRING_REFUSED),
  async run({ due }, ctx): Promise<{ items: PairedCase[] }> {
    const today = shanghaiDate(ctx.now())
    const q = pairingQuery(ctx.caller.staff._id, today, due)
    const page = await ctx.store.collection('pairings').find({ where: q.where, orderBy: q.orderBy, limit: 100 })
    const cases = await Promise.all(page.items.map((p) => ctx.store.collection('cases').get(p.caseId)))
    return {
      items: page.items.map((p, i) => ({
        caseId: p.caseId,
        name: cases[i]?.name ?? '（已删除）',
        communityName: cases[i]?.communityName ?? '',
        reason: p.reason,
        pairedOn: p.pairedOn,
        lastFollowUpOn: p.lastFollowUpOn,
        dueOn: p.dueOn,
        due: p.dueOn <= today,
      })),
    }
  },
})
