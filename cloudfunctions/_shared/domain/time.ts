/**
 * Programme time is Asia/Shanghai (UTC+8, no daylight saving); cloud functions run in UTC.
 * Fixed offset arithmetic keeps this free of time-zone databases.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date in Shanghai at `now`, as YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** Shanghai wall-clock parts of an instant (ISO string) or a calendar date (YYYY-MM-DD, kept as it is). */
export function shanghaiParts(value: string): { date: string; time: string; year: number; month: number; day: number; weekday: number } {
  // A bare calendar date is already a Shanghai day: read it as that day's noon so no offset moves it.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00+08:00`) : Date.parse(value)
  const iso = new Date(instant + SHANGHAI_OFFSET_MS).toISOString()
  const d = new Date(instant + SHANGHAI_OFFSET_MS)
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

/**
 * The one way a day is shown (更新于, 结束, 提交, 截止): `2026-11-22`, the Shanghai day of an
 * instant or a calendar date as it is. Empty for a missing value.
 */
export function dayText(value: string | null | undefined): string {
  return value ? shanghaiParts(value).date : ''
}

/** The one way a moment is shown (提交于, 签到, 数据截至): `2026-11-22 10:05` in Shanghai. Empty for a missing value. */
export function minuteText(value: string | null | undefined): string {
  if (!value) return ''
  const p = shanghaiParts(value)
  return `${p.date} ${p.time}`
}
