import { projectSaveInput, type ProjectView } from '../../_shared/contracts/project'
import type { Project } from '../../_shared/domain/project'
import { defineAction, staffSave } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { loadEditable, toView } from '../access'
import { ownedByCaller, saveOwnedEdit } from '../../_shared/application/owned-records'

/** Adds a project to the caller's org's reserve, or edits one (naming the version it started from). */
export const save = defineAction({
  input: projectSaveInput,
  ...staffSave('project.write', '你的角色不能修改项目库'),
  async run(input, ctx): Promise<ProjectView> {
    const { caller } = ctx
    const at = ctx.now().toISOString()
    const { id, version, ...fields } = input
    if (!id) {
      const project: Project = {
        _id: newId('prj'),
        ...ownedByCaller(caller, at),
        ...fields,
        status: 'active',
      }
      await ctx.store.collection('projects').insert(project)
      return toView(project, caller)
    }
    const current = await loadEditable(ctx, id)
    if (current.version !== version) throw conflict('项目已被他人修改，请刷新后再改')
    return toView(await saveOwnedEdit(ctx.store.collection('projects'), current, fields, { caller, at, stale: '项目已被他人修改，请刷新后再改' }), caller)
  },
})
