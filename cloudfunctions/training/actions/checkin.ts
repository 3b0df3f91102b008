import { courseCheckinInput, type CourseCheckinOutput, type EnrolmentRow } from '../../_shared/contracts/training'
import { courseIdOf, sceneAgeRefusal, sessionRefusal } from '../../_shared/domain/training'
import { admittedResident, admittedStaff, type Ctx, defineAction } from '../../_shared/runtime/action'
import { missingOrOutOfScope, notFound } from '../../_shared/runtime/errors'
import { residentPlace } from '../../_shared/application/resident'
import { checkinRequestIdOf, enrolmentIdOf, loadCourseForStaff, refuseTraining, toCourseView, toEnrolmentRow, verifyCourseScene } from '../access'
import { attend, caseForCourse } from '../attend'

/** A resident scans the rotating code of a session at the venue. */
async function byScan(ctx: Ctx, raw: string, requestId: string): Promise<CourseCheckinOutput> {
  const { store, keyring } = ctx
  const caller = admittedResident(ctx.caller)
  const now = ctx.now()
  const scene = verifyCourseScene(keyring, raw)
  if (!scene) throw refuseTraining('invalid_code')
  const age = sceneAgeRefusal(scene.slot, now)
  if (age) throw refuseTraining(age)
  const courseId = courseIdOf(scene.code)
  const enrolmentId = enrolmentIdOf(keyring, courseId, caller.id)
  const before = await store.collection('courseEnrolments').get(enrolmentId)
  const course0 = await store.collection('courses').get(courseId)
  if (!course0) throw notFound('课程不存在或已删除')
  const intentId = before ? await caseForCourse(ctx, course0, before) : null
  const requestKey = checkinRequestIdOf(keyring, caller.id, requestId)
  let completed = false
  await store.transaction(async (tx) => {
    if (await tx.collection('eventRequests').get(requestKey)) return
    const course = await tx.collection('courses').get(courseId)
    if (!course) throw notFound('课程不存在或已删除')
    const refusal = sessionRefusal(course, scene.session, now)
    if (refusal) throw refuseTraining(refusal)
    const e = await tx.collection('courseEnrolments').get(enrolmentId)
    if (!e || e.status === 'cancelled') throw refuseTraining('not_enrolled')
    if (e.attended.includes(scene.session)) throw refuseTraining('already_checked_in')
    completed = (await attend(tx, ctx, course, e, scene.session, 'scan', intentId)).completed
    await tx.collection('eventRequests').insert({ _id: requestKey, action: 'course-checkin', eventId: courseId, at: now.toISOString(), outcome: completed ? 'completed' : 'checked_in' })
  })
  const course = await store.collection('courses').get(courseId)
  if (!course) throw notFound('课程不存在或已删除')
  const session = course.sessions.find((s) => s.index === scene.session)
  if (!session) throw refuseTraining('no_session')
  return { session, completed, course: await toCourseView(ctx, course, (await residentPlace(ctx)).intent) }
}

/** Staff check a trainee in by hand for a session (no phone, or entered after the class). */
async function byStaff(ctx: Ctx, courseId: string, enrolmentId: string, session: number): Promise<EnrolmentRow> {
  const course0 = await loadCourseForStaff(ctx, courseId, 'service.write')
  const caller = admittedStaff(ctx.caller)
  const before = await ctx.store.collection('courseEnrolments').get(enrolmentId)
  // An enrolment of another course, reached through a course the caller may manage: a probe, audited.
  if (!before || before.courseId !== courseId) throw missingOrOutOfScope(before, '报名记录不存在')
  const intentId = await caseForCourse(ctx, course0, before)
  const saved = await ctx.store.transaction(async (tx) => {
    const course = await tx.collection('courses').get(courseId)
    const e = await tx.collection('courseEnrolments').get(enrolmentId)
    if (!course || !e) throw notFound('报名记录不存在')
    if (!course.sessions.some((s) => s.index === session)) throw refuseTraining('no_session')
    if (e.status === 'cancelled') throw refuseTraining('not_enrolled')
    if (e.attended.includes(session)) throw refuseTraining('already_checked_in')
    return (await attend(tx, ctx, course, e, session, caller.staff._id, intentId)).enrolment
  })
  return toEnrolmentRow(saved)
}

/** `{ mode: 'scan' }`: a resident with a fresh session code; `{ mode: 'manual' }`: staff by hand. */
export const checkin = defineAction({
  input: courseCheckinInput,
  access: 'any',
  // A manual check-in is for staff through loadInScope (a resident is told 404, as before).
  rules: [{ on: "`mode: 'scan'`", when: (input) => input.mode === 'scan', access: 'resident', refusal: '工作人员请在学员名单中为学员签到' }],
  audit: 'write',
  target: (input) => (input.mode === 'manual' ? input.enrolmentId : null),
  run(input, ctx): Promise<CourseCheckinOutput | EnrolmentRow> {
    return input.mode === 'scan' ? byScan(ctx, input.scene, input.requestId) : byStaff(ctx, input.courseId, input.enrolmentId, input.session)
  },
})
