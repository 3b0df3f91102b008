import type { FieldError } from '../_shared/contracts/common'
import type { DutyTaskView } from '../_shared/contracts/duty'
import { photoProblem } from '../_shared/domain/feedback'
import { dutyState, type DutyTask, reportDue, reportLate } from '../_shared/domain/duty'
import type { PhotoFiles } from '../_shared/files/photo-files'
import type { DocumentFiles } from '../_shared/files/document-files'
import { attachmentViews } from '../_shared/application/attachments'
import { conflict, validation } from '../_shared/runtime/errors'
import { can } from '../_shared/domain/roles'
import type { StaffCaller } from '../_shared/runtime/action'
import type { Ctx } from '../_shared/runtime/action'
import { loadInScope } from '../_shared/runtime/scope'
import { where } from '../_shared/store/port'

/** The staff who answer for a task: the owner org's (for a department task, the setting org's). */
export function mayReport(caller: StaffCaller, task: Pick<DutyTask, 'ownerOrgId'>): boolean {
  return caller.org._id === task.ownerOrgId
}

/** The org that set a task edits it. */
export function mayEdit(caller: StaffCaller, task: Pick<DutyTask, 'setterOrgId'>): boolean {
  return caller.org._id === task.setterOrgId
}

/** A task as the caller sees it; attachments become temporary links (none without a photo store). */
export async function toView(task: DutyTask, caller: StaffCaller, today: string, photos: PhotoFiles | null, now: Date, documents: DocumentFiles | null = null): Promise<DutyTaskView> {
  const { ownerPath: _p, ...rest } = task
  const reports = await Promise.all(
    task.reports.map(async (r) => ({
      ...r,
      attachments: photos ? await Promise.all(r.attachments.map(async (ref) => ({ url: (await photos.link(ref, now)).url }))) : [],
      files: await attachmentViews(documents, r.files, now),
    })),
  )
  return {
    ...rest,
    reports,
    state: dutyState(task, today),
    reportable: mayReport(caller, task),
    reportDue: reportDue(task),
    reportLate: reportLate(task, today),
    editable: mayEdit(caller, task) && can(caller.staff.role, 'duty.assign'),
  }
}

/** Every attachment must be an upload the photo store holds, of an accepted type and size (as 简报 photos). */
export async function checkAttachments(files: PhotoFiles | null, refs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(refs)]
  const fields: FieldError[] = []
  for (const [i, ref] of unique.entries()) {
    const stored = files ? await files.inspect(ref) : null
    const problem = stored ? photoProblem(stored.size, stored.head) : '附件没有上传成功，请重新选择'
    if (problem) fields.push({ path: `attachments.${i}`, message: `第 ${i + 1} 个附件：${problem}` })
  }
  if (fields.length) throw validation(fields, fields[0].message)
  return unique
}

/** Who of those who see a task may act on it: its owner reports, the org that set it edits. */
export const TASK_ACTORS = {
  report: { orgOf: (t: DutyTask) => t.ownerOrgId, refusal: '只有责任单位的工作人员能报告进展' },
  edit: { orgOf: (t: DutyTask) => t.setterOrgId, refusal: '只有分解这项任务的单位能修改它' },
} as const

/** A task in the caller's scope (its owner lies in the caller's subtree), else 404; with `actor`, one the caller's org acts on, else 403. */
export async function loadTask(ctx: Ctx, id: string, actor?: (typeof TASK_ACTORS)[keyof typeof TASK_ACTORS]): Promise<DutyTask> {
  return loadInScope(ctx, 'dutyTasks', id, { pathOf: (t) => t.ownerPath, missing: '任务不存在或不在你的范围内', actor })
}

/** Every task of a year whose owner lies in the subtree of `orgId`. */
export async function tasksInScope(ctx: Ctx, year: number, orgId: string): Promise<DutyTask[]> {
  const out: DutyTask[] = []
  for await (const batch of ctx.store.collection('dutyTasks').scan(where.and<DutyTask>(where.eq('year', year), where.has('ownerPath', orgId)), 200)) out.push(...batch)
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline) || a._id.localeCompare(b._id))
}

/**
 * Writes `set` over the task the caller read, only if nobody changed it since (else 409 with
 * `stale`, nothing written), and answers the task as saved.
 */
export async function commitTask(ctx: Ctx, task: DutyTask, set: Partial<DutyTask>, stale: string): Promise<DutyTask> {
  const ok = await ctx.store.collection('dutyTasks').update(task._id, { set, inc: { version: 1 } }, where.eq('version', task.version))
  if (!ok) throw conflict(stale)
  return { ...task, ...set, version: task.version + 1 }
}
