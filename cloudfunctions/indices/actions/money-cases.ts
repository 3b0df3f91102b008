import { moneyCasesInput, type MoneyCasesOutput } from '../../_shared/contracts/indices'
import type { LedgerRow } from '../../_shared/contracts/intent'
import type { Intent } from '../../_shared/domain/intent'
import { periodName } from '../../_shared/domain/period'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { toLedgerRow } from '../../_shared/application/case'
import { FIGURES_REFUSED, targetOrg } from '../../_shared/application/figures-scope'
import { countsToward } from './drilldown'

const PAGE = 20
const SCAN_LIMIT = 400

/**
 * The ledger cases behind one money figure (a benefit kind, target group or policy, a loan step,
 * the 四位一体 loans): the org's cases whose own contributions count toward that metric in the
 * period — the same contributions the counters were moved by — a bounded number per call.
 */
export const moneyCases = defineAction({
  input: moneyCasesInput,
  access: 'staff',
  permission: 'index.read',
  refusal: FIGURES_REFUSED['index.read'],
  rules: [{ on: 'every call (the ledger cases behind a figure)', access: 'staff', permission: 'intent.read', refusal: FIGURES_REFUSED['intent.read'] }],
  async run({ orgId, period, metric, after }, ctx): Promise<MoneyCasesOutput> {
    const org = await targetOrg(ctx, ctx.caller, orgId)
    const spec = { metrics: [metric], mode: 'flow' as const, period }
    const filter = org.level === 'community' ? where.eq<Intent>('communityId', org._id) : where.has<Intent>('communityPath', org._id)
    const today = shanghaiDate(ctx.now())
    const items: LedgerRow[] = []
    let cursor = after ?? null
    let scanned = 0
    do {
      const page = await ctx.store.collection('intents').find({ where: filter, orderBy: [{ field: '_id', dir: 'asc' }], limit: PAGE, after: cursor })
      scanned += page.items.length
      for (const i of page.items) if (countsToward(i, spec)) items.push(toLedgerRow(i, today))
      cursor = page.next
    } while (cursor && items.length < PAGE && scanned < SCAN_LIMIT)
    return { metric, periodName: periodName(period), items, next: cursor }
  },
})
