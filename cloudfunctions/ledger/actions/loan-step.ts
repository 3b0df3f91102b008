import { ledgerLoanStepInput, type MoneyPatch } from '../../_shared/contracts/intent'
import {
  type Benefit,
  eligibilityOf,
  type Loan,
  LOAN_STEP_LABELS,
  type LoanStepRecord,
  loanDueDate,
  nextInterestPeriod,
  nextLoanSteps,
} from '../../_shared/domain/money'
import { shanghaiDate } from '../../_shared/domain/time'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { changeCaseDoc, toMoneyPatch } from '../../_shared/application/case'
import { caseNotices, loanStepNotices } from '../../_shared/application/notices'
import { checkCap, checkPolicy } from './record-benefit'

const MAX_LOANS = 20
const MAX_STEPS = 80

/**
 * One step of a 小额担保贷款 (issue 22): 申请 → 社区推荐 → 担保审核 → 银行审批 → 放款 → 贴息 (per
 * period) → 还清 / 逾期 / 代偿. A step out of order (or dated before the previous one) is 400; a
 * step recorded by someone else since the worker opened the loan (`expect` steps) is 409, so two
 * workers recording the same step at once: one wins. 放款 adds a 小额担保贷款 benefit and each
 * 贴息 a 贴息 benefit of the amount, so the loan money is counted with the benefits.
 * Store operations (issue 22: at most 2 reads + 3 writes): the case (1 read; plus the policy on
 * 申请), the case and the year's counter document (2 writes: the money metrics' month fields and,
 * for an entrepreneur's first eligible benefit from 放款 or 贴息, the 政策享受率 stock, in one
 * update, `placementsOf`), and every step after the application tells the resident
 * (`loanStepNotices`): one inbox message, no read (their switch is on the case, the WeChat
 * delivery is filed by `notify`'s `sendNotices` timer).
 */
export const loanStep = defineAction({
  input: ledgerLoanStepInput,
  access: 'staff',
  audit: 'write',
  target: (input) => input.id,
  async run(input, ctx): Promise<MoneyPatch> {
    const caller = admittedStaff(ctx.caller)
    if (input.date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '日期不能晚于今天' }])
    if ((input.step === 'disbursed' || input.step === 'interest') && input.amountFen < 1) {
      throw validation([{ path: 'amountFen', message: `请填写${LOAN_STEP_LABELS[input.step]}金额` }])
    }
    const saved = await changeCaseDoc(ctx, input.id, async (c, at, tx) => {
      const loans = c.loans ?? []
      const record = (period: number): LoanStepRecord => ({
        step: input.step,
        date: input.date,
        actor: input.actor,
        amountFen: input.amountFen,
        documentNo: input.documentNo,
        period,
        repayDue: input.repayDue,
        interestDue: input.interestDue,
        note: input.note,
        at,
        byName: caller.staff.name,
      })
      if (input.step === 'applied') {
        if (input.expect !== 0) throw validation([{ path: 'expect', message: '新申请的版本号应为 0' }])
        if (loans.length >= MAX_LOANS) throw conflict('贷款申请已达上限')
        const policy = checkPolicy(await tx.collection('policies').get(input.policyId ?? ''), c.communityPath)
        if (policy.category !== 'guaranteed_loan') throw validation([{ path: 'policyId', message: '请选择贷款类政策' }])
        const e = eligibilityOf(policy, c.targetGroups, input.date)
        if (!e.eligible && input.overrideReason.length < 2) {
          throw validation([{ path: 'overrideReason', message: `不符合条件（${e.reasons.join('；')}），如确需申请请写明原因` }])
        }
        checkCap(input.amountFen, policy.capFen)
        const loan: Loan = {
          id: newId('loan'),
          policyId: policy._id,
          policyTitle: policy.title,
          capFen: policy.capFen ?? null,
          eligible: e.eligible,
          overrideReason: e.eligible ? '' : input.overrideReason,
          steps: [record(0)],
          createdAt: at,
        }
        const next = [...loans, loan]
        return { ...c, loans: next, loanDueDate: loanDueDate(next) }
      }
      const loan = loans.find((l) => l.id === input.loanId)
      if (!loan) throw validation([{ path: 'loanId', message: '没有这笔贷款申请' }])
      if (loan.steps.length !== input.expect) throw conflict('这笔贷款刚被别人记录了新环节，请刷新后再试')
      const allowed = nextLoanSteps(loan)
      if (!allowed.includes(input.step)) {
        const message = allowed.length
          ? `现在只能记录：${allowed.map((s) => LOAN_STEP_LABELS[s]).join('、')}`
          : '这笔贷款已结束，不能再记录环节'
        throw validation([{ path: 'step', message }])
      }
      const last = loan.steps.at(-1)
      if (last && input.date < last.date) throw validation([{ path: 'date', message: `日期不能早于上一环节（${last.date}）` }])
      if (loan.steps.length >= MAX_STEPS) throw conflict('这笔贷款的环节已达上限')
      if (input.step === 'disbursed') checkCap(input.amountFen, loan.capFen)
      const step = record(input.step === 'interest' ? nextInterestPeriod(loan) : 0)
      const updated: Loan = { ...loan, steps: [...loan.steps, step] }
      const nextLoans = loans.map((l) => (l.id === loan.id ? updated : l))
      let benefits = c.benefits
      if (input.step === 'disbursed' || input.step === 'interest') {
        const benefit: Benefit = {
          id: newId('ben'),
          policyId: loan.policyId,
          policyTitle: loan.policyTitle,
          kind: input.step === 'disbursed' ? 'guaranteed_loan' : 'interest_subsidy',
          amountFen: input.amountFen,
          date: input.date,
          approvedBy: input.actor,
          documentNo: input.documentNo,
          note: input.step === 'interest' ? `第 ${step.period} 期贴息` : '贷款放款',
          eligible: loan.eligible,
          overrideReason: loan.overrideReason,
          loanId: loan.id,
          at,
          byName: caller.staff.name,
          history: [],
        }
        benefits = [...benefits, benefit]
      }
      return {
        ...c,
        loans: nextLoans,
        loanDueDate: loanDueDate(nextLoans),
        benefits,
        benefitCount: benefits.length === c.benefits.length ? c.benefitCount : c.benefitCount + 1,
      }
    }, (before, after) => [...caseNotices(before, after), ...loanStepNotices(before, after)])
    return toMoneyPatch(saved)
  },
})
