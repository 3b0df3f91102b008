import { projectListInput, type ProjectListOutput } from '../../_shared/contracts/project'
import type { Project } from '../../_shared/domain/project'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { type Filter, where } from '../../_shared/store/port'
import { toView } from '../access'

/**
 * Residents: active projects from a community and every org above it (the community chosen on
 * the intent form, else their profile's). Staff `manage`: every project of their org's subtree.
 */
export const list = defineAction({
  input: projectListInput,
  access: 'any',
  rules: [{ on: "`view: 'manage'`", when: (input) => input.view === 'manage', access: 'staff' }],
  async run(input, { store, caller }): Promise<ProjectListOutput> {
    const filters: Filter<Project>[] = []
    if (input.view === 'manage') {
      filters.push(where.has('orgPath', admittedStaff(caller).staff.orgId))
      if (input.status) filters.push(where.eq('status', input.status))
    } else {
      filters.push(where.eq('status', 'active'))
      let communityId = input.communityId ?? null
      if (!communityId && caller.kind === 'resident') communityId = (await store.collection('profiles').get(caller.id))?.communityId ?? null
      if (communityId) {
        const community = await store.collection('orgs').get(communityId)
        if (!community) throw validation([{ path: 'communityId', message: '未知的社区' }])
        filters.push(where.in('orgId', community.path))
      } else if (caller.kind === 'staff') {
        filters.push(where.in('orgId', caller.org.path))
      }
    }
    if (input.industry) filters.push(where.eq('industry', input.industry))
    if (input.investment) filters.push(where.eq('investment', input.investment))
    const page = await store.collection('projects').find({
      where: where.and(...filters),
      orderBy: [{ field: 'updatedAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map((p) => toView(p, caller)), next: page.next }
  },
})
