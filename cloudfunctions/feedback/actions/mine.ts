import { feedbackMineInput, type MyFeedbackRow } from '../../_shared/contracts/feedback'
import type { PageOf } from '../../_shared/contracts/common'
import type { Feedback } from '../../_shared/domain/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { toMyRow } from '../item'

/** 我的反馈: the resident's own items, newest first. */
export const mine = defineAction({
  input: feedbackMineInput,
  access: 'resident',
  async run(input, ctx): Promise<PageOf<MyFeedbackRow>> {
    const page = await ctx.store.collection('feedback').find({
      where: where.eq<Feedback>('residentId', ctx.caller.id),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map(toMyRow), next: page.next }
  },
})
