import { assertYearOpen } from '../../_shared/application/targets'
import { dutyReportInput, type DutyTaskView } from '../../_shared/contracts/duty'
import { DUTY_YEAR, type DutyReport, type DutyTask } from '../../_shared/domain/duty'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWrite } from '../../_shared/runtime/action'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { checkDocuments } from '../../_shared/application/attachments'
import { commitTask, checkAttachments, loadTask, TASK_ACTORS, toView } from '../access'

/**
 * The owner reports progress (text, percent, figures, attachments uploaded like 简报 photos); each
 * report is dated and kept as the task's history, and restarts the reporting schedule's clock.
 */
export function makeReport(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: dutyReportInput,
    ...staffWrite('duty.report', '你的角色不能报告任务进展'),
    async run(input, ctx): Promise<DutyTaskView> {
      const { caller } = ctx
      const task = await loadTask(ctx, input.id, TASK_ACTORS.report)
      await assertYearOpen(ctx.store, task.year, DUTY_YEAR)
      const attachments = await checkAttachments(photos(), input.attachments ?? [])
      const files = await checkDocuments(documents(), input.files ?? [])
      const now = ctx.now()
      const on = shanghaiDate(now)
      const figures = (input.figures ?? []).map((f) => ({ label: f.label, value: f.value, unit: f.unit ?? '' }))
      const entry: DutyReport = { at: now.toISOString(), on, text: input.text, percent: input.percent, figures, attachments, files, byId: caller.staff._id, byName: caller.staff.name }
      const set: Partial<DutyTask> = {
        reports: [...task.reports, entry],
        percent: input.percent,
        // The first report at 100 % dates completion; a later step back below 100 % clears it.
        doneOn: input.percent >= 100 ? (task.doneOn ?? on) : null,
        updatedAt: entry.at,
      }
      const saved = await commitTask(ctx, task, set, '任务已被他人更新，请刷新后再报')
      return toView(saved, caller, on, photos(), now, documents())
    },
  })
}
