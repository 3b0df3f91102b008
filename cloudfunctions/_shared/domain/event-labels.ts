/**
 * `confirmed` holds a place; `waitlisted` waits for one in `seq` order; `checked_in` came;
 * `cancelled` gave the place back (a new sign-up reuses the same document).
 */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'checked_in', 'cancelled'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
}

/** Plain phase of an event for lists and badges. */
export type EventPhase = 'cancelled' | 'upcoming' | 'signup' | 'ongoing' | 'ended'

export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  cancelled: '已取消',
  upcoming: '即将开放报名',
  signup: '报名中',
  ongoing: '进行中',
  ended: '已结束',
}
