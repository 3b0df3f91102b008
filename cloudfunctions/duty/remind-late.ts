/**
 * The daily 督查 reminders (the `dailyRemind` timer trigger, deploy/functions.ts; the local runtime
 * runs it hourly): every open task of the year whose deadline has passed, or whose scheduled
 * progress report is late, gets one inbox message per staff member of the owner org, the same
 * message 催办 files. Message ids name (task, what is late, its date, staff), so a run on every day
 * sends each reminder once; the next missed report date sends the next one. The reminder is
 * recorded on the task like a 催办 (by `timer`), so the 督查 view shows it was sent.
 */
import { type DutyReminder, type DutyTask, dutyState, reportDue, reportLate } from '../_shared/domain/duty'
import type { InboxMessage } from '../_shared/domain/inbox'
import { pageUrl } from '../_shared/domain/pages'
import type { StaffMember } from '../_shared/domain/staff'
import { shanghaiDate } from '../_shared/domain/time'
import type { Collections } from '../_shared/store/collections'
import { type Store, where } from '../_shared/store/port'

/** Who the automatic reminders are recorded as on the task. */
export const TIMER_REMINDER_BY = 'timer'

/**
 * The inbox messages reminding the task's owner org of it (催办 and the daily reminders alike): one per
 * active staff member (but `skip`, the one reminding), id `<id>_<staff id>`, left out for whoever
 * already has that message. `residentId` holds the staff id, as the evaluation chain's reminders do.
 */
export async function ownerReminders(
  store: Store<Collections>,
  task: DutyTask,
  now: Date,
  m: { id: string; title: string; ask: string; skip?: string },
): Promise<InboxMessage[]> {
  const staff: StaffMember[] = []
  for await (const batch of store.collection('staff').scan(where.and<StaffMember>(where.eq('orgId', task.ownerOrgId), where.eq('active', true)), 200)) staff.push(...batch)
  const messages: InboxMessage[] = []
  for (const s of staff) {
    if (s._id === m.skip) continue
    const id = `${m.id}_${s._id}`
    if (await store.collection('inbox').get(id)) continue
    messages.push({
      _id: id,
      residentId: s._id,
      kind: 'system',
      title: m.title,
      body: `「${task.text}」当前进度 ${task.percent}%，完成标准：${task.measure}。${m.ask}`,
      link: pageUrl('staffDuty', { year: task.year }),
      sourceId: task._id,
      createdAt: now.toISOString(),
      readAt: null,
    })
  }
  return messages
}

export async function sendDutyReminders(store: Store<Collections>, now: Date): Promise<{ sent: number; tasks: number; today: string }> {
  const today = shanghaiDate(now)
  const year = Number(today.slice(0, 4))
  let sent = 0
  let tasks = 0
  const late: DutyTask[] = []
  for await (const batch of store.collection('dutyTasks').scan(where.eq<DutyTask>('year', year), 200)) {
    for (const t of batch) if (t.percent < 100 && (dutyState(t, today) === 'overdue' || reportLate(t, today))) late.push(t)
  }
  for (const task of late) {
    const overdue = task.deadline < today
    // One message per missed date: the deadline once it has passed, else each missed report date.
    const key = overdue ? `deadline_${task.deadline}` : `report_${reportDue(task)}`
    const messages = await ownerReminders(store, task, now, {
      id: `dtr_${task._id}_${key}`,
      title: overdue ? `督查提醒：${task.ownerName}的任务已于 ${task.deadline} 到期` : `督查提醒：${task.ownerName}的任务应于 ${reportDue(task)} 报告进展`,
      ask: overdue ? '请尽快推进并报告进展。' : '请报告本期进展。',
    })
    if (!messages.length) continue
    const reminder: DutyReminder = { at: now.toISOString(), byId: TIMER_REMINDER_BY, byName: overdue ? '到期自动提醒' : '报告逾期自动提醒', orgName: '系统', sent: messages.length }
    // Recorded first (a version conflict writes nothing and the next run tries again), then filed.
    const ok = await store.collection('dutyTasks').update(task._id, { set: { reminders: [...task.reminders, reminder], updatedAt: reminder.at }, inc: { version: 1 } }, where.eq('version', task.version))
    if (!ok) continue
    for (const m of messages) await store.collection('inbox').insert(m)
    sent += messages.length
    tasks++
  }
  return { sent, tasks, today }
}
