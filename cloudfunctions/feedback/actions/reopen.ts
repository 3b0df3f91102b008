import { feedbackReopenInput, type MyFeedbackView } from '../../_shared/contracts/feedback'
import { dueDateFor, type Feedback, mayReopen, REOPEN_WINDOW_DAYS } from '../../_shared/domain/feedback'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { loadOwn, saveItem, toMyView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

/**
 * The resident is not satisfied: within 7 days of the answer (or of closing) the item goes back
 * to in progress with a fresh deadline, and a closed complaint counts as unresolved again.
 */
export function makeReopen(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackReopenInput,
    access: 'resident',
    audit: 'write',
    target: (input) => input.id,
    async run(input, ctx): Promise<MyFeedbackView> {
      const item = await loadOwn(ctx, ctx.caller, input.id)
      const now = ctx.now()
      if (!mayReopen(item, now)) {
        throw conflict(
          item.status === 'answered' || item.status === 'closed'
            ? `已超过 ${REOPEN_WINDOW_DAYS} 天，不能重新打开；如有新问题请重新提交反馈`
            : '社区还在处理这条反馈，不需要重新打开',
        )
      }
      const at = now.toISOString()
      const next: Feedback = {
        ...item,
        status: 'in_progress',
        dueDate: dueDateFor(item.kind, now),
        answeredAt: '',
        closedAt: '',
        closedBy: '',
        resolution: null,
        resolutionNote: '',
        reopenCount: item.reopenCount + 1,
        messages: [...item.messages, { id: newId('msg'), kind: 'resident', text: input.text, at, byId: '', byName: '' }],
        events: [...item.events, { at, what: 'reopened', byName: '居民', detail: '' }],
        updatedAt: at,
      }
      await saveItem(ctx, item, next)
      return toMyView(next, files(), now)
    },
  })
}
