import { dutyIdInput, type DutyTaskView } from '../../_shared/contracts/duty'
import type { DutyReminder, DutyTask } from '../../_shared/domain/duty'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWrite } from '../../_shared/runtime/action'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { commitTask, loadTask, toView } from '../access'
import { ownerReminders } from '../remind-late'

/**
 * 催办: records the reminder on the task (who, when) and files an inbox message for each active
 * staff member of the owner org, as the evaluation chain's reminders do (evaluation/remind.ts:
 * `residentId` holds the staff id). One message per staff member, task and day.
 */
export function makeRemind(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: dutyIdInput,
    ...staffWrite('duty.assign', '你的角色不能催办'),
    async run({ id }, ctx): Promise<DutyTaskView> {
      const { caller, store } = ctx
      const task = await loadTask(ctx, id)
      const now = ctx.now()
      const today = shanghaiDate(now)
      const messages = await ownerReminders(store, task, now, {
        id: `dty_${task._id}_${today}`,
        title: `${caller.org.name}催办：${task.ownerName}的任务${task.deadline < today ? `已于 ${task.deadline} 到期` : `将于 ${task.deadline} 到期`}`,
        ask: '请尽快推进并报告进展。',
        skip: caller.staff._id,
      })
      // The reminder is recorded first (a version conflict writes nothing), then the messages filed.
      const reminder: DutyReminder = { at: now.toISOString(), byId: caller.staff._id, byName: caller.staff.name, orgName: caller.org.name, sent: messages.length }
      const set: Partial<DutyTask> = { reminders: [...task.reminders, reminder], updatedAt: reminder.at }
      const saved = await commitTask(ctx, task, set, '任务已被他人更新，请刷新后再催办')
      for (const m of messages) await store.collection('inbox').insert(m)
      return toView(saved, caller, today, photos(), now, documents())
    },
  })
}
