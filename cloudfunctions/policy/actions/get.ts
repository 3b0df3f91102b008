import { policyIdInput, type PolicyView } from '../../_shared/contracts/policy'
import { defineAction } from '../../_shared/runtime/action'
import { notFound, outOfScope } from '../../_shared/runtime/errors'
import { mayEdit, toView } from '../access'

/**
 * One policy. Residents see published policies (in force or lapsed, so a shared link still
 * explains itself) of their community's chain; staff also see their own orgs' drafts.
 */
export const get = defineAction({
  input: policyIdInput,
  access: 'any',
  async run({ id }, { store, caller, now }): Promise<PolicyView> {
    const policy = await store.collection('policies').get(id)
    if (!policy) throw notFound('政策不存在或已下架')
    if (mayEdit(caller, policy) || (caller.kind === 'staff' && policy.orgPath.includes(caller.staff.orgId))) {
      return toView(policy, caller, now())
    }
    // Staff asking for another org's draft, or a policy outside their chain, is a refused call
    // (audited) answered like a missing one; a resident following an old link is just not found.
    if (policy.status !== 'published') throw caller.kind === 'staff' ? outOfScope('政策不存在或已下架') : notFound('政策不存在或已下架')
    if (caller.kind === 'resident') {
      const profile = await store.collection('profiles').get(caller.id)
      if (profile?.communityId) {
        const community = await store.collection('orgs').get(profile.communityId)
        if (community && !community.path.includes(policy.orgId)) throw notFound('这条政策不适用于你所在的社区')
      }
    } else if (!caller.org.path.includes(policy.orgId)) {
      throw outOfScope('政策不存在或已下架')
    }
    return toView(policy, caller, now())
  },
})
