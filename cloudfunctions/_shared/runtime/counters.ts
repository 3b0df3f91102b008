import { type Counter, counterId } from '../domain/counter'
import { periodsOf } from '../domain/period'
import type { Collections } from '../store/collections'
import type { TxStore } from '../store/port'

/**
 * Adds `inc` to the org's month, quarter and year counters, inside the caller's transaction,
 * creating a period's document on its first event. Only the org's own documents are touched;
 * roll-ups sum children at read time.
 */
export async function bumpCounters(
  tx: TxStore<Collections>,
  orgId: string,
  at: Date,
  inc: Record<string, number>,
): Promise<void> {
  const metrics = Object.entries(inc).filter(([, n]) => n !== 0)
  if (!metrics.length) return
  const counters = tx.collection('counters')
  for (const period of Object.values(periodsOf(at))) {
    const id = counterId(orgId, period)
    const current = await counters.get(id)
    if (current) {
      await counters.update(id, { inc: Object.fromEntries(metrics) as Partial<Record<string, number>> })
    } else {
      const doc: Counter = { _id: id, orgId, period, ...Object.fromEntries(metrics) }
      await counters.insert(doc)
    }
  }
}
