import { feedbackAssignInput, type StaffFeedbackView } from '../../_shared/contracts/feedback'
import type { Feedback } from '../../_shared/domain/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { FEEDBACK_WRITE, colleaguesOf, loadForStaff, refuseClosed, saveItem, toStaffView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

/** Hands an item to a colleague of the same community who handles feedback; a new item moves to in progress. */
export function makeAssign(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackAssignInput,
    ...FEEDBACK_WRITE,
    async run(input, ctx): Promise<StaffFeedbackView> {
      const { item, caller } = await loadForStaff(ctx, input.id)
      refuseClosed(item)
      const colleague = (await colleaguesOf(ctx, item.communityId)).find((s) => s._id === input.staffId)
      if (!colleague) throw validation([{ path: 'staffId', message: '只能交给本社区处理反馈的工作人员' }], '只能交给本社区处理反馈的工作人员')
      const at = ctx.now().toISOString()
      const next: Feedback = {
        ...item,
        assigneeId: colleague._id,
        assigneeName: colleague.name,
        status: item.status === 'received' ? 'in_progress' : item.status,
        events: [...item.events, { at, what: 'assigned', byName: caller.staff.name, detail: `交给 ${colleague.name}` }],
        updatedAt: at,
      }
      await saveItem(ctx, item, next)
      return toStaffView(ctx, next, files(), caller)
    },
  })
}
