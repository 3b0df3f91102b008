import { type EligiblePoliciesOutput, intentIdInput } from '../../_shared/contracts/intent'
import { eligibilityOf, KIND_OF_CATEGORY } from '../../_shared/domain/money'
import type { Policy } from '../../_shared/domain/policy'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadCase } from '../../_shared/application/case'

/**
 * The published policies of the case's community chain a benefit or loan may be recorded under,
 * eligible ones first: each with the resident's groups it matches, its own conditions for the
 * worker to check with the resident, and why it does not fit (then an override reason is needed).
 */
export const eligiblePolicies = defineAction({
  input: intentIdInput,
  access: 'staff',
  target: (input) => input.id,
  async run({ id }, ctx): Promise<EligiblePoliciesOutput> {
    const c = await loadCase(ctx, id, 'intent.read')
    const today = shanghaiDate(ctx.now())
    const page = await ctx.store.collection('policies').find({
      where: where.and<Policy>(where.in('orgId', [...c.communityPath]), where.eq('status', 'published')),
      limit: 100,
    })
    const items = page.items.map((p) => {
      const e = eligibilityOf(p, c.targetGroups, today)
      return {
        _id: p._id,
        title: p.title,
        orgName: p.orgName,
        category: p.category,
        kind: KIND_OF_CATEGORY[p.category],
        capFen: p.capFen ?? null,
        targetGroups: p.targetGroups,
        conditions: p.eligibility,
        ...e,
      }
    })
    items.sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.title.localeCompare(b.title, 'zh-CN'))
    return { items }
  },
})
