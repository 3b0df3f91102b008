import { feedbackListInput, type StaffFeedbackRow } from '../../_shared/contracts/feedback'
import type { PageOf } from '../../_shared/contracts/common'
import { AWAITING_ANSWER, type Feedback } from '../../_shared/domain/feedback'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { type Filter, where } from '../../_shared/store/port'
import { FEEDBACK_REFUSED, toStaffRow } from '../item'

/**
 * The staff inbox: their own community's items, newest first, filtered by kind, status,
 * overdue, or assigned to me. Only community roles hold `feedback.read`: the level above sees
 * counts through `stats`, never the items.
 */
export const list = defineAction({
  input: feedbackListInput,
  access: 'staff',
  permission: 'feedback.read',
  refusal: FEEDBACK_REFUSED['feedback.read'],
  async run(input, ctx): Promise<PageOf<StaffFeedbackRow>> {
    const caller = ctx.caller
    const now = ctx.now()
    const filters: Filter<Feedback>[] = [where.eq('communityId', caller.org._id)]
    if (input.kind) filters.push(where.eq('kind', input.kind))
    if (input.status) filters.push(where.eq('status', input.status))
    if (input.overdue) filters.push(where.in('status', AWAITING_ANSWER), where.lt('dueDate', shanghaiDate(now)))
    if (input.mine) filters.push(where.eq('assigneeId', caller.id))
    const page = await ctx.store.collection('feedback').find({
      where: where.and(...filters),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map((f) => toStaffRow(f, now)), next: page.next }
  },
})
