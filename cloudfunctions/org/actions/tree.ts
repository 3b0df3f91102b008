import * as v from 'valibot'
import type { Org } from '../../_shared/domain/org'
import { type OrgNode, type OrgTree } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'

/** The whole org tree with display names, for community pickers; public to any signed-in caller. */
export const tree = defineAction({
  input: v.object({}),
  access: 'any',
  async run(_input, { store }): Promise<OrgTree> {
    const all: Org[] = []
    for await (const batch of store.collection('orgs').scan(undefined, 500)) all.push(...batch)
    const byId = new Map(all.map((o) => [o._id, o]))
    const orgs: OrgNode[] = all
      .map((o) => ({
        _id: o._id,
        name: o.name,
        level: o.level,
        parentId: o.parentId,
        fullName: o.path.map((id) => byId.get(id)?.name ?? '').filter(Boolean).join(' / '),
      }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'zh-Hans-CN'))
    return { orgs }
  },
})
