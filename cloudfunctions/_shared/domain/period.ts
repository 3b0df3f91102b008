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
