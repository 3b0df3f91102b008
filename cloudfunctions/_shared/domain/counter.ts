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
 * Metrics with this prefix are counted per month (money breakdowns by kind, group, policy and loan
 * step): a quarter or year is the sum of its months. They are kept on the YEAR document, one field
 * per month (`monthKeyed`), which the dashboard's one query already reads (`seriesOf` hands them
 * out to their months). With the 政策享受率 stock below on the same document, a benefit or loan
 * step is one counter write (one `inc` update), an entrepreneur's first eligible benefit included.
 */
export const MONTHLY_PREFIX = 'mo_'

/**
 * Stocks kept on the year document only, as the year's total plus one field per month: the
 * entrepreneurs with an eligible benefit per target-group mask (`entb_m<mask>`, 政策享受率), which
 * a benefit moves. Past years' totals feed the running sum (`stock`), the month parts the levels
 * within a year; both move in the same update as the benefit's money metrics.
 */
const YEAR_KEPT_STOCK = /^entb_m\d+$/

/**
 * Flows kept on the year document only, as the year's total plus one field per month (issue 24,
 * a sign-up within 5 writes): the event metrics (`EVENT_METRICS` in domain/event), which every
 * sign-up, check-in and cancellation moves. The month's part and the year's total move in one
 * `inc` of one document, so a sign-up's counters are one write (two when the resident was reached
 * in another year than the event is held in), and a crowd signing up moves one counter document
 * per org instead of two. Readers get the month from the year document (`seriesOf`).
 */
const YEAR_KEPT_FLOW = /^(eventsHeld|signups|attendance|residentsReached)$/

/** Is `metric` kept on the year document only (total and month parts), never on a month document? */
export function yearKept(metric: string): boolean {
  return YEAR_KEPT_STOCK.test(metric) || YEAR_KEPT_FLOW.test(metric)
}

/** A metric's part for one month on its year document: `m07__<metric>` (field names stay `[A-Za-z0-9_]`). */
export function monthKeyed(month: string, metric: string): string {
  return `m${month.slice(-2)}__${metric}`
}

const MONTH_KEYED = /^m(0[1-9]|1[0-2])__(.+)$/

/** The month ("07") and metric of a month-keyed field, or null for a plain field. */
export function parseMonthKeyed(field: string): { mm: string; metric: string } | null {
  const hit = MONTH_KEYED.exec(field)
  return hit ? { mm: hit[1], metric: hit[2] } : null
}

/**
 * Where a metric dated on a day is kept, as `[period, field]` pairs, of that day's counted periods
 * (`countedPeriodsOf`: month, then year). Plain metrics: the month and the year document. `mo_`
 * metrics: the year document's month field. Year-kept stocks and flows (`yearKept`): the year's
 * total and its month field.
 */
export function placementsOf(metric: string, periods: readonly string[]): readonly (readonly [string, string])[] {
  const [month, year] = periods
  if (metric.startsWith(MONTHLY_PREFIX)) return [[year, monthKeyed(month, metric)]]
  if (yearKept(metric)) return [[year, metric], [year, monthKeyed(month, metric)]]
  return periods.map((p) => [p, metric] as const)
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
