/**
 * What the `indices` actions share: the org a caller asks about (inside their scope), the counter
 * documents behind a dashboard, and the indices computed from them.
 */
import type { BaselineReview, CriterionRow, OrgRef, TrendPoint } from '../contracts/indices'
import type { Counter } from '../domain/counter'
import {
  BASELINE_APPROVED_AT,
  BASELINE_APPROVED_BY,
  BASELINE_FIELDS,
  baselineMetric,
  type CohortFigure,
  counterWindow,
  CRITERIA,
  type EligibleGroups,
  CRITERION_LABELS,
  criterionStatus,
  INDEX_DEFS,
  INDEX_KEYS,
  type IndexKey,
  type IndexValue,
  type Series,
  seriesOf,
  toIndex,
  trendPeriods,
} from '../domain/indices'
import type { Org } from '../domain/org'
import type { Policy } from '../domain/policy'
import { periodName, periodRange, previousPeriod, yearsBefore } from '../domain/period'
import { eligibleGroupsOfCommunities, judgeEligibleGroups } from './enjoyment'
import type { TargetMap } from './targets'
import type { Permission } from '../domain/roles'
import type { Ctx } from '../runtime/action'
import type { Caller } from '../runtime/caller'
import { missingOrOutOfScope } from '../runtime/errors'
import { type Filter, where } from '../store/port'

export type StaffCaller = Extract<Caller, { kind: 'staff' }>

/** Why a role is refused the figures: the `refusal` of the actions that declare each permission. */
export const FIGURES_REFUSED = {
  'index.read': '你的角色不能查看指标',
  'index.baseline': '只有社区工作人员可以录入本社区的基数',
  'index.reconcile': '只有系统管理员可以重算计数',
  'index.baselineReview': '社区基数由所属街道审核',
  'intent.read': '你的角色不能进行此操作',
} as const satisfies Partial<Record<Permission, string>>

/** The org asked about: the caller's own (no read), or one inside their scope; outside it is 404. */
export async function targetOrg(ctx: Ctx, caller: StaffCaller, orgId: string | undefined): Promise<Org> {
  if (!orgId || orgId === caller.org._id) return caller.org
  const org = await ctx.store.collection('orgs').get(orgId)
  if (!org || !org.path.includes(caller.org._id)) throw missingOrOutOfScope(org, '单位不存在或不在你的管理范围内')
  return org
}

export function orgRef(o: Org): OrgRef {
  return { _id: o._id, name: o.name, level: o.level }
}

function windowFilter(period: string): Filter<Counter> {
  const w = counterWindow(period)
  return where.or<Counter>(where.in('period', w.years), where.and(where.gte('period', w.from), where.lte('period', w.to)))
}

/** A community's counter documents for a dashboard of `period`: exactly one store read. */
export async function communitySeries(ctx: Pick<Ctx, 'store'>, communityId: string, period: string): Promise<Series> {
  return (await communityCounters(ctx, communityId, period)).series
}

/** `communitySeries` with the counter documents it was read from (one read: the text fields, e.g. who approved a baseline). */
export async function communityCounters(ctx: Pick<Ctx, 'store'>, communityId: string, period: string): Promise<{ series: Series; docs: Counter[] }> {
  const page = await ctx.store.collection('counters').find({ where: where.and<Counter>(where.eq('orgId', communityId), windowFilter(period)), limit: 100 })
  return { series: seriesOf(page.items).get(communityId) ?? new Map(), docs: page.items }
}

/** Every org in the subtree of `org`, itself included. */
export async function orgsUnder(ctx: Pick<Ctx, 'store'>, org: Org): Promise<Org[]> {
  const out: Org[] = []
  for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', org._id), 500)) out.push(...batch)
  return out.sort((a, b) => a._id.localeCompare(b._id))
}

/** Every community in the subtree of `org` (itself, when it is one). */
export async function communitiesUnder(ctx: Pick<Ctx, 'store'>, org: Org): Promise<Org[]> {
  if (org.level === 'community') return [org]
  return (await orgsUnder(ctx, org)).filter((o) => o.level === 'community')
}

/** The counter documents of many communities, by community id (reads grow with communities, never with records). */
export async function seriesOfCommunities(ctx: Pick<Ctx, 'store'>, communities: readonly Org[], period: string): Promise<Map<string, Series>> {
  const out = new Map<string, Series>()
  const ids = communities.map((c) => c._id)
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    const docs: Counter[] = []
    for await (const batch of ctx.store.collection('counters').scan(where.and<Counter>(where.in('orgId', chunk), windowFilter(period)), 100)) docs.push(...batch)
    for (const [orgId, s] of seriesOf(docs)) out.set(orgId, s)
  }
  for (const id of ids) if (!out.has(id)) out.set(id, new Map())
  return out
}

/**
 * Every index of `period`, summed over `seriesList` (one community, or all under an upper org),
 * judged against `targets` (read from the `targets` collection: `targetsFor`), as of Shanghai
 * day `asOf` (survival cohorts not yet of age are left out).
 */
export function indicesOf(
  seriesList: readonly Series[],
  period: string,
  upper: boolean,
  targets: TargetMap,
  asOf: string,
  eligible: Eligibility = NO_ELIGIBILITY,
): IndexValue[] {
  const prev = previousPeriod(period)
  const lastYear = yearsBefore(period, 1)
  return INDEX_DEFS.map((def) =>
    toIndex(
      def.key,
      period,
      seriesList.map((s, i) => def.figure(s, period, asOf, eligible(period)[i])),
      seriesList.map((s, i) => def.figure(s, prev, asOf, eligible(prev)[i])),
      upper,
      {
        target: targets.get(def.key) ?? null,
        lastYearFigures: seriesList.map((s, i) => def.figure(s, lastYear, asOf, eligible(lastYear)[i])),
        cohorts: def.cohorts ? sumCohorts(seriesList.map((s) => def.cohorts?.(s, period, asOf) ?? [])) : null,
        asOf,
      },
    ),
  )
}

/** Cohort figures of several communities, summed per cohort month. */
function sumCohorts(lists: readonly CohortFigure[][]): CohortFigure[] {
  const by = new Map<string, CohortFigure>()
  for (const list of lists) {
    for (const c of list) {
      const had = by.get(c.cohort)
      by.set(c.cohort, had ? { cohort: c.cohort, num: had.num + c.num, den: had.den + c.den } : { ...c })
    }
  }
  return [...by.values()].sort((a, b) => a.cohort.localeCompare(b.cohort))
}

/** One index across the trend periods that end with `period`. */
export function trendOf(seriesList: readonly Series[], period: string, key: IndexKey, upper: boolean, asOf: string, eligible: Eligibility = NO_ELIGIBILITY): TrendPoint[] {
  const def = INDEX_DEFS.find((d) => d.key === key)
  if (!def) return []
  return trendPeriods(period).map((p) => {
    const i = toIndex(
      key,
      p,
      seriesList.map((s, i) => def.figure(s, p, asOf, eligible(p)[i])),
      seriesList.map((s, i) => def.figure(s, previousPeriod(p), asOf, eligible(previousPeriod(p))[i])),
      upper,
    )
    return { period: p, label: periodName(p), value: i.value, numerator: i.numerator, denominator: i.denominator }
  })
}

export function trendsOf(seriesList: readonly Series[], period: string, upper: boolean, asOf: string, eligible: Eligibility = NO_ELIGIBILITY): Record<IndexKey, TrendPoint[]> {
  return Object.fromEntries(INDEX_KEYS.map((k) => [k, trendOf(seriesList, period, k, upper, asOf, eligible)])) as Record<IndexKey, TrendPoint[]>
}

/**
 * 政策享受率's eligibility for each community, for any period: `of(p)` is in the order of
 * `communities`, judged by the policies in force at the end of `p` (so a trend point or last
 * year's figure is judged by the policies of its own time, not of the period asked for). One read
 * of the policies on their chains, whatever the periods.
 */
export type Eligibility = (period: string) => readonly (EligibleGroups | undefined)[]

export const NO_ELIGIBILITY: Eligibility = () => []

export async function eligibleListOf(ctx: Pick<Ctx, 'store'>, communities: readonly Pick<Org, '_id' | 'path'>[], period: string): Promise<Eligibility> {
  const { policies } = await eligibleGroupsOfCommunities(ctx, communities, periodRange(period).to)
  return eligibilityFrom(policies, communities)
}

/** `Eligibility` from the policies of the communities' chains (memoised per period end). */
export function eligibilityFrom(policies: readonly Policy[], communities: readonly Pick<Org, '_id' | 'path'>[]): Eligibility {
  const memo = new Map<string, EligibleGroups[]>()
  return (period) => {
    const end = periodRange(period).to
    let list = memo.get(end)
    if (!list) {
      const byCommunity = judgeEligibleGroups(policies, communities, end)
      memo.set(end, (list = communities.map((c) => byCommunity.get(c._id) ?? { all: false, mask: 0 })))
    }
    return list
  }
}

export function criteriaOf(indices: readonly IndexValue[]): CriterionRow[] {
  return CRITERIA.map((c) => ({
    criterion: c,
    label: CRITERION_LABELS[c],
    ...criterionStatus(indices, c),
    items: indices.filter((i) => i.criterion === c).map((i) => ({ key: i.key, label: i.label, light: i.light, value: i.value, unit: i.unit })),
  }))
}

/** The street's review of the baseline in a period's counter document: entered at all, approved, by whom and when. */
export function baselineReviewOf(doc: Counter | null): BaselineReview {
  const entered = Boolean(doc && BASELINE_FIELDS.some((f) => Number(doc[baselineMetric(f)] ?? 0) > 0))
  const at = Number(doc?.[BASELINE_APPROVED_AT] ?? 0)
  return {
    entered,
    approved: entered && at > 0,
    approvedBy: entered && at > 0 ? String(doc?.[BASELINE_APPROVED_BY] ?? '') : '',
    approvedAt: entered && at > 0 ? new Date(at).toISOString() : '',
  }
}
