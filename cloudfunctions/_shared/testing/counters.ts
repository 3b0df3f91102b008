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
