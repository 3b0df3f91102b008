import { feedbackIdInput, type FeedbackView } from '../../_shared/contracts/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { FEEDBACK_REFUSED, loadForStaff, loadOwn, toMyView, toStaffView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

/** One item: the resident's own view (no internal notes), or the community staff's view (no identity for anonymous items). */
export function makeGet(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackIdInput,
    access: 'any',
    rules: [{ on: 'staff callers', caller: 'staff', access: 'staff', permission: 'feedback.read', refusal: FEEDBACK_REFUSED['feedback.read'] }],
    async run({ id }, ctx): Promise<FeedbackView> {
      if (ctx.caller.kind === 'resident') return toMyView(await loadOwn(ctx, ctx.caller, id), files(), ctx.now())
      const { item, caller } = await loadForStaff(ctx, id)
      return toStaffView(ctx, item, files(), caller)
    },
  })
}
