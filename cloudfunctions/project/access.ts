import type { ProjectView } from '../_shared/contracts/project'
import { isWithin } from '../_shared/domain/org'
import type { Project } from '../_shared/domain/project'
import { can } from '../_shared/domain/roles'
import { type Ctx, staffWrite } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { loadInScope } from '../_shared/runtime/scope'

/** Staff keep the projects of their own org and the orgs below it. */
export function mayEdit(caller: Caller, project: Pick<Project, 'orgPath'>): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'project.write') && isWithin(project.orgPath, caller.staff.orgId)
}

export function toView(p: Project, caller: Caller): ProjectView {
  const { orgPath: _path, updatedBy: _by, ...rest } = p
  return { ...rest, editable: mayEdit(caller, p) }
}

/** Why a role is refused the project reserve (the `refusal` of the actions that declare `project.write`). */
export const PROJECT_REFUSED = '你的角色不能修改项目库'

/** A change to one project: staff holding `project.write`, audited on the project. */
export const PROJECT_WRITE = staffWrite('project.write', PROJECT_REFUSED)

/** A project in the staff caller's scope (outside it 404); its actions declare `project.write`. */
export function loadEditable(ctx: Ctx, id: string): Promise<Project> {
  return loadInScope(ctx, 'projects', id, { missing: '项目不存在或已删除' })
}
