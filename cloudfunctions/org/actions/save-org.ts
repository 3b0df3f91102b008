import { childLevel, type Org } from '../../_shared/domain/org'
import { saveOrgInput, type OrgNode } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { notFound, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'

/** The admin's org-tree editing: add a node under a parent of the level above, or rename one. */
export const saveOrg = defineAction({
  input: saveOrgInput,
  access: 'staff',
  permission: 'org.write',
  audit: 'write',
  target: (input) => input.id ?? null,
  async run(input, ctx): Promise<OrgNode> {
    const orgs = ctx.store.collection('orgs')
    if (input.id) {
      const current = await orgs.get(input.id)
      if (!current) throw notFound('单位不存在')
      if (current.level !== input.level || current.parentId !== input.parentId) {
        throw validation([{ path: 'parentId', message: '已有单位只能改名，不能调整层级或上级' }])
      }
      await orgs.update(current._id, { set: { name: input.name } })
      return { _id: current._id, name: input.name, level: current.level, parentId: current.parentId, fullName: input.name }
    }
    if (input.level === 'city') {
      if (input.parentId !== null) throw validation([{ path: 'parentId', message: '市级单位没有上级' }])
    }
    const parent = input.parentId ? await orgs.get(input.parentId) : null
    if (input.level !== 'city' && (!parent || childLevel(parent.level) !== input.level)) {
      throw validation([{ path: 'parentId', message: '请选择上一级单位' }])
    }
    const id = newId(input.level.slice(0, 1))
    const org: Org = { _id: id, name: input.name, level: input.level, parentId: parent?._id ?? null, path: [...(parent?.path ?? []), id] }
    await orgs.insert(org)
    return { _id: id, name: org.name, level: org.level, parentId: org.parentId, fullName: org.name }
  },
})
