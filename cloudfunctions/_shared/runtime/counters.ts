import { type Contribution, type Counter, counterId, diffContributions, placementsOf } from '../domain/counter'
import { countedPeriodsOf } from '../domain/period'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type TxStore } from '../store/port'

/** A record's contributions and the org they count for (null: the record does not exist). */
export interface Counted {
  orgId: string
  contributions: readonly Contribution[]
}

/**
 * Moves the counters by what a record's change adds and takes away, inside the caller's
 * transaction: `after − before` when the org is the same, else `before` leaves its org and
 * `after` joins its own. Each period document is read and written once, however many days move.
 */
export async function applyCountedChange(tx: TxStore<Collections>, before: Counted | null, after: Counted | null): Promise<void> {
  const byOrg = new Map<string, Contribution[]>()
  const add = (orgId: string, list: readonly Contribution[]) => byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), ...list])
  if (before && after && before.orgId === after.orgId) {
    add(after.orgId, diffContributions(before.contributions, after.contributions))
  } else {
    if (before) add(before.orgId, diffContributions(before.contributions, []))
    if (after) add(after.orgId, diffContributions([], after.contributions))
  }
  for (const [orgId, list] of byOrg) await applyContributions(tx, orgId, list)
}

/** Adds `list` to the org's month and year documents (see `countedPeriodsOf`, `placementsOf`), one write per document. */
export async function applyContributions(tx: TxStore<Collections>, orgId: string, list: readonly Contribution[]): Promise<void> {
  const perPeriod = new Map<string, Record<string, number>>()
  for (const c of list) {
    // Month and year documents only (a quarter is summed from its months); `mo_` metrics and the
    // 政策享受率 stock on the year document only (`placementsOf`).
    const periods = countedPeriodsOf(dayInstant(c.date))
    for (const [metric, n] of Object.entries(c.inc)) {
      for (const [period, field] of placementsOf(metric, periods)) {
        const inc = perPeriod.get(period) ?? {}
        inc[field] = (inc[field] ?? 0) + n
        perPeriod.set(period, inc)
      }
    }
  }
  for (const [period, inc] of perPeriod) await bumpPeriod(tx, orgId, period, inc)
}

/**
 * One write when the document exists (an increment needs no read: CloudBase applies `inc`
 * server-side, SQLite in its UPDATE), two the first time a period is counted. Two transactions
 * creating the same document at once: the second insert is a duplicate and its transaction
 * fails (and is retried on CloudBase), so no increment is lost.
 */
async function bumpPeriod(tx: TxStore<Collections>, orgId: string, period: string, inc: Record<string, number>): Promise<void> {
  const metrics = Object.entries(inc).filter(([, n]) => n !== 0)
  if (!metrics.length) return
  const counters = tx.collection('counters')
  const id = counterId(orgId, period)
  // A blind increment, then an insert only for a period's first count: one write, no read, in the
  // common case (an increment of a missing document matches nothing on both engines).
  if (await counters.update(id, { inc: Object.fromEntries(metrics) as Partial<Record<string, number>> })) return
  const doc: Counter = { _id: id, orgId, period, ...Object.fromEntries(metrics) }
  try {
    await counters.insert(doc)
  } catch (err) {
    // Outside a transaction (a sign-up's counters), another request created it meanwhile: add to it.
    if (!(err instanceof DuplicateIdError) || !(await counters.update(id, { inc: Object.fromEntries(metrics) as Partial<Record<string, number>> }))) throw err
  }
}

/** Noon in Shanghai on `date` (YYYY-MM-DD): the instant a dated contribution is counted at. */
export function dayInstant(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`)
}
