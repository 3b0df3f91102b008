import { shanghaiParts } from '@shared/domain/time'

/** Shanghai wall-clock parts of an ISO instant, the day as a schedule says it (`11月23日`). */
function shanghai(iso: string): { date: string; time: string; weekday: number } {
  const p = shanghaiParts(iso)
  return { date: `${p.month}月${p.day}日`, time: p.time, weekday: p.weekday }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** `11月23日 周一 09:00–11:30` (Shanghai), spanning days when it must. */
export function eventTimeLabel(startAt: string, endAt: string): string {
  const s = shanghai(startAt)
  const e = shanghai(endAt)
  const head = `${s.date} 周${WEEKDAYS[s.weekday]} ${s.time}`
  return s.date === e.date ? `${head}–${e.time}` : `${head} 至 ${e.date} ${e.time}`
}

/** `11月23日 周一 09:00` (Shanghai): when something starts (a course's first session). */
export function startLabel(iso: string): string {
  const s = shanghai(iso)
  return `${s.date} 周${WEEKDAYS[s.weekday]} ${s.time}`
}

/** `11月22日 18:00` (Shanghai). */
export function shortTime(iso: string): string {
  const s = shanghai(iso)
  return `${s.date} ${s.time}`
}

/** Splits an instant into the Shanghai date (YYYY-MM-DD) and time (HH:mm) a form shows. */
export function toLocalParts(iso: string): { date: string; time: string } {
  const { date, time } = shanghaiParts(iso)
  return { date, time }
}

/** A Shanghai date and time from a form, as the instant the server takes. */
export function fromLocalParts(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}
