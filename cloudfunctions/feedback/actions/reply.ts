import { pagePath } from '../../_shared/domain/pages'
import { tellResident } from '../../_shared/application/notices'
import { feedbackReplyInput, type StaffFeedbackView } from '../../_shared/contracts/feedback'
import type { Feedback } from '../../_shared/domain/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { newId } from '../../_shared/runtime/ids'
import { FEEDBACK_WRITE, loadForStaff, refuseClosed, saveItem, toStaffView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

/**
 * Staff answer the resident (status → answered, the resident gets a message), or add an internal
 * note only staff see (a new item moves to in progress). The first answer is what 按时答复 counts.
 */
export function makeReply(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackReplyInput,
    ...FEEDBACK_WRITE,
    async run(input, ctx): Promise<StaffFeedbackView> {
      const { item, caller } = await loadForStaff(ctx, input.id)
      refuseClosed(item)
      const at = ctx.now().toISOString()
      const message = { id: newId('msg'), kind: input.internal ? ('note' as const) : ('reply' as const), text: input.text, at, byId: caller.id, byName: caller.staff.name }
      const next: Feedback = { ...item, messages: [...item.messages, message], updatedAt: at }
      if (input.internal) {
        if (item.status === 'received') next.status = 'in_progress'
      } else {
        next.status = 'answered'
        next.answeredAt = at
        next.firstAnsweredAt = item.firstAnsweredAt || at
      }
      await saveItem(ctx, item, next, async (tx) => {
        if (input.internal) return
        await tellResident(
          tx,
          { residentId: item.residentId, kind: 'feedback', key: `${item._id}_${message.id}`, title: '社区回复了你的反馈', body: input.text, path: pagePath('feedbackDetail', { id: item._id }), sourceId: item._id },
          at,
        )
      })
      return toStaffView(ctx, next, files(), caller)
    },
  })
}
