import { dutyIdInput, type DutyTaskView } from '../../_shared/contracts/duty'
import type { DutyReminder, DutyTask } from '../../_shared/domain/duty'
import type { InboxMessage } from '../../_shared/domain/inbox'
import { pageUrl } from '../../_shared/domain/pages'
import type { StaffMember } from '../../_shared/domain/staff'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWrite } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { commitTask, loadTask, toView } from '../access'

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
      const staff: StaffMember[] = []
      for await (const batch of store.collection('staff').scan(where.and<StaffMember>(where.eq('orgId', task.ownerOrgId), where.eq('active', true)), 200)) staff.push(...batch)
      const messages: InboxMessage[] = []
      for (const s of staff) {
        if (s._id === caller.staff._id) continue
        const msgId = `dty_${task._id}_${today}_${s._id}`
        if (await store.collection('inbox').get(msgId)) continue
        messages.push({
          _id: msgId,
          residentId: s._id,
          kind: 'system',
          title: `${caller.org.name}催办：${task.ownerName}的任务${task.deadline < today ? `已于 ${task.deadline} 到期` : `将于 ${task.deadline} 到期`}`,
          body: `「${task.text}」当前进度 ${task.percent}%，完成标准：${task.measure}。请尽快推进并报告进展。`,
          link: pageUrl('staffDuty', { year: task.year }),
          sourceId: task._id,
          createdAt: now.toISOString(),
          readAt: null,
        })
      }
      // The reminder is recorded first (a version conflict writes nothing), then the messages filed.
      const reminder: DutyReminder = { at: now.toISOString(), byId: caller.staff._id, byName: caller.staff.name, orgName: caller.org.name, sent: messages.length }
      const set: Partial<DutyTask> = { reminders: [...task.reminders, reminder], updatedAt: reminder.at }
      const saved = await commitTask(ctx, task, set, '任务已被他人更新，请刷新后再催办')
      for (const m of messages) await store.collection('inbox').insert(m)
      return toView(saved, caller, today, photos(), now, documents())
    },
  })
}
