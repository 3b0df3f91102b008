import { ledgerBenefitInput, type MoneyPatch } from '../../_shared/contracts/intent'
import { type Benefit, type BenefitRevision, eligibilityOf, yuanLabel } from '../../_shared/domain/money'
import { isVisibleTo, type Policy } from '../../_shared/domain/policy'
import { shanghaiDate } from '../../_shared/domain/time'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { changeCaseDoc, toMoneyPatch, caseStaff } from '../../_shared/application/case'
import { benefitNotices, caseNotices, type Notice } from '../../_shared/application/notices'
import type { Case } from '../../_shared/domain/case'
import { pagePath } from '../../_shared/domain/pages'

const MAX_BENEFITS = 200

/** The policy a benefit or loan names: one of the case's community chain, not a draft; null for none. */
export function checkPolicy(policy: Policy | null, communityPath: readonly string[], path = 'policyId'): Policy {
  if (!policy || policy.status === 'draft' || !isVisibleTo(policy, communityPath)) {
    throw validation([{ path, message: '这条政策不适用于该社区' }])
  }
  return policy
}

/** A cap the amount must keep to (400 on `amountFen`). */
export function checkCap(amountFen: number, capFen: number | null | undefined): void {
  if (capFen != null && amountFen > capFen) throw validation([{ path: 'amountFen', message: `金额超过政策上限 ${yuanLabel(capFen)}` }])
}

/**
 * Records a policy benefit delivered (issue 22), or edits one (its earlier state kept in
 * `history`). The policy is one of the case's community chain; when the resident's target groups
 * do not match it, or the benefit date is outside its validity, an override reason is required.
 * Amounts are integer fen, at most the policy's cap. Counts by kind, target group and policy in
 * the month of the benefit date, kept on the year's counter document (`placementsOf`), in the same
 * transaction as the case write.
 * Store operations (issue 22: at most 2 reads + 3 writes): the case and the policy (2 reads), the
 * case, the year counter and the resident's inbox message (3 writes). An entrepreneur's first
 * benefit their groups make them eligible for moves the 政策享受率 stock in that same counter
 * update. The resident's switch is on
 * the case (`caseNoticesOff`), the WeChat delivery and the push-funnel credit (a resident who
 * opened a push of this policy) are made from the inbox message by `notify`'s `sendNotices` timer.
 * An edit tells nothing; when it moves the
 * benefit to another policy, a muted record carries the funnel credit (the same 3 writes).
 */
export const recordBenefit = defineAction({
  input: ledgerBenefitInput,
  ...caseStaff('intent.write'),
  audit: 'write',
  target: (input) => input.id,
  async run(input, ctx): Promise<MoneyPatch> {
    const caller = admittedStaff(ctx.caller)
    if (input.date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '享受日期不能晚于今天' }])
    if (input.policyId === null && input.overrideReason.length < 2) {
      throw validation([{ path: 'overrideReason', message: '政策库里没有的政策，请写明依据' }])
    }
    const saved = await changeCaseDoc(ctx, input.id, async (c, at, tx) => {
      let title = input.policyTitle
      let eligible = input.policyId === null ? false : true
      if (input.policyId) {
        const policy = checkPolicy(await tx.collection('policies').get(input.policyId), c.communityPath)
        title = policy.title
        const e = eligibilityOf(policy, c.targetGroups, input.date)
        eligible = e.eligible
        if (!eligible && input.overrideReason.length < 2) {
          throw validation([{ path: 'overrideReason', message: `不符合条件（${e.reasons.join('；')}），如确需享受请写明原因` }])
        }
        checkCap(input.amountFen, policy.capFen)
      }
      const fields = {
        policyId: input.policyId,
        policyTitle: title,
        kind: input.kind,
        amountFen: input.amountFen,
        date: input.date,
        approvedBy: input.approvedBy,
        documentNo: input.documentNo,
        note: input.note,
        eligible,
        overrideReason: eligible ? '' : input.overrideReason,
      }
      if (input.benefitId === undefined) {
        if (c.benefits.length >= MAX_BENEFITS) throw conflict('享受记录已达上限')
        const benefit: Benefit = { id: newId('ben'), ...fields, loanId: null, at, byName: caller.staff.name, history: [] }
        return { ...c, benefits: [...c.benefits, benefit], benefitCount: c.benefitCount + 1 }
      }
      const old = c.benefits.find((b) => b.id === input.benefitId)
      if (!old) throw validation([{ path: 'benefitId', message: '没有这条享受记录' }])
      if (old.loanId) throw validation([{ path: 'benefitId', message: '这条记录来自贷款环节，请在贷款里更正' }])
      if ((old.history ?? []).length !== input.revision) throw conflict('这条记录刚被别人修改过，请刷新后再试')
      const was: BenefitRevision = {
        kind: old.kind,
        policyId: old.policyId,
        policyTitle: old.policyTitle,
        amountFen: old.amountFen,
        date: old.date,
        approvedBy: old.approvedBy,
        documentNo: old.documentNo,
        note: old.note,
        replacedAt: at,
        replacedBy: caller.staff.name,
        reason: input.reason,
      }
      const history = [...(old.history ?? []), was]
      const edited: Benefit = { ...old, ...fields, at, byName: caller.staff.name, history }
      return { ...c, benefits: c.benefits.map((b) => (b.id === old.id ? edited : b)) }
    }, (before, after) => [...caseNotices(before, after), ...benefitNotices(before, after), ...editedBenefitFunnel(before, after, input.benefitId)])
    return toMoneyPatch(saved)
  },
})

/** An edit that moved a benefit to another policy: the funnel credit for it, told to no one. */
function editedBenefitFunnel(before: Case, after: Case, benefitId: string | undefined): Notice[] {
  if (benefitId === undefined || !after.residentId) return []
  const was = before.benefits.find((b) => b.id === benefitId)
  const now = after.benefits.find((b) => b.id === benefitId)
  if (!now?.policyId || was?.policyId === now.policyId) return []
  return [{
    residentId: after.residentId,
    kind: 'case',
    key: `${after._id}_v${before.version}_benefit_${benefitId}`,
    title: '',
    body: '',
    path: pagePath('myCase'),
    sourceId: after._id,
    funnelPolicyId: now.policyId,
    silent: true,
  }]
}
