/**
 * The 市民创业状况调查's published figures and the 当地平均数, read from the period counters:
 * the `survey` function's public page and the `indices` function's dashboard and average share it.
 */
import type { CensusOutput, CensusRow, LocalAverageView } from '../contracts/survey'
import { type CensusFigure, censusFigure, type CensusMetrics, childSuppression, CENSUS_MIN_N, LOCAL_AVERAGE_SOURCE_LABELS, type LocalAverage, sumCensus } from '../domain/census'
import type { Counter } from '../domain/counter'
import type { Org } from '../domain/org'
import { TIMER_STARTER } from '../domain/job'
import { shanghaiDate } from '../domain/time'
import type { Ctx } from '../runtime/action'
import { AppError } from '../runtime/errors'
import { where } from '../store/port'
import { communitiesUnder, indicesOf, seriesOfCommunities } from './figures-scope'

/** The city (root) org: the one the public page and the average belong to. */
export async function cityOrg(ctx: Pick<Ctx, 'store'>): Promise<Org | null> {
  const page = await ctx.store.collection('orgs').find({ where: where.eq<Org>('level', 'city'), limit: 1 })
  return page.items[0] ?? null
}

/** The year counter document of every community in `communities`, by community id (census metrics only). */
export async function censusByCommunity(ctx: Pick<Ctx, 'store'>, communities: readonly Org[], year: number): Promise<Map<string, CensusMetrics>> {
  const out = new Map<string, CensusMetrics>()
  const ids = communities.map((c) => c._id)
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    for await (const batch of ctx.store.collection('counters').scan(where.and<Counter>(where.in('orgId', chunk), where.eq('period', String(year))), 100)) {
      for (const d of batch) out.set(d.orgId, sumCensus([d as unknown as CensusMetrics]))
    }
  }
  return out
}

export function localAverageView(doc: LocalAverage | null): LocalAverageView | null {
  if (!doc) return null
  return { year: doc.year, percent: doc.percent, source: doc.source, sourceLabel: LOCAL_AVERAGE_SOURCE_LABELS[doc.source], num: doc.num, den: doc.den, setAt: doc.setAt }
}

/** The stored 当地平均数 of a year (one read), or null when the city has not set or computed one. */
export async function localAverageOf(ctx: Pick<Ctx, 'store'>, year: number): Promise<LocalAverage | null> {
  return ctx.store.collection('localAverages').get(String(year))
}

/**
 * The city's own 创业活动指数 for a year: Σ engaged ÷ Σ working-age residents over every community
 * with a baseline (the city dashboard's figure, the same `indicesOf`), as a percentage.
 */
export async function computeCityActivity(ctx: Pick<Ctx, 'store'>, city: Org, year: number, asOf: string): Promise<{ percent: number | null; num: number; den: number | null }> {
  const series = await seriesOfCommunities(ctx, await communitiesUnder(ctx, city), String(year))
  const activity = indicesOf([...series.values()], String(year), true, new Map(), asOf).find((i) => i.key === 'activity')
  if (!activity || activity.value === null) return { percent: null, num: activity?.numerator ?? 0, den: activity?.denominator ?? null }
  return { percent: Math.round(activity.value * 10000) / 100, num: activity.numerator, den: activity.denominator }
}

/**
 * The nightly recount's last step (reconcile.ts `reconcileJob.finish`, run by the `indices`
 * function's `nightlyReconcile` timer and by every local start): when the city chose to compute the
 * current year's 当地平均数 (`source: 'computed'`), it is computed again from the repaired counters,
 * so it follows the communities' new engaged residents and baselines. An entered figure, a closed
 * year (目标 closed by 市创建办) or nothing to compute from leaves the stored document as it is.
 * Resolves the document written, or null when nothing changed.
 */
export async function refreshComputedAverage(store: Ctx['store'], now: Date): Promise<LocalAverage | null> {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const doc = await store.collection('localAverages').get(String(year))
  if (!doc || doc.source !== 'computed') return null
  if ((await store.collection('targetYears').get(String(year)))?.closed) return null
  const city = await cityOrg({ store })
  if (!city) return null
  const computed = await computeCityActivity({ store }, city, year, shanghaiDate(now))
  if (computed.percent === null) return null
  if (computed.percent === doc.percent && computed.num === doc.num && computed.den === doc.den) return null
  const next: LocalAverage = { ...doc, percent: computed.percent, num: computed.num, den: computed.den, setBy: TIMER_STARTER, setAt: now.toISOString() }
  await store.collection('localAverages').put(next)
  return next
}

/**
 * The public page for one org (the city, a district or a street) and year: its figure, its
 * children's (down to streets), each hidden under `CENSUS_MIN_N` respondents or to protect a
 * hidden neighbour, and the 当地平均数. Nothing here names or counts a single person.
 */
export async function censusPage(ctx: Pick<Ctx, 'store'>, year: number, orgId: string | undefined): Promise<CensusOutput> {
  const city = await cityOrg(ctx)
  if (!city) throw new AppError('NOT_FOUND', '还没有设置城市')
  const all: Org[] = []
  for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', city._id), 500)) all.push(...batch)
  const org = orgId ? all.find((o) => o._id === orgId) : city
  // Published down to streets only: a community is too small a group to publish on its own.
  if (!org || org.level === 'community') throw new AppError('NOT_FOUND', '只公布全市、区县和街道的结果', [{ path: 'orgId', message: '只公布全市、区县和街道的结果' }])
  const communities = all.filter((o) => o.level === 'community')
  const byCommunity = await censusByCommunity(ctx, communities, year)
  const sumUnder = (o: Org) => sumCensus(communities.filter((c) => c.path.includes(o._id)).map((c) => byCommunity.get(c._id) ?? {}))
  const trail = org.path.map((id) => all.find((o) => o._id === id)).filter((o): o is Org => !!o)
  // A group is published only if every group above it on the trail is: a hidden parent hides all below.
  let hidden: CensusFigure['hiddenReason'] = null
  for (let i = 0; i < trail.length; i++) {
    const here = sumUnder(trail[i])
    const n = Number(here.census_n ?? 0)
    if (hidden || n < CENSUS_MIN_N) {
      hidden = hidden ?? 'small'
      continue
    }
    if (i + 1 < trail.length) {
      // The next org on the trail must survive its siblings' complementary suppression too.
      const siblings = all.filter((o) => o.parentId === trail[i]._id).sort((a, b) => a._id.localeCompare(b._id))
      const reasons = childSuppression(false, siblings.map((s) => Number(sumUnder(s).census_n ?? 0)))
      const k = siblings.findIndex((s) => s._id === trail[i + 1]._id)
      if (k >= 0 && reasons[k]) hidden = reasons[k]
    }
  }
  const own = sumUnder(org)
  const figure = censusFigure(own, hidden)
  const kids = org.level === 'street' ? [] : all.filter((o) => o.parentId === org._id).sort((a, b) => a._id.localeCompare(b._id))
  const kidSums = kids.map(sumUnder)
  const reasons = childSuppression(figure.hidden, kidSums.map((m) => Number(m.census_n ?? 0)))
  const children: CensusRow[] = kids.map((k, i) => {
    const f = censusFigure(kidSums[i], reasons[i])
    return { org: { _id: k._id, name: k.name, level: k.level }, n: f.n, hidden: f.hidden, hiddenReason: f.hiddenReason, engaged: f.engaged, intending: f.intending }
  })
  const average = localAverageView(await localAverageOf(ctx, year))
  return {
    year,
    minN: CENSUS_MIN_N,
    org: { _id: org._id, name: org.name, level: org.level },
    trail: trail.map((o) => ({ _id: o._id, name: o.name, level: o.level })),
    figure,
    children,
    communitiesAnswered: communities.filter((c) => c.path.includes(org._id) && Number(byCommunity.get(c._id)?.census_n ?? 0) > 0).length,
    average,
  }
}
