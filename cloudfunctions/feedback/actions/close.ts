import { feedbackCloseInput, type FeedbackView } from '../../_shared/contracts/feedback'
import { type Feedback, FEEDBACK_RESOLUTION_LABELS, mayRate } from '../../_shared/domain/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { FEEDBACK_REFUSED, loadForStaff, loadOwn, refuseClosed, saveItem, toMyView, toStaffView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

/**
 * Ends an item. Staff close with a resolution category. A resident closes by rating the answer
 * (1–5): that records the rating and, unless staff closed it already, closes the item; either
 * way the resident may still reopen within the window.
 */
export function makeClose(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackCloseInput,
    access: 'any',
    rules: [{ on: 'staff callers', caller: 'staff', access: 'staff', permission: 'feedback.write', refusal: FEEDBACK_REFUSED['feedback.write'] }],
    audit: 'write',
    target: (input) => input.id,
    async run(input, ctx): Promise<FeedbackView> {
      const now = ctx.now()
      const at = now.toISOString()
      if (ctx.caller.kind === 'resident') {
        const item = await loadOwn(ctx, ctx.caller, input.id)
        if (input.rating === undefined) throw validation([{ path: 'rating', message: '请选择评分' }], '请选择评分')
        if (!mayRate(item)) throw conflict(item.answeredAt ? '这次答复你已经评价过了' : '社区答复后才能评价')
        const next: Feedback = {
          ...item,
          rating: input.rating,
          ratingComment: input.comment,
          ratedAt: at,
          events: [...item.events, { at, what: 'rated', byName: '居民', detail: `${input.rating} 分` }],
          updatedAt: at,
        }
        if (item.status !== 'closed') Object.assign(next, { status: 'closed', closedAt: at, closedBy: 'resident', resolution: null, resolutionNote: '' })
        await saveItem(ctx, item, next)
        return toMyView(next, files(), now)
      }
      const { item, caller } = await loadForStaff(ctx, input.id)
      refuseClosed(item)
      if (!input.resolution) throw validation([{ path: 'resolution', message: '请选择办结方式' }], '请选择办结方式')
      const next: Feedback = {
        ...item,
        status: 'closed',
        closedAt: at,
        closedBy: 'staff',
        resolution: input.resolution,
        resolutionNote: input.note,
        events: [...item.events, { at, what: 'closed', byName: caller.staff.name, detail: FEEDBACK_RESOLUTION_LABELS[input.resolution] }],
        updatedAt: at,
      }
      await saveItem(ctx, item, next)
      return toStaffView(ctx, next, files(), caller)
    },
  })
}
