import { projectIdInput, type ProjectView } from '../../_shared/contracts/project'
import type { Project, ProjectStatus } from '../../_shared/domain/project'
import { defineAction } from '../../_shared/runtime/action'
import type { StaffCtx } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadEditable, PROJECT_WRITE, toView } from '../access'

/** Takes a project off the resident list, or puts it back. */
export async function setStatus(ctx: StaffCtx, id: string, status: ProjectStatus): Promise<ProjectView> {
  const { caller } = ctx
  const current = await loadEditable(ctx, id)
  if (current.status === status) return toView(current, caller)
  const set: Partial<Project> = { status, updatedAt: ctx.now().toISOString(), updatedBy: caller.staff._id }
  const ok = await ctx.store.collection('projects').update(id, { set, inc: { version: 1 } }, where.eq('version', current.version))
  if (!ok) throw conflict('项目已被他人修改，请刷新后再试')
  return toView({ ...current, ...set, version: current.version + 1 }, caller)
}

export const archive = defineAction({
  input: projectIdInput,
  ...PROJECT_WRITE,
  run: ({ id }, ctx) => setStatus(ctx, id, 'archived'),
})

export const restore = defineAction({
  input: projectIdInput,
  ...PROJECT_WRITE,
  run: ({ id }, ctx) => setStatus(ctx, id, 'active'),
})
