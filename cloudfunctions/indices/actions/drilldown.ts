import { drilldownInput, type DrilldownOutput } from '../../_shared/contracts/indices'
import type { LedgerRow } from '../../_shared/contracts/intent'
import { type DrillSpec, INDEX_DEF_BY_KEY } from '../../_shared/domain/indices'
import { type Case, intentContributions } from '../../_shared/domain/case'
import { periodName, periodRange } from '../../_shared/domain/period'
import { shanghaiDate } from '../../_shared/domain/time'
import { type Ctx, defineAction, staffWith } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { type Filter, where } from '../../_shared/store/port'
import { toLedgerRow } from '../../_shared/application/case'
import { communitiesUnder, FIGURES_REFUSED, targetOrg } from '../../_shared/application/figures-scope'
import { eligibleGroupsOfCommunities } from '../../_shared/application/enjoyment'
import { ELIGIBLE_METRICS, groupMask } from '../../_shared/domain/money'

/** Does this case count toward `spec`? The same contributions the counters were moved by. */
export function countsToward(intent: Case, spec: DrillSpec): boolean {
  const { from, to } = periodRange(spec.period)
  // A cohort or 12-month window: only the days of those months count (flows).
  const months = spec.months ? new Set(spec.months) : null
  let total = 0
  for (const c of intentContributions(intent)) {
    if (months) {
      if (!months.has(`${c.date.slice(0, 4)}-M${c.date.slice(5, 7)}`)) continue
    } else if (c.date > to || (spec.mode === 'flow' && c.date < from)) continue
    for (const m of spec.metrics) total += c.inc[m] ?? 0
  }
  // A flow figure is moved both ways: a venture closed (−1) or jobs lost in the period moved the
  // 净增 / 贡献率 as much as a new one did, so its case is behind the figure too. A stock lists its members.
  return spec.mode === 'flow' ? total !== 0 : total > 0
}

/** Cases a page shows, and cases one call reads at most, when listing the cases behind a figure. */
export const PAGE = 20
export const SCAN_LIMIT = 400

/**
 * A page of the cases behind a figure: the ledger rows of the cases `filter` holds that `counts`
 * keeps, walked in `_id` order from `after`, at most PAGE rows and SCAN_LIMIT cases read per call
 * (`next` goes on from there).
 */
export async function casesCounted(ctx: Ctx, filter: Filter<Case>, counts: (i: Case) => boolean, today: string, after: string | null | undefined): Promise<{ items: LedgerRow[]; next: string | null }> {
  const items: LedgerRow[] = []
  let cursor = after ?? null
  let scanned = 0
  do {
    const page = await ctx.store.collection('cases').find({ where: filter, orderBy: [{ field: '_id', dir: 'asc' }], limit: PAGE, after: cursor })
    scanned += page.items.length
    for (const i of page.items) if (counts(i)) items.push(toLedgerRow(i, today))
    cursor = page.next
  } while (cursor && items.length < PAGE && scanned < SCAN_LIMIT)
  return { items, next: cursor }
}

/**
 * Who may list the ledger cases behind a figure: staff who may read the figures, and (the rows
 * are ledger rows) who may read the ledger too.
 */
export const CASES_BEHIND_A_FIGURE = {
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  rules: [{ on: 'every call (the ledger cases behind a figure)', access: 'staff', permission: 'intent.read', refusal: FIGURES_REFUSED['intent.read'] }],
} as const

/**
 * The ledger cases behind an index's numerator or denominator, as ledger rows (masked). Reads the
 * org's cases in id order, a bounded number per call, and keeps those whose contributions count
 * toward the figure; `next` continues where it stopped.
 */
export const drilldown = defineAction({
  input: drilldownInput,
  ...CASES_BEHIND_A_FIGURE,
  async run({ orgId, period, key, side, after }, ctx): Promise<DrilldownOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    const def = INDEX_DEF_BY_KEY.get(key)
    const today = shanghaiDate(ctx.now())
    const spec = def?.drill?.(period, today)[side]
    if (!def || !spec) throw notFound('这个数字背后不是台帐记录，没有名单可看')
    const filter = org.level === 'community' ? where.eq<Case>('communityId', org._id) : where.has<Case>('communityPath', org._id)
    // 政策享受率: each case judged against its community's policies in force at the period's end
    // (one read), through the same mask stocks the figure sums.
    const eligible = spec.enjoyment ? (await eligibleGroupsOfCommunities(ctx, await communitiesUnder(ctx, org), periodRange(spec.period).to)).byCommunity : null
    const counts = (i: Case): boolean => {
      if (!spec.enjoyment || !eligible) return countsToward(i, spec)
      const g = eligible.get(i.communityId)
      const mask = groupMask(i.targetGroups)
      if (!g || !(g.all || (mask & g.mask) !== 0)) return false
      const metric = spec.enjoyment === 'num' ? ELIGIBLE_METRICS.benefited(mask) : ELIGIBLE_METRICS.people(mask)
      return countsToward(i, { ...spec, metrics: [metric] })
    }
    const { items, next } = await casesCounted(ctx, filter, counts, today, after)
    return {
      key,
      side,
      label: side === 'num' ? def.numLabel : def.denLabel,
      periodName: periodName(spec.period),
      items,
      next,
    }
  },
})
