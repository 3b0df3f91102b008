/**
 * A per-org, per-period counter document (DESIGN.md "Aggregates"): id `<orgId>:<period>`, one
 * numeric field per metric. Writes that move an index increment it in the same transaction, so
 * a dashboard is one read; upper levels sum their children's documents, never average ratios.
 */
export interface Counter {
  _id: string
  orgId: string
  period: string
  [metric: string]: string | number
}

/**
 * Metrics with this prefix are kept on month documents only (money breakdowns by kind, group,
 * policy and loan step): a quarter or year is the sum of its months, which the dashboard's one
 * query already reads. It keeps a benefit or loan step to one counter write instead of three.
 */
export const MONTHLY_PREFIX = 'mo_'

/** The periods (month first, then quarter and year) a metric is kept on, of the periods of its day. */
export function periodsOfMetric(metric: string, periods: readonly string[]): readonly string[] {
  return metric.startsWith(MONTHLY_PREFIX) ? periods.slice(0, 1) : periods
}

export function counterId(orgId: string, period: string): string {
  return `${orgId}:${period}`
}

/**
 * What one record adds to its org's counters: metric increments dated by the Shanghai day they
 * belong to. Every counted record has a pure `…Contributions(doc)` function; a write moves the
 * counters by `contributions(after) − contributions(before)` in its transaction, and
 * reconciliation recounts by summing the same function over the raw records, so the two cannot
 * disagree about what a record counts.
 */
export interface Contribution {
  /** YYYY-MM-DD, Shanghai calendar. */
  date: string
  inc: Record<string, number>
}

/** Sums contributions per date and metric, dropping zeros. */
export function sumContributions(list: readonly Contribution[], sign = 1, into = new Map<string, Map<string, number>>()): Map<string, Map<string, number>> {
  for (const c of list) {
    for (const [metric, n] of Object.entries(c.inc)) {
      if (!n) continue
      let day = into.get(c.date)
      if (!day) into.set(c.date, (day = new Map()))
      const v = (day.get(metric) ?? 0) + sign * n
      if (v === 0) day.delete(metric)
      else day.set(metric, v)
      if (!day.size) into.delete(c.date)
    }
  }
  return into
}

/** `after − before`, per date and metric, zeros dropped. */
export function diffContributions(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  const net = sumContributions(before, -1, sumContributions(after))
  return [...net].map(([date, day]) => ({ date, inc: Object.fromEntries(day) }))
}
