import { assertYearOpen } from '../../_shared/application/targets'
import { dutyEditInput, type DutyTaskView } from '../../_shared/contracts/duty'
import { DUTY_YEAR, type DutyEdit, type DutyEditField, type DutyTask, scheduleText } from '../../_shared/domain/duty'
import { shanghaiDate } from '../../_shared/domain/time'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { defineAction, staffWrite } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { commitTask, loadTask, TASK_ACTORS, toView } from '../access'
import { ownerFields, resolveOwner } from './save'

/**
 * The setting org edits a task (任务, 责任单位, 截止日期, 完成标准, 权重, 报告周期) with a reason. Each
 * edit is kept on the task as history (field, before, after, who, when, why); the progress
 * reports stay with the task. An edit that changes nothing is refused (400), a stale version 409.
 */
export function makeEdit(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: dutyEditInput,
    ...staffWrite('duty.assign', '你的角色不能修改督查任务'),
    async run(input, ctx): Promise<DutyTaskView> {
      const { caller } = ctx
      const task = await loadTask(ctx, input.id, TASK_ACTORS.edit)
      await assertYearOpen(ctx.store, task.year, DUTY_YEAR)
      if (task.version !== input.version) throw conflict('任务已被他人更新，请刷新后再改')
      const owner = await resolveOwner(ctx, input)
      const schedule = input.schedule ?? null
      const next: Pick<DutyTask, 'text' | 'department' | 'ownerOrgId' | 'ownerPath' | 'ownerKey' | 'ownerName' | 'deadline' | 'measure' | 'weight' | 'schedule'> = {
        text: input.text,
        ...ownerFields(input, owner),
        deadline: input.deadline,
        measure: input.measure,
        weight: input.weight,
        schedule,
      }
      const changes: DutyEdit['changes'] = []
      const diff = (field: DutyEditField, from: string, to: string) => {
        if (from !== to) changes.push({ field, from, to })
      }
      diff('text', task.text, next.text)
      diff('owner', task.ownerName, next.ownerName)
      diff('deadline', task.deadline, next.deadline)
      diff('measure', task.measure, next.measure)
      diff('weight', String(task.weight), String(next.weight))
      diff('schedule', scheduleText(task.schedule), scheduleText(schedule))
      if (!changes.length) throw validation([{ path: 'reason', message: '没有修改任何内容' }], '没有修改任何内容')
      const now = ctx.now()
      const edit: DutyEdit = { at: now.toISOString(), byId: caller.staff._id, byName: caller.staff.name, orgName: caller.org.name, reason: input.reason, changes }
      const set: Partial<DutyTask> = { ...next, edits: [...task.edits, edit], updatedAt: edit.at }
      const saved = await commitTask(ctx, task, set, '任务已被他人更新，请刷新后再改')
      return toView(saved, caller, shanghaiDate(now), photos(), now, documents())
    },
  })
}
