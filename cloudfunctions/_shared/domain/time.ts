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
