/**
 * Entrepreneurship training (seed 001 "培训全覆盖": SYB/IYB-style courses and skills courses,
 * training subsidies, follow-up after training). A course is a set of sessions; residents enrol,
 * check in to each session by scanning the rotating code at the venue (the promotion events'
 * code machinery, with a scene of its own), and complete the course once they attended enough
 * sessions. Completing one records a certificate, moves their case to 已培训 and, when eligible,
 * records the training subsidy as a benefit.
 */
import type { OrgResource } from './org'
import { pageRoute } from './pages'
import { CHECKIN_EARLY_MS, MAX_SLOT_AGE, slotAge } from './event'
import type { Case } from './case'

export const COURSE_KINDS = ['syb', 'iyb', 'skills'] as const
export type CourseKind = (typeof COURSE_KINDS)[number]
export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  syb: '创办你的企业（SYB）',
  iyb: '改善你的企业（IYB）',
  skills: '职业技能培训',
}

export const COURSE_STATUSES = ['published', 'cancelled'] as const
export type CourseStatus = (typeof COURSE_STATUSES)[number]

/** One class meeting; residents check in to each. `index` counts from 0. */
export interface CourseSession {
  index: number
  title: string
  /** ISO instants. */
  startAt: string
  endAt: string
}

/** A training course run by an org; residents of that org and below see it. */
export interface Course extends OrgResource {
  /** Short code carried in check-in scenes (8 letters and digits); the id is `co_<code>`. */
  code: string
  title: string
  kind: CourseKind
  description: string
  place: string
  /** Who teaches it (e.g. 区就业训练中心). */
  provider: string
  sessions: CourseSession[]
  capacity: number
  /** Sessions attended to complete the course. */
  requiredSessions: number
  /** Whole yuan paid per completing trainee as 培训补贴; 0 when not subsidised. */
  subsidyAmount: number
  /** The training-subsidy policy the benefit is recorded under, if any. */
  policyId: string | null
  /** ISO instant; enrolment closes then. */
  enrolUntil: string
  status: CourseStatus
  enrolledCount: number
  completedCount: number
}

export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'cancelled'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = { enrolled: '已报名', completed: '已结业', cancelled: '已取消' }

/** One resident's place on one course: id derived from (course, resident), so one per pair. */
export interface CourseEnrolment {
  _id: string
  courseId: string
  orgId: string
  residentId: string
  name: string
  phoneMasked: string
  /** Indices of the sessions attended. */
  attended: number[]
  /** `scan`, or the staff id who checked them in by hand, per attended session index. */
  checkedInBy: Record<string, string>
  status: EnrolmentStatus
  /** The certificate (结业证书) number, once completed. */
  certificateNo: string | null
  completedAt: string | null
  /** The case moved to 已培训 by this completion, if the resident had one. */
  intentId: string | null
  createdAt: string
  updatedAt: string
}

/** Why a training request was refused. */
export const TRAINING_REFUSALS = {
  cancelled: '这个课程已取消',
  closed: '报名已截止',
  full: '名额已满',
  already_enrolled: '你已经报名了这个课程',
  not_enrolled: '你还没有报名这个课程，请先报名',
  not_open: '这节课现在不能签到：开课前 30 分钟起到下课前可以签到',
  already_checked_in: '这节课你已经签到过了',
  invalid_code: '这个二维码无效，请扫描培训现场的签到码',
  expired_code: '二维码已过期，请扫描签到屏上最新的二维码',
  other_course: '这个二维码属于另一个课程',
  no_session: '没有这节课',
  not_cancellable: '已结业，不能取消报名',
} as const
export type TrainingRefusal = keyof typeof TRAINING_REFUSALS

/** May a resident enrol now? */
export function enrolRefusal(course: Course, now: Date): TrainingRefusal | null {
  if (course.status === 'cancelled') return 'cancelled'
  if (now.toISOString() > course.enrolUntil) return 'closed'
  if (course.enrolledCount >= course.capacity) return 'full'
  return null
}

/** Is session `index` open for check-in at `now` (30 minutes before its start until its end)? */
export function sessionRefusal(course: Course, index: number, now: Date): TrainingRefusal | null {
  if (course.status === 'cancelled') return 'cancelled'
  const s = course.sessions.find((x) => x.index === index)
  if (!s) return 'no_session'
  const t = now.getTime()
  if (t < Date.parse(s.startAt) - CHECKIN_EARLY_MS || t > Date.parse(s.endAt)) return 'not_open'
  return null
}

/** Completion: enough distinct sessions attended. */
export function isComplete(course: Pick<Course, 'requiredSessions'>, attended: readonly number[]): boolean {
  return new Set(attended).size >= course.requiredSessions
}

/** 结业证书 number: course code, year and the enrolment's order among completions. */
export function certificateNo(course: Pick<Course, 'code'>, at: Date, ordinal: number): string {
  return `PX${at.getUTCFullYear()}-${course.code.toUpperCase()}-${String(ordinal).padStart(3, '0')}`
}

/**
 * The training subsidy is recorded when the course is subsidised, the resident's registration is
 * active in a community the course serves (the course's org is on its path), and this course has
 * not paid them already.
 */
export function subsidyEligible(course: Pick<Course, '_id' | 'orgId' | 'subsidyAmount'>, intent: Pick<Case, 'status' | 'communityPath' | 'benefits'> & { anonymisedAt?: string }): boolean {
  return (
    course.subsidyAmount > 0 &&
    intent.status !== 'withdrawn' &&
    !intent.anonymisedAt &&
    intent.communityPath.includes(course.orgId) &&
    !intent.benefits.some((b) => b.id === subsidyBenefitId(course._id))
  )
}

/** One subsidy benefit per course and case: its id is derived from the course. */
export function subsidyBenefitId(courseId: string): string {
  return `ben_${courseId}`
}

/** Does a course suit a resident's intent? It teaches what they asked for (training) or their industry skills. */
export function courseMatches(course: Pick<Course, 'kind'>, intent: Pick<Case, 'needs' | 'projectPhase'>): boolean {
  if (!intent.needs.includes('training')) return false
  if (course.kind === 'iyb') return intent.projectPhase === 'operating'
  return true
}

// Check-in scenes: `t.<code>.<session>.<slot>.<mac>`, at most 32 characters like the events'.
const COURSE_CODE = /^[A-Za-z0-9]{8}$/

export interface CourseScene {
  code: string
  session: number
  slot: number
  mac: string
}

/** The signed part of a course check-in scene. */
export function courseSceneBody(s: Omit<CourseScene, 'mac'>): string {
  return `t.${s.code}.${s.session.toString(36)}.${s.slot.toString(36)}`
}

export function parseCourseScene(raw: string): CourseScene | null {
  if (raw.length > 32) return null
  const parts = raw.split('.')
  if (parts.length !== 5 || parts[0] !== 't') return null
  const [, code, session, slot, mac] = parts
  if (!COURSE_CODE.test(code) || !/^[0-9a-z]$/.test(session) || !/^[0-9a-z]{1,10}$/.test(slot) || !/^[A-Za-z0-9_-]{12}$/.test(mac)) return null
  return { code, session: parseInt(session, 36), slot: parseInt(slot, 36), mac }
}

/** A verified scene's freshness: on screen now or one rotation ago. */
export function sceneAgeRefusal(slot: number, now: Date): TrainingRefusal | null {
  const age = slotAge(slot, now)
  if (age < 0) return 'invalid_code'
  return age > MAX_SLOT_AGE ? 'expired_code' : null
}

/** Course ids are derived from their code, so a scene needs no lookup. */
export const courseIdOf = (code: string) => `co_${code}`

/** The page a check-in code opens (main package). */
export const COURSE_PAGE = pageRoute('course')
