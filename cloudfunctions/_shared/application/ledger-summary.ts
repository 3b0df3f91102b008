import { targetsFor } from './targets'
import { benefitRows, fourInOneShare, groupRows, loanRows } from '../domain/indices'
import type { Org } from '../domain/org'
import { periodName } from '../domain/period'
import type { Ctx } from '../runtime/action'
import { communitiesUnder, communitySeries, eligibleListOf, indicesOf, seriesOfCommunities } from './figures-scope'

/** One line of the ledger's summary sheet: a figure as the dashboard shows it. */
export interface SummaryRow {
  section: string
  item: string
  /** Numerator or count. */
  a: number
  /** Denominator or amount (yuan); null when there is none. */
  b: number | null
  /** The value in words (a percentage, a mean), or ''. */
  value: string
}

/**
 * The figures of `org` for `period` the inspector's ledger summarises, computed by the same
 * functions and from the same counter documents as `indices.dashboard` and `indices.money`, so
 * the sheet and the dashboard cannot disagree. `asOf` is the Shanghai day of the action's clock
 * (`ctx.now()`), as the dashboard takes it: cohorts not yet of age are left out as of that day.
 */
export async function ledgerSummary(ctx: Pick<Ctx, 'store'>, org: Org, period: string, asOf: string): Promise<{ periodName: string; rows: SummaryRow[] }> {
  const communities = org.level === 'community' ? [org] : await communitiesUnder(ctx, org)
  const byCommunity = org.level === 'community' ? null : await seriesOfCommunities(ctx, communities, period)
  const seriesList = byCommunity ? communities.map((c) => byCommunity.get(c._id) ?? new Map()) : [await communitySeries(ctx, org._id, period)]
  const eligible = await eligibleListOf(ctx, communities, period)
  const rows: SummaryRow[] = []
  for (const i of indicesOf(seriesList, period, org.level !== 'community', await targetsFor(ctx.store, org, Number(period.slice(0, 4))), asOf, eligible)) {
    const value = i.value === null ? (i.missing ?? '缺数据') : i.unit === 'percent' ? `${(i.value * 100).toFixed(1)}%` : String(Math.round(i.value * 10) / 10)
    rows.push({ section: '指标', item: i.label, a: i.numerator, b: i.denominator, value })
  }
  for (const r of benefitRows(seriesList, period)) rows.push({ section: '政策享受（按类别）', item: r.label, a: r.count, b: r.amountFen / 100, value: '' })
  for (const r of groupRows(seriesList, period)) rows.push({ section: '政策享受（按人群）', item: r.label, a: r.count, b: r.amountFen / 100, value: '' })
  for (const r of loanRows(seriesList, period)) rows.push({ section: '创业担保贷款（按环节）', item: r.label, a: r.count, b: r.amountFen / 100, value: '' })
  const f = fourInOneShare(seriesList, period)
  rows.push({ section: '创业担保贷款', item: '四位一体（培训+项目+贷款+导师）', a: f.num, b: f.den, value: f.value === null ? '' : `${(f.value * 100).toFixed(1)}%` })
  return { periodName: periodName(period), rows }
}
