import { courseListInput, type CourseListItem } from '../../_shared/contracts/training'
import type { PageOf } from '../../_shared/contracts/common'
import type { Course } from '../../_shared/domain/training'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { type Filter, where } from '../../_shared/store/port'
import { residentPlace } from '../../_shared/application/resident'
import { enrolmentIdOf, toCourseListItem } from '../access'

/**
 * Residents: published courses of their community's chain, newest first, each marked when it
 * suits their registered intent and with their own enrolment. Staff `manage`: their subtree's.
 */
export const list = defineAction({
  input: courseListInput,
  access: 'any',
  rules: [{ on: "`view: 'manage'`", when: (input) => input.view === 'manage', access: 'staff' }],
  async run(input, ctx): Promise<PageOf<CourseListItem>> {
    const { caller, store } = ctx
    const filters: Filter<Course>[] = []
    const place = await residentPlace(ctx)
    if (input.view === 'manage') {
      filters.push(where.has('orgPath', admittedStaff(caller).staff.orgId))
    } else {
      filters.push(where.eq('status', 'published'))
      if (place.communityPath) filters.push(where.in('orgId', place.communityPath))
    }
    const page = await store.collection('courses').find({ where: where.and(...filters), orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: input.limit, after: input.after ?? null })
    const items: CourseListItem[] = []
    for (const c of page.items) {
      const mine = caller.kind === 'resident' ? await store.collection('courseEnrolments').get(enrolmentIdOf(ctx.keyring, c._id, caller.id)) : null
      items.push(toCourseListItem(c, place.intent, mine))
    }
    return { items, next: page.next }
  },
})
