import { projectIdInput, type ProjectView } from '../../_shared/contracts/project'
import { isWithin } from '../../_shared/domain/org'
import { defineAction } from '../../_shared/runtime/action'
import { missingOrOutOfScope, notFound } from '../../_shared/runtime/errors'
import { toView } from '../access'

/** One project: active ones for anybody, archived ones only for staff who keep them. */
export const get = defineAction({
  input: projectIdInput,
  access: 'any',
  async run({ id }, { store, caller }): Promise<ProjectView> {
    const p = await store.collection('projects').get(id)
    const keeper = p && caller.kind === 'staff' && isWithin(p.orgPath, caller.staff.orgId)
    // Staff asking for another org's withdrawn project is a refused call (audited), answered like a missing one.
    if (!p || (p.status !== 'active' && !keeper)) throw caller.kind === 'staff' ? missingOrOutOfScope(p, '项目不存在或已下架') : notFound('项目不存在或已下架')
    return toView(p, caller)
  },
})
