import { type CourseView, enrolInput } from '../../_shared/contracts/training'
import { maskPhone } from '../../_shared/domain/event'
import { type Course, type CourseEnrolment, enrolRefusal } from '../../_shared/domain/training'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, notFound } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { activeIntents, residentPlace } from '../../_shared/application/resident'
import { tellResident } from '../../_shared/application/notices'
import { wechatTime } from '../../_shared/domain/notify'
import { pagePath } from '../../_shared/domain/pages'
import { enrolmentIdOf, refuseTraining, toCourseView } from '../access'

/**
 * Enrols the resident: one place per resident per course (the id is derived from the pair), the
 * course's count moved through a guarded update so capacity holds. The enrolment remembers the
 * case the course serves, so completing it is recorded there.
 */
export const enrol = defineAction({
  input: enrolInput,
  access: 'resident',
  async run(input, ctx): Promise<CourseView> {
    const { caller, store } = ctx
    const now = ctx.now()
    const at = now.toISOString()
    const id = enrolmentIdOf(ctx.keyring, input.courseId, caller.id)
    const course0 = await store.collection('courses').get(input.courseId)
    if (!course0) throw notFound('课程不存在或已删除')
    const intentId = (await activeIntents(ctx, caller.id)).find((i) => i.communityPath.includes(course0.orgId))?._id ?? null
    await store.transaction(async (tx) => {
      const course = await tx.collection('courses').get(input.courseId)
      if (!course) throw notFound('课程不存在或已删除')
      const existing = await tx.collection('courseEnrolments').get(id)
      if (existing && existing.status !== 'cancelled') throw refuseTraining('already_enrolled')
      const refusal = enrolRefusal(course, now)
      if (refusal) throw refuseTraining(refusal)
      const moved = await tx.collection('courses').update(course._id, { inc: { enrolledCount: 1 }, set: { updatedAt: at } }, where.eq<Course>('enrolledCount', course.enrolledCount))
      if (!moved) throw conflict('报名的人较多，请再试一次')
      const enrolment: CourseEnrolment = {
        _id: id,
        courseId: course._id,
        orgId: course.orgId,
        residentId: caller.id,
        name: input.name,
        phoneMasked: maskPhone(input.phone),
        attended: existing?.attended ?? [],
        checkedInBy: existing?.checkedInBy ?? {},
        status: 'enrolled',
        certificateNo: null,
        completedAt: null,
        intentId,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      }
      await tx.collection('courseEnrolments').put(enrolment)
      const first = course.sessions.find((x) => x.endAt > at) ?? course.sessions[0]
      await tellResident(
        tx,
        {
          residentId: caller.id,
          kind: 'signup',
          key: `${id}_e${course.enrolledCount + 1}`,
          title: `培训报名成功：${course.title}`,
          body: `${first ? `${wechatTime(first.startAt)} · ` : ''}${course.place}。每节课扫教室屏幕上的码签到。`,
          path: pagePath('course', { id: course._id }),
          sourceId: course._id,
        },
        at,
      )
    })
    const course = await store.collection('courses').get(input.courseId)
    if (!course) throw notFound('课程不存在或已删除')
    return toCourseView(ctx, course, (await residentPlace(ctx)).intent)
  },
})
