import type { DutyTaskView } from '../_shared/contracts/duty'
import { dutyState, type DutyTask } from '../_shared/domain/duty'
import type { StaffCaller } from '../_shared/runtime/action'
import type { Ctx } from '../_shared/runtime/action'
import { missingOrOutOfScope } from '../_shared/runtime/errors'
import { where } from '../_shared/store/port'

/** The staff who answer for a task: the owner org's (for a department task, the setting org's). */
export function mayReport(caller: StaffCaller, task: Pick<DutyTask, 'ownerOrgId'>): boolean {
  return caller.org._id === task.ownerOrgId
}

export function toView(task: DutyTask, caller: StaffCaller, today: string): DutyTaskView {
  const { ownerPath: _p, ...rest } = task
  return { ...rest, state: dutyState(task, today), reportable: mayReport(caller, task) }
}

/** A task in the caller's scope (its owner lies in the caller's subtree); else 404. */
export async function loadTask(ctx: Ctx & { caller: StaffCaller }, id: string): Promise<DutyTask> {
  const task = await ctx.store.collection('dutyTasks').get(id)
  if (!task || !task.ownerPath.includes(ctx.caller.org._id)) throw missingOrOutOfScope(task, '任务不存在或不在你的范围内')
  return task
}

/** Every task of a year whose owner lies in the subtree of `orgId`. */
export async function tasksInScope(ctx: Ctx, year: number, orgId: string): Promise<DutyTask[]> {
  const out: DutyTask[] = []
  for await (const batch of ctx.store.collection('dutyTasks').scan(where.and<DutyTask>(where.eq('year', year), where.has('ownerPath', orgId)), 200)) out.push(...batch)
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline) || a._id.localeCompare(b._id))
}
