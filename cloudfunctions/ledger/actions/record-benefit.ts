import { type CaseView, ledgerBenefitInput } from '../../_shared/contracts/intent'
import { type Benefit, type Intent } from '../../_shared/domain/intent'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { CASE_REFUSED, changeCase, loadCase } from '../../_shared/application/case'

const MAX_BENEFITS = 200

/**
 * Records a policy benefit delivered (policy, kind, whole-yuan amount, date): counts
 * `benefits_<kind>` and `benefitAmount_<kind>` at the benefit date, in the same transaction.
 */
export const recordBenefit = defineAction({
  input: ledgerBenefitInput,
  access: 'staff',
  permission: 'intent.write',
  refusal: CASE_REFUSED['intent.write'],
  audit: 'write',
  target: (input) => input.id,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    if (input.date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '享受日期不能晚于今天' }])
    const intent = await loadCase(ctx, input.id)
    let title = input.policyTitle
    if (input.policyId) {
      const policy = await ctx.store.collection('policies').get(input.policyId)
      if (!policy || policy.status === 'draft' || !intent.communityPath.includes(policy.orgId)) {
        throw validation([{ path: 'policyId', message: '这条政策不适用于该社区' }])
      }
      title = policy.title
    }
    return changeCase(ctx, input.id, (c, at) => {
      if (c.benefits.length >= MAX_BENEFITS) throw conflict('享受记录已达上限')
      const benefit: Benefit = {
        id: newId('ben'),
        policyId: input.policyId,
        policyTitle: title,
        category: input.category,
        amount: input.amount,
        date: input.date,
        note: input.note,
        at,
        byName: caller.staff.name,
      }
      const next: Intent = { ...c, benefits: [...c.benefits, benefit], benefitCount: c.benefitCount + 1 }
      return next
    })
  },
})
