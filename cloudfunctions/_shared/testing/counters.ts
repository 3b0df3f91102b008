import { seriesOf } from '../domain/indices'
import { monthsOf } from '../domain/period'
import type { Collections } from '../store/collections'
import { type Store, where } from '../store/port'
import type { Counter } from '../domain/counter'

/** A quarter's counts as a dashboard reads them: summed from its months' counter documents (and the month parts on the year's). */
export async function quarterCounts(store: Store<Collections>, orgId: string, quarter: string): Promise<Record<string, number>> {
  const page = await store.collection('counters').find({
    where: where.and<Counter>(where.eq('orgId', orgId), where.in('period', [...monthsOf(quarter), quarter, quarter.slice(0, 4)])),
    limit: 10,
  })
  return seriesOf(page.items).get(orgId)?.get(quarter) ?? {}
}

/**
 * A month's or a year's counts as a dashboard reads them: the period's own document and the
 * month parts on its year document (`seriesOf`), whichever document a metric is kept on.
 */
export async function periodCounts(store: Store<Collections>, orgId: string, period: string): Promise<Record<string, number>> {
  const page = await store.collection('counters').find({
    where: where.and<Counter>(where.eq('orgId', orgId), where.in('period', [...new Set([period, period.slice(0, 4)])])),
    limit: 10,
  })
  return seriesOf(page.items).get(orgId)?.get(period) ?? {}
}

/** Every counter document in the store, in id order. */
export async function allCounters(store: Store<Collections>): Promise<Counter[]> {
  const docs: Counter[] = []
  for await (const batch of store.collection('counters').scan(undefined, 500)) docs.push(...batch)
  return docs.sort((a, b) => a._id.localeCompare(b._id))
}

/**
 * Every org's series as readers get it (`seriesOf`), as `org:period:metric` → value, zeros dropped
 * (a field at 0 and none read the same), and only the metrics `keep` accepts.
 */
export function counterFigures(docs: readonly Counter[], keep: (metric: string) => boolean = () => true): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [org, s] of seriesOf(docs)) {
    for (const [period, m] of s) for (const [k, v] of Object.entries(m)) if (keep(k) && v !== 0) out[`${org}:${period}:${k}`] = v
  }
  return out
}
