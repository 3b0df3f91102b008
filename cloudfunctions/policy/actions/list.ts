import type { Policy } from '../../_shared/domain/policy'
import { shanghaiDate } from '../../_shared/domain/time'
import { policyListInput, type PolicyListOutput } from '../../_shared/contracts/policy'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { type Filter, where } from '../../_shared/store/port'
import { toListItem } from '../access'

/**
 * Residents: published policies in force today from their community and every org above it,
 * newest first. Staff `manage` view: every policy of their org and the orgs below it.
 */
export const list = defineAction({
  input: policyListInput,
  access: 'any',
  rules: [{ on: "`view: 'manage'`", when: (input) => input.view === 'manage', access: 'staff' }],
  async run(input, { store, caller, now }): Promise<PolicyListOutput> {
    const today = shanghaiDate(now())
    const filters: Filter<Policy>[] = []
    let orderField: 'publishedAt' | 'updatedAt' = 'publishedAt'

    if (input.view === 'manage') {
      filters.push(where.has('orgPath', admittedStaff(caller).staff.orgId))
      if (input.status) filters.push(where.eq('status', input.status))
      orderField = 'updatedAt'
    } else {
      filters.push(
        where.eq('status', 'published'),
        where.lte('validFrom', today),
        where.or(where.eq('validTo', null), where.gte('validTo', today)),
      )
      if (caller.kind === 'staff') {
        filters.push(where.in('orgId', caller.org.path))
      } else {
        const profile = await store.collection('profiles').get(caller.id)
        if (profile?.communityId) {
          const community = await store.collection('orgs').get(profile.communityId)
          if (community) filters.push(where.in('orgId', community.path))
        }
        if (input.forMe) {
          if (!profile?.targetGroups.length) {
            throw validation([{ path: 'forMe', message: '请先在“我的”里选择你属于哪些人群' }])
          }
          filters.push(where.hasAny('targetGroups', profile.targetGroups))
        }
      }
    }
    if (input.category) filters.push(where.eq('category', input.category))
    if (input.targetGroup) filters.push(where.has('targetGroups', input.targetGroup))
    if (input.keyword) {
      const k = input.keyword
      filters.push(where.or(where.contains('title', k), where.contains('summary', k), where.contains('benefit', k)))
    }
    const page = await store.collection('policies').find({
      where: where.and(...filters),
      orderBy: [{ field: orderField, dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map((p) => toListItem(p, today)), next: page.next }
  },
})
