import { courseGetInput, type CourseView } from '../../_shared/contracts/training'
import { isWithin } from '../../_shared/domain/org'
import { defineAction } from '../../_shared/runtime/action'
import { missingOrOutOfScope, notFound } from '../../_shared/runtime/errors'
import { residentPlace } from '../../_shared/application/resident'
import { toCourseView } from '../access'

/** One course: residents see published ones; staff see their subtree's and those above them. */
export const get = defineAction({
  input: courseGetInput,
  access: 'any',
  async run(input, ctx): Promise<CourseView> {
    const course = await ctx.store.collection('courses').get(input.id)
    const caller = ctx.caller
    const visible =
      course && (caller.kind === 'staff' ? isWithin(course.orgPath, caller.staff.orgId) || caller.org.path.includes(course.orgId) : course.status === 'published')
    // Staff asking for a course outside their view is a refused call (audited); a resident reaching an
    // unpublished course by an old link is just not found.
    if (!course || !visible) throw caller.kind === 'staff' ? missingOrOutOfScope(course, '课程不存在或已删除') : notFound('课程不存在或已删除')
    return toCourseView(ctx, course, (await residentPlace(ctx)).intent)
  },
})
