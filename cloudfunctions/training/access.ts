import type { CourseListItem, CourseView, EnrolmentRow, MyEnrolment } from '../_shared/contracts/training'
import type { Case } from '../_shared/domain/case'
import { isWithin } from '../_shared/domain/org'
import { can } from '../_shared/domain/roles'
import { visibleFrom } from '../_shared/domain/service'
import {
  type Course,
  type CourseEnrolment,
  courseMatches,
  type CourseScene,
  courseSceneBody,
  parseCourseScene,
  subsidyBenefitId,
  TRAINING_REFUSALS,
  type TrainingRefusal,
} from '../_shared/domain/training'
import type { Ctx } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { AppError, validation } from '../_shared/runtime/errors'
import { loadInScope } from '../_shared/runtime/scope'
import type { Keyring } from '../_shared/runtime/keyring'
import { SCENE_MAC_CHARS } from '../_shared/domain/event'

/** Staff keep the courses of their own org and those below it. */
export function mayManageCourse(caller: Caller, course: Pick<Course, 'orgPath'>): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'service.write') && isWithin(course.orgPath, caller.staff.orgId)
}

/** Why a role is refused the courses (the `refusal` of the actions that declare `service.write`). */
export const COURSE_REFUSED = '你的角色不能管理培训课程'

/**
 * A course in a staff caller's scope: outside their subtree 404. The permission is declared on
 * the action; `permission` only for the staff branch of an action open to residents too (`checkin`).
 */
export function loadCourseForStaff(ctx: Ctx, id: string, permission?: 'service.write'): Promise<Course> {
  return loadInScope(ctx, 'courses', id, { missing: '课程不存在或已删除', permission, refusal: permission && COURSE_REFUSED })
}

/** The id of (course, resident)'s one enrolment: keyed, so it reveals no OPENID. */
export function enrolmentIdOf(keyring: Keyring, courseId: string, residentId: string): string {
  return `ce_${keyring.keyedHash('course-enrolment', courseId, residentId).slice(0, 24)}`
}

/** The id under which a resident's check-in request is remembered (retries have no second effect). */
export function checkinRequestIdOf(keyring: Keyring, residentId: string, requestId: string): string {
  return `rq_${keyring.keyedHash('course-checkin', residentId, requestId).slice(0, 32)}`
}

const PURPOSE = 'course-scene'

export function signCourseScene(keyring: Keyring, scene: Omit<CourseScene, 'mac'>): string {
  return `${courseSceneBody(scene)}.${keyring.mac(PURPOSE, courseSceneBody(scene), SCENE_MAC_CHARS)}`
}

/** The scene if it is ours and untampered, else null. Freshness is the caller's check. */
export function verifyCourseScene(keyring: Keyring, raw: string): CourseScene | null {
  const scene = parseCourseScene(raw)
  if (!scene) return null
  return keyring.verifyMac(PURPOSE, courseSceneBody(scene), scene.mac) ? scene : null
}

/** A refusal with its reason: code problems are 400 on `scene`, the rest 409. */
export function refuseTraining(reason: TrainingRefusal): AppError {
  const message = TRAINING_REFUSALS[reason]
  if (reason === 'invalid_code' || reason === 'expired_code' || reason === 'other_course') return validation([{ path: 'scene', message }], message)
  return new AppError('CONFLICT', message)
}

/** Does the course suit the resident's case (asked for training, and the course serves their community)? */
export function matchesIntent(course: Course, intent: Case | null): boolean {
  return !!intent && visibleFrom(course.orgId, intent.communityPath) && courseMatches(course, intent)
}

export function myEnrolment(e: CourseEnrolment, intent: Case | null, courseId: string): MyEnrolment {
  const onCase = intent && e.intentId === intent._id ? intent : null
  return {
    status: e.status,
    attended: [...e.attended].sort((a, b) => a - b),
    certificateNo: e.certificateNo,
    completedAt: e.completedAt,
    caseTrained: !!onCase && !!onCase.courseCompletedAt,
    subsidyRecorded: !!onCase && onCase.benefits.some((b) => b.id === subsidyBenefitId(courseId)),
  }
}

export async function toCourseView(ctx: Ctx, course: Course, intent: Case | null): Promise<CourseView> {
  const { orgPath: _p, updatedBy: _u, ...rest } = course
  let mine: MyEnrolment | null = null
  if (ctx.caller.kind === 'resident') {
    const e = await ctx.store.collection('courseEnrolments').get(enrolmentIdOf(ctx.keyring, course._id, ctx.caller.id))
    if (e && e.status !== 'cancelled') {
      const onCase = e.intentId ? await ctx.store.collection('cases').get(e.intentId) : null
      mine = myEnrolment(e, onCase, course._id)
    }
  }
  const policy = course.policyId ? await ctx.store.collection('policies').get(course.policyId) : null
  return { ...rest, editable: mayManageCourse(ctx.caller, course), matches: matchesIntent(course, intent), mine, policyTitle: policy?.title ?? null }
}

export function toCourseListItem(course: Course, intent: Case | null, mine: CourseEnrolment | null): CourseListItem {
  return {
    _id: course._id,
    title: course.title,
    kind: course.kind,
    orgName: course.orgName,
    place: course.place,
    provider: course.provider,
    firstAt: course.sessions[0]?.startAt ?? '',
    sessionCount: course.sessions.length,
    requiredSessions: course.requiredSessions,
    capacity: course.capacity,
    enrolledCount: course.enrolledCount,
    completedCount: course.completedCount,
    subsidyAmount: course.subsidyAmount,
    status: course.status,
    matches: matchesIntent(course, intent),
    mine: mine && mine.status !== 'cancelled' ? mine.status : null,
  }
}

export function toEnrolmentRow(e: CourseEnrolment): EnrolmentRow {
  return { _id: e._id, name: e.name, phoneMasked: e.phoneMasked, status: e.status, attended: [...e.attended].sort((a, b) => a - b), certificateNo: e.certificateNo }
}
