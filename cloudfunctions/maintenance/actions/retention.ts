import { retentionInput, type RetentionOutput } from '../../_shared/contracts/maintenance'
import type { Case } from '../../_shared/domain/case'
import { isDueForAnonymisation, retentionCutoff } from '../../_shared/domain/retention'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { pagesOf, where } from '../../_shared/store/port'
import { anonymiseCase } from '../../_shared/application/anonymise'

/**
 * The retention job: closed or withdrawn cases whose last change is older than `days` lose their
 * personal fields through the same helper as a resident's own deletion, so the counters do not
 * move. Admin only (`org.write`); each case is one transaction, and a case changed meanwhile is
 * re-checked inside it, so a rerun after an interruption finishes the work.
 */
export const retention = defineAction({
  input: retentionInput,
  ...staffWith('org.write', '你的角色不能进行此操作'),
  audit: 'write',
  async run({ days, dryRun }, ctx): Promise<RetentionOutput> {
    const now = ctx.now()
    const cutoff = retentionCutoff(now, days)
    const at = now.toISOString()
    const candidates = where.and<Case>(
      where.lt('updatedAt', cutoff),
      where.or(where.eq('stage', 'closed'), where.eq('status', 'withdrawn')),
    )
    // Pages in the `updated` index's own order (updatedAt, then _id): a scan pages by _id, which
    // after a range seek makes MongoDB sort every remaining candidate again for each batch
    // (quadratic in the city's old closed cases).
    const due: string[] = []
    for await (const items of pagesOf(ctx.store.collection('cases'), { where: candidates, orderBy: [{ field: 'updatedAt', dir: 'asc' }] })) {
      for (const i of items) if (isDueForAnonymisation(i, cutoff)) due.push(i._id)
    }
    let anonymised = 0
    if (!dryRun) {
      for (const id of due) {
        if (await anonymiseCase(ctx, id, at, (current) => isDueForAnonymisation(current, cutoff))) anonymised++
      }
    }
    return { dryRun, days, cutoff, due: due.length, anonymised }
  },
})
