import { feedbackListInput, type StaffFeedbackRow } from '../../_shared/contracts/feedback'
import type { PageOf } from '../../_shared/contracts/common'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { feedbackQuery } from '../../_shared/application/work-queues'
import { FEEDBACK_REFUSED, toStaffRow } from '../item'

/**
 * The staff inbox: their own community's items, newest first, filtered by kind, status,
 * overdue, due within two days (oldest due first), or assigned to me. Only community roles hold `feedback.read`: the level above sees
 * counts through `stats`, never the items.
 */
export const list = defineAction({
  input: feedbackListInput,
  ...staffWith('feedback.read', FEEDBACK_REFUSED['feedback.read']),
  async run(input, ctx): Promise<PageOf<StaffFeedbackRow>> {
    const caller = ctx.caller
    const now = ctx.now()
    const query = feedbackQuery(
      where.eq('communityId', caller.org._id),
      { kind: input.kind, status: input.status, overdue: input.overdue, due: input.due, assigneeId: input.mine ? caller.id : undefined },
      shanghaiDate(now),
    )
    const page = await ctx.store.collection('feedback').find({ ...query, limit: input.limit, after: input.after ?? null })
    return { items: page.items.map((f) => toStaffRow(f, now)), next: page.next }
  },
})
