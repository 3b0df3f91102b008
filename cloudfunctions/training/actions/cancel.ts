import { courseIdInput, type CourseView } from '../../_shared/contracts/training'
import type { Course, CourseEnrolment } from '../../_shared/domain/training'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, notFound } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { residentPlace } from '../../_shared/application/resident'
import { enrolmentIdOf, refuseTraining, toCourseView } from '../access'

/** The resident gives back their place (not once completed); sessions attended stay on record. */
export const cancel = defineAction({
  input: courseIdInput,
  access: 'resident',
  async run(input, ctx): Promise<CourseView> {
    const { caller, store } = ctx
    const at = ctx.now().toISOString()
    const id = enrolmentIdOf(ctx.keyring, input.courseId, caller.id)
    await store.transaction(async (tx) => {
      const course = await tx.collection('courses').get(input.courseId)
      const e = await tx.collection('courseEnrolments').get(id)
      if (!course) throw notFound('课程不存在或已删除')
      if (!e || e.status === 'cancelled') throw refuseTraining('not_enrolled')
      if (e.status === 'completed') throw refuseTraining('not_cancellable')
      const moved = await tx.collection('courses').update(course._id, { inc: { enrolledCount: -1 }, set: { updatedAt: at } }, where.eq<Course>('enrolledCount', course.enrolledCount))
      if (!moved) throw conflict('操作的人较多，请再试一次')
      await tx.collection('courseEnrolments').update(id, { set: { status: 'cancelled', updatedAt: at } }, where.eq<CourseEnrolment>('status', 'enrolled'))
    })
    const course = await store.collection('courses').get(input.courseId)
    if (!course) throw notFound('课程不存在或已删除')
    return toCourseView(ctx, course, (await residentPlace(ctx)).intent)
  },
})
