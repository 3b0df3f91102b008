import { shanghaiDate } from './time'

/** Reporting periods, in Shanghai time: a month `2026-M11`, a quarter `2026-Q4`, a year `2026`. */
export type PeriodKind = 'month' | 'quarter' | 'year'

/** The month, quarter and year that contain `at` (Shanghai calendar). */
export function periodsOf(at: Date): Record<PeriodKind, string> {
  const [y, m] = shanghaiDate(at).split('-').map(Number)
  return {
    month: `${y}-M${String(m).padStart(2, '0')}`,
    quarter: `${y}-Q${Math.floor((m - 1) / 3) + 1}`,
    year: String(y),
  }
}

/**
 * The periods a counted record moves (DESIGN.md "Aggregates"): its month and its year. A
 * quarter's counts are the sum of its three months, added up when the counters are read
 * (`seriesOf`), so no write pays for a quarter document; quarter documents hold only the
 * baselines staff enter for a quarter.
 */
export function countedPeriodsOf(at: Date): string[] {
  const { month, year } = periodsOf(at)
  return [month, year]
}

/** The period before `period` of the same kind (for growth against the previous period). */
export function previousPeriod(period: string): string {
  let m = /^(\d{4})-M(\d{2})$/.exec(period)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    return mo === 1 ? `${y - 1}-M12` : `${y}-M${String(mo - 1).padStart(2, '0')}`
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period)
  if (m) {
    const y = Number(m[1])
    const q = Number(m[2])
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
  }
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1)
  throw new Error(`not a period: ${period}`)
}

/** True for a period id this module produces. */
export function isPeriod(value: string): boolean {
  return /^\d{4}(-M(0[1-9]|1[0-2])|-Q[1-4])?$/.test(value)
}

/** The kind of a period id. */
export function periodKind(period: string): PeriodKind {
  if (/^\d{4}$/.test(period)) return 'year'
  if (/-Q[1-4]$/.test(period)) return 'quarter'
  return 'month'
}

/** The months (`2026-M10`…) a period covers. */
export function monthsOf(period: string): string[] {
  const y = period.slice(0, 4)
  const kind = periodKind(period)
  const mm = (m: number) => `${y}-M${String(m).padStart(2, '0')}`
  if (kind === 'month') return [period]
  if (kind === 'quarter') {
    const q = Number(period.slice(-1))
    return [1, 2, 3].map((i) => mm((q - 1) * 3 + i))
  }
  return Array.from({ length: 12 }, (_, i) => mm(i + 1))
}

/** First and last Shanghai day (YYYY-MM-DD, inclusive) of a period. */
export function periodRange(period: string): { from: string; to: string } {
  const months = monthsOf(period)
  const first = months[0]
  const last = months[months.length - 1]
  const y = Number(last.slice(0, 4))
  const m = Number(last.slice(-2))
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${first.slice(0, 4)}-${first.slice(-2)}-01`, to: `${y}-${String(m).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` }
}

/** The period `n` steps before `period` (same kind). */
export function periodBefore(period: string, n: number): string {
  let p = period
  for (let i = 0; i < n; i++) p = previousPeriod(p)
  return p
}

/** The `count` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: string, count: number): string[] {
  const out = [period]
  while (out.length < count) out.unshift(previousPeriod(out[0]))
  return out
}

/** The same period `years` years earlier (a cohort a year or two back). */
export function yearsBefore(period: string, years: number): string {
  return `${Number(period.slice(0, 4)) - years}${period.slice(4)}`
}

/** 2026-M11 → 2026年11月, 2026-Q4 → 2026年第四季度, 2026 → 2026年. */
export function periodName(period: string): string {
  const kind = periodKind(period)
  if (kind === 'year') return `${period}年`
  if (kind === 'quarter') return `${period.slice(0, 4)}年第${['一', '二', '三', '四'][Number(period.slice(-1)) - 1]}季度`
  return `${period.slice(0, 4)}年${Number(period.slice(-2))}月`
}
