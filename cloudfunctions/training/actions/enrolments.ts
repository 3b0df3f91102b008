import type { PageOf } from '../../_shared/contracts/common'
import { type EnrolmentRow, enrolmentsInput } from '../../_shared/contracts/training'
import type { CourseEnrolment } from '../../_shared/domain/training'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { COURSE_REFUSED, loadCourseForStaff, toEnrolmentRow } from '../access'

/** Staff: a course's trainees in enrolment order, with attendance and certificates (phones masked). */
export const enrolments = defineAction({
  input: enrolmentsInput,
  ...staffWith('service.write', COURSE_REFUSED),
  async run(input, ctx): Promise<PageOf<EnrolmentRow>> {
    await loadCourseForStaff(ctx, input.courseId)
    const page = await ctx.store.collection('courseEnrolments').find({
      where: where.and<CourseEnrolment>(where.eq('courseId', input.courseId), where.ne('status', 'cancelled')),
      orderBy: [{ field: 'createdAt', dir: 'asc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map(toEnrolmentRow), next: page.next }
  },
})
