import type { EventView, Permit } from '@shared/contracts/event'
import { REFUSALS } from '@shared/domain/event'
import { minuteText } from '@shared/domain/time'

/**
 * An event opened from a list or a shared link (not a scanned code): may I sign up, by its phase at
 * `now` (the server checks again when I do). The event page decides its form with it, and the
 * runtime's static first screen of a shared event link (server/event-first-screen.ts) says the same.
 */
export function permitFromPhase(e: EventView, now: Date = new Date()): Permit {
  if (e.mine) return { ok: false, reason: e.mine.status === 'checked_in' ? 'already_checked_in' : 'already_signed_up', message: REFUSALS.already_signed_up }
  if (e.phase === 'cancelled') return { ok: false, reason: 'cancelled', message: REFUSALS.cancelled }
  if (e.phase === 'ended') return { ok: false, reason: 'ended', message: REFUSALS.ended }
  if (e.phase === 'upcoming') return { ok: false, reason: 'not_open', message: `${minuteText(e.signupFrom)} 开始报名` }
  if (now.toISOString() > e.signupUntil) return { ok: false, reason: 'not_open', message: '报名已截止，活动现场如允许可扫码报名' }
  return { ok: true }
}
