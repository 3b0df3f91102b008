/**
 * Promotion events (宣传推介活动) with on-site QR-code sign-up and check-in. Residents scan the
 * poster code to open the event and sign up; at the venue they scan a check-in code that
 * rotates every 30 seconds, so a photo taken home soon stops working.
 */
import type { OrgResource } from './org'
import { pageRoute } from './pages'
import type { Contribution } from './counter'
import { shanghaiDate } from './time'

/** `published` events take sign-ups; a `cancelled` one is kept for the record. */
export const EVENT_STATUSES = ['published', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/** A promotion event run by an org (usually a community). */
export interface PromotionEvent extends OrgResource {
  /** Short code carried in QR scenes (8 characters, letters and digits). */
  code: string
  title: string
  description: string
  place: string
  /** ISO instants. */
  startAt: string
  endAt: string
  /** Confirmed places; sign-ups beyond it join the waitlist. */
  capacity: number
  /** Sign-up window, ISO instants. */
  signupFrom: string
  signupUntil: string
  /** Residents who did not sign up may sign up at the venue by scanning the check-in code. */
  walkIn: boolean
  /** Satisfaction survey offered after check-in. */
  surveyId: string | null
  /** Policies the event presents. */
  policyIds: string[]
  status: EventStatus
  cancelReason: string | null
  cancelledAt: string | null
  /** Live counts, moved in the same transaction as the sign-up that changes them. */
  confirmedCount: number
  waitlistCount: number
  checkedInCount: number
  /** Last sign-up sequence number handed out; orders the waitlist. */
  seq: number
}

/** What a just-created event starts with, staff-made or seeded: published, no sign-ups yet. */
export function freshEventState(): Pick<
  PromotionEvent,
  'status' | 'cancelReason' | 'cancelledAt' | 'confirmedCount' | 'waitlistCount' | 'checkedInCount' | 'seq'
> {
  return { status: 'published', cancelReason: null, cancelledAt: null, confirmedCount: 0, waitlistCount: 0, checkedInCount: 0, seq: 0 }
}

// Statuses, phases and their labels live apart so a card that names them does not carry the
// rest of this module (the 活动 tab is in the mini-program's main package, issue 24).
export { SIGNUP_STATUSES, type SignupStatus, SIGNUP_STATUS_LABELS, type EventPhase, EVENT_PHASE_LABELS } from './event-labels'
import type { EventPhase, SignupStatus } from './event-labels'

/** One resident's sign-up to one event. Its id is derived from (event, resident): one per pair. */
export interface EventSignup {
  _id: string
  eventId: string
  orgId: string
  residentId: string
  name: string
  /** `138****5678`, what staff see and export. */
  phoneMasked: string
  /** The full number, encrypted at rest (prefills the resident's next sign-up). */
  phoneSealed: string
  status: SignupStatus
  /** Sign-up order within the event; the waitlist is promoted lowest first. */
  seq: number
  /** `walk_in`: signed up at the venue with the check-in code. */
  via: 'online' | 'walk_in'
  createdAt: string
  updatedAt: string
  confirmedAt: string | null
  checkedInAt: string | null
  /** `scan` by the resident, or the id of the staff member who checked them in by hand. */
  checkedInBy: string | null
  cancelledAt: string | null
  /**
   * The sign-up requests that made this document what it is (request key → what it answered),
   * the last few: a retry is answered from here, in the read the sign-up makes anyway. Absent on
   * sign-ups made before it was kept (their requests are in `eventRequests`).
   */
  requests?: Record<string, 'confirmed' | 'waitlisted' | 'checked_in'>
}

/** A processed resident request, so a retry with the same request id has no second effect. */
export interface EventRequest {
  _id: string
  action: string
  eventId: string
  at: string
  /** What the first call answered. */
  outcome: string
}

/** Marks a resident as reached by an org's events, so `residentsReached` counts people once. */
export interface EventReach {
  _id: string
  orgId: string
  at: string
}

/** Counter metrics this feature moves (DESIGN "Aggregates"). */
export const EVENT_METRICS = ['eventsHeld', 'signups', 'attendance', 'residentsReached'] as const

/** The check-in code changes every 30 seconds. */
export const CHECKIN_ROTATION_MS = 30_000
/** Check-in opens this long before the start. */
export const CHECKIN_EARLY_MS = 30 * 60_000

/** The rotation slot `at` falls in. */
export function slotOf(at: Date): number {
  return Math.floor(at.getTime() / CHECKIN_ROTATION_MS)
}

/** When the code of `slot` is replaced on the screen. */
export function slotEnd(slot: number): Date {
  return new Date((slot + 1) * CHECKIN_ROTATION_MS)
}

/**
 * A check-in code is accepted while it is on the screen and for one rotation after (a scan
 * that straddles a change); once two rotations have passed it is refused as expired.
 */
export function slotAge(codeSlot: number, at: Date): number {
  return slotOf(at) - codeSlot
}
export const MAX_SLOT_AGE = 1

/** Why a resident's request was refused. Every refusal names one. */
export const REFUSALS = {
  invalid_code: '这个二维码无效，请扫描活动现场的二维码',
  expired_code: '二维码已过期，请扫描签到屏上最新的二维码',
  other_event: '这个二维码属于另一场活动',
  not_open: '现在不在报名时间内',
  checkin_not_open: '现在不在签到时间内，活动开始前 30 分钟起可以签到',
  already_signed_up: '你已经报过名了',
  already_checked_in: '你已经签到过了',
  cancelled: '这场活动已取消',
  waitlisted: '你还在候补名单中，有人取消后会按顺序递补，递补成功后才能签到',
  not_signed_up: '你还没有报名这场活动，请先报名',
  no_walk_in: '这场活动只接受提前报名，现场不能报名',
  not_cancellable: '已签到，不能取消报名',
  ended: '活动已结束',
} as const
export type RefusalReason = keyof typeof REFUSALS

/** Where an event stands for sign-up at `now`, or why not. */
export function signupRefusal(event: PromotionEvent, now: Date): RefusalReason | null {
  if (event.status === 'cancelled') return 'cancelled'
  const t = now.toISOString()
  if (t >= event.endAt) return 'ended'
  if (t < event.signupFrom || t > event.signupUntil) return 'not_open'
  return null
}

/** Where an event stands for check-in at `now`, or why not. */
export function checkinRefusal(event: PromotionEvent, now: Date): RefusalReason | null {
  if (event.status === 'cancelled') return 'cancelled'
  const t = now.getTime()
  if (t > Date.parse(event.endAt)) return 'ended'
  if (t < Date.parse(event.startAt) - CHECKIN_EARLY_MS) return 'checkin_not_open'
  return null
}

export function phaseOf(event: Pick<PromotionEvent, 'status' | 'startAt' | 'endAt' | 'signupFrom' | 'signupUntil'>, now: Date): EventPhase {
  if (event.status === 'cancelled') return 'cancelled'
  const t = now.toISOString()
  if (t >= event.endAt) return 'ended'
  if (t >= event.startAt) return 'ongoing'
  if (t < event.signupFrom) return 'upcoming'
  return 'signup'
}

/** `138****5678`; short or odd numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  return digits.length > 4 ? `****${digits.slice(-4)}` : '****'
}

/** QR scenes: `p.<code>.<mac>` opens the event; `c.<code>.<slot>.<mac>` also checks in. */
export type Scene =
  | { kind: 'poster'; code: string; mac: string }
  | { kind: 'checkin'; code: string; slot: number; mac: string }

/** WeChat's limit for the scene of an unlimited mini-program code. */
export const MAX_SCENE_LENGTH = 32
export const SCENE_MAC_CHARS = 12
const EVENT_CODE = /^[A-Za-z0-9]{8}$/

/** The signed part of a scene (what the MAC covers). */
export function sceneBody(scene: { kind: 'poster'; code: string } | { kind: 'checkin'; code: string; slot: number }): string {
  return scene.kind === 'poster' ? `p.${scene.code}` : `c.${scene.code}.${scene.slot.toString(36)}`
}

export function formatScene(scene: Scene): string {
  return `${sceneBody(scene)}.${scene.mac}`
}

/** Parses a scene's shape (not its MAC); null for anything that is not one of ours. */
export function parseScene(raw: string): Scene | null {
  if (raw.length > MAX_SCENE_LENGTH) return null
  const parts = raw.split('.')
  if (parts[0] === 'p' && parts.length === 3) {
    const [, code, mac] = parts
    if (!EVENT_CODE.test(code) || !/^[A-Za-z0-9_-]{12}$/.test(mac)) return null
    return { kind: 'poster', code, mac }
  }
  if (parts[0] === 'c' && parts.length === 4) {
    const [, code, slotText, mac] = parts
    if (!EVENT_CODE.test(code) || !/^[0-9a-z]{1,10}$/.test(slotText) || !/^[A-Za-z0-9_-]{12}$/.test(mac)) return null
    return { kind: 'checkin', code, slot: parseInt(slotText, 36), mac }
  }
  return null
}

/** The mini-program page a code opens (`pages/event/index`, in the main package). */
export const EVENT_PAGE = pageRoute('event')

/**
 * What an event counts for, on the Shanghai day it starts (so an event's participation lands in
 * the period it is held, whenever people signed up): its confirmed places (checked-in included),
 * its attendance, and one held event once anyone checked in. A cancelled event counts nothing.
 */
export function eventContributions(e: Pick<PromotionEvent, 'status' | 'startAt' | 'confirmedCount' | 'checkedInCount'>): Contribution[] {
  if (e.status !== 'published' || (e.confirmedCount === 0 && e.checkedInCount === 0)) return []
  return [{ date: shanghaiDate(new Date(e.startAt)), inc: { signups: e.confirmedCount, attendance: e.checkedInCount, eventsHeld: e.checkedInCount > 0 ? 1 : 0 } }]
}

/** A resident reached by an org's events counts once, on the day they were first reached. */
export function reachContributions(r: EventReach): Contribution[] {
  return [{ date: shanghaiDate(new Date(r.at)), inc: { residentsReached: 1 } }]
}
