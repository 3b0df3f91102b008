import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { type CaseView, type EligiblePolicy, ledgerBenefitInput, ledgerLoanStepInput } from '@shared/contracts/intent'
import {
  BENEFIT_KIND_LABELS,
  BENEFIT_KINDS,
  type BenefitKind,
  isFourInOne,
  type Loan,
  LOAN_STEP_LABELS,
  type LoanStep,
  loanStep,
  nextLoanSteps,
  yuanLabel,
} from '@shared/domain/money'
import { TARGET_GROUP_LABELS } from '@shared/domain/target-groups'
import ChoiceChips from '../../../components/choice-chips'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import { eligiblePolicies, recordBenefit, recordLoanStep } from '../../../services/intent/intent'
import { toastText } from '../../../utils/toast'
import { yuanToFen } from '../../../utils/money'
import { errorMessage } from '../../../services/core/cloud'
import FormActions from '../../components/form-actions'
import { type CaseAction, useCaseForm } from './case-form'

interface Props {
  c: CaseView
  canWrite: boolean
  today: string
  action: CaseAction
}

/** Loads the case's policies with their eligibility once the worker opens a form. */
function usePolicies(caseId: string) {
  const [items, setItems] = useState<EligiblePolicy[] | null>(null)
  const load = async () => {
    if (items) return
    try {
      setItems((await eligiblePolicies(caseId)).items)
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return { items, load }
}

function PolicyPicker({ items, value, onChange, testIdPrefix }: { items: EligiblePolicy[]; value: string | null; onChange: (id: string) => void; testIdPrefix: string }) {
  const labels = Object.fromEntries(items.map((p) => [p._id, `${p.eligible ? '✓' : '✕'} ${p.title}`]))
  const chosen = items.find((p) => p._id === value)
  return (
    <View>
      <ChoiceChips options={items.map((p) => p._id)} labels={labels} value={value} onChange={(v) => onChange(String(v))} testIdPrefix={testIdPrefix} />
      {chosen ? (
        <View className='case__muted' data-testid={`${testIdPrefix}-eligibility`}>
          <Text>
            {chosen.eligible
              ? `符合：${chosen.matched.map((g) => TARGET_GROUP_LABELS[g]).join('、') || '不限人群'}`
              : `不符合：${chosen.reasons.join('；')}`}
            {chosen.capFen !== null ? `；上限 ${yuanLabel(chosen.capFen)}` : ''}
          </Text>
          <View>
            <Text>{`请和居民核对条件：${chosen.conditions.join('；')}`}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** 享受政策: benefits picked from the policies the resident is eligible for, in yuan (stored as fen). */
export function BenefitSection({ c, canWrite, today, action }: Props) {
  const policies = usePolicies(c._id)
  const [open, setOpen] = useState(false)
  const [policyId, setPolicyId] = useState<string | null>(null)
  const [kind, setKind] = useState<BenefitKind | null>(null)
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(today)
  const [approvedBy, setApprovedBy] = useState('')
  const [documentNo, setDocumentNo] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const form = useCaseForm(action, {
    schema: ledgerBenefitInput,
    send: async (value) => ({ ...c, ...(await recordBenefit(value)) }),
    done: '已记录',
    then: () => {
      setOpen(false)
      setAmount('')
      setDocumentNo('')
      setOverrideReason('')
    },
  })
  const { errors } = form
  const chosen = policies.items?.find((p) => p._id === policyId)
  const pick = (id: string) => {
    setPolicyId(id)
    const p = policies.items?.find((x) => x._id === id)
    if (p) setKind(p.kind)
  }
  const save = () => form.run({ id: c._id, policyId, policyTitle: chosen?.title ?? '', kind: kind ?? undefined, amountFen: yuanToFen(amount), date, approvedBy, documentNo, overrideReason })
  const total = c.benefits.reduce((n, b) => n + b.amountFen, 0)
  return (
    <View className='case__card' data-testid='benefits'>
      <View className='case__card-head'>
        <Text className='case__card-title'>享受政策（{c.benefits.length}{total ? `，共 ${yuanLabel(total)}` : ''}）</Text>
        {canWrite && !open ? (
          <Text className='case__link' onClick={() => { setOpen(true); void policies.load() }} data-testid='add-benefit'>
            ＋ 记一笔
          </Text>
        ) : null}
      </View>
      {open ? (
        <View className='case__form' data-testid='benefit-form'>
          <FormField label='政策（✓ 符合条件）' required error={errors.policyId ?? errors.policyTitle}>
            {policies.items ? <PolicyPicker items={policies.items} value={policyId} onChange={pick} testIdPrefix='benefit-policy' /> : <Text className='case__muted'>正在读取政策…</Text>}
          </FormField>
          <FormField label='类别' required error={errors.kind}>
            <ChoiceChips options={BENEFIT_KINDS} labels={BENEFIT_KIND_LABELS} value={kind} onChange={(v) => setKind(v as BenefitKind)} testIdPrefix='benefit-kind' />
          </FormField>
          <FormField label='金额（元，可到分；没有金额填 0）' required error={errors.amountFen}>
            <Input className='form-field__input' type='digit' value={amount} maxlength={13} placeholder='0' onInput={(e) => setAmount(e.detail.value.replace(/[^\d.]/g, ''))} nativeProps={{ 'data-testid': 'benefit-amount-input', inputmode: 'decimal' }} />
          </FormField>
          <FormField label='批准日期' required error={errors.date}>
            <DateInput value={date} end={today} onChange={setDate} label='批准日期' testId='benefit-date' />
          </FormField>
          <FormField label='审批单位' error={errors.approvedBy}>
            <Input className='form-field__input' value={approvedBy} maxlength={60} placeholder='例如：区人社局' onInput={(e) => setApprovedBy(e.detail.value)} nativeProps={{ 'data-testid': 'benefit-approved-input' }} />
          </FormField>
          <FormField label='文号' error={errors.documentNo}>
            <Input className='form-field__input' value={documentNo} maxlength={60} placeholder='例如：东人社发〔2026〕12号' onInput={(e) => setDocumentNo(e.detail.value)} nativeProps={{ 'data-testid': 'benefit-doc-input' }} />
          </FormField>
          {chosen && !chosen.eligible ? (
            <FormField label='不符合条件仍享受的原因' required error={errors.overrideReason}>
              <Input className='form-field__input' value={overrideReason} maxlength={200} onInput={(e) => setOverrideReason(e.detail.value)} nativeProps={{ 'data-testid': 'benefit-override-input' }} />
            </FormField>
          ) : null}
          <FormActions busy={form.busy !== null} onCancel={() => setOpen(false)} onSave={() => void save()} saveTestId='benefit-save' />
        </View>
      ) : null}
      {c.benefits.length === 0 ? (
        <Text className='case__muted case__empty'>还没有享受政策的记录</Text>
      ) : (
        c.benefits.map((b) => (
          <View key={b.id} className='case__log' data-testid='benefit'>
            <View className='case__log-head'>
              <Text className='case__stage-name'>{b.policyTitle}</Text>
              <Text className='case__log-meta'>{b.date}</Text>
            </View>
            <Text className='case__log-extra'>
              {BENEFIT_KIND_LABELS[b.kind]} · {yuanLabel(b.amountFen)}
              {b.approvedBy ? ` · ${b.approvedBy}` : ''}
              {b.documentNo ? ` · ${b.documentNo}` : ''} · {b.byName}
              {b.eligible ? '' : ` · 特批：${b.overrideReason}`}
              {b.history.length ? ` · 改过 ${b.history.length} 次` : ''}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

function LoanStepForm({ c, loan, today, action, policies, onDone }: { c: CaseView; loan: Loan | null; today: string; action: Props['action']; policies: EligiblePolicy[]; onDone: () => void }) {
  const options: LoanStep[] = loan ? nextLoanSteps(loan) : ['applied']
  const [step, setStep] = useState<LoanStep>(options[0])
  const [policyId, setPolicyId] = useState<string | null>(null)
  const [date, setDate] = useState(today)
  const [actor, setActor] = useState(loan ? '' : '居民本人')
  const [amount, setAmount] = useState('')
  const [documentNo, setDocumentNo] = useState('')
  const [repayDue, setRepayDue] = useState('')
  const [interestDue, setInterestDue] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const form = useCaseForm(action, { schema: ledgerLoanStepInput, send: async (value) => ({ ...c, ...(await recordLoanStep(value)) }), done: '已记录', then: onDone })
  const { errors } = form
  const loanPolicies = policies.filter((p) => p.category === 'guaranteed_loan')
  const chosen = loanPolicies.find((p) => p._id === policyId)
  const save = () =>
    form.run({
      id: c._id, loanId: loan?.id, expect: loan ? loan.steps.length : 0, policyId: loan ? null : policyId, step, date, actor,
      amountFen: yuanToFen(amount), documentNo, repayDue, interestDue, overrideReason,
    })
  const dated = step === 'disbursed' || step === 'interest'
  return (
    <View className='case__form' data-testid='loan-form'>
      {loan ? null : (
        <FormField label='贷款政策（✓ 符合条件）' required error={errors.policyId}>
          <PolicyPicker items={loanPolicies} value={policyId} onChange={setPolicyId} testIdPrefix='loan-policy' />
        </FormField>
      )}
      <FormField label='环节' required error={errors.step}>
        <ChoiceChips options={options} labels={LOAN_STEP_LABELS} value={step} onChange={(v) => setStep(v as LoanStep)} testIdPrefix='loan-step' />
      </FormField>
      <FormField label='日期' required error={errors.date}>
        <DateInput value={date} end={today} onChange={setDate} label='日期' testId='loan-date' />
      </FormField>
      <FormField label='办理单位' required error={errors.actor}>
        <Input className='form-field__input' value={actor} maxlength={60} placeholder='例如：市创业担保中心' onInput={(e) => setActor(e.detail.value)} nativeProps={{ 'data-testid': 'loan-actor-input' }} />
      </FormField>
      <FormField label={step === 'interest' ? '贴息金额（元）' : '金额（元）'} required error={errors.amountFen}>
        <Input className='form-field__input' type='digit' value={amount} maxlength={13} placeholder='0' onInput={(e) => setAmount(e.detail.value.replace(/[^\d.]/g, ''))} nativeProps={{ 'data-testid': 'loan-amount-input', inputmode: 'decimal' }} />
      </FormField>
      <FormField label='文号 / 合同号' error={errors.documentNo}>
        <Input className='form-field__input' value={documentNo} maxlength={60} onInput={(e) => setDocumentNo(e.detail.value)} nativeProps={{ 'data-testid': 'loan-doc-input' }} />
      </FormField>
      {dated ? (
        <FormField label='下次贴息申领日期（可不填）' error={errors.interestDue} extra={interestDue ? <Text className='form-field__clear' onClick={() => setInterestDue('')}>清除</Text> : undefined}>
          <DateInput value={interestDue} initial={today} placeholder='不填' onChange={setInterestDue} label='下次贴息申领日期' testId='loan-interest-due-input' />
        </FormField>
      ) : null}
      {step === 'disbursed' ? (
        <FormField label='到期还款日期（可不填）' error={errors.repayDue} extra={repayDue ? <Text className='form-field__clear' onClick={() => setRepayDue('')}>清除</Text> : undefined}>
          <DateInput value={repayDue} initial={today} placeholder='不填' onChange={setRepayDue} label='到期还款日期' testId='loan-repay-due-input' />
        </FormField>
      ) : null}
      {!loan && chosen && !chosen.eligible ? (
        <FormField label='不符合条件仍申请的原因' required error={errors.overrideReason}>
          <Input className='form-field__input' value={overrideReason} maxlength={200} onInput={(e) => setOverrideReason(e.detail.value)} />
        </FormField>
      ) : null}
      <FormActions busy={form.busy !== null} onCancel={onDone} onSave={() => void save()} saveTestId='loan-save' />
    </View>
  )
}

/** 创业担保贷款: each application's steps, the next step to record, and the 四位一体 links. */
export function LoanSection({ c, canWrite, today, action }: Props) {
  const policies = usePolicies(c._id)
  const [editing, setEditing] = useState<string | null>(null)
  const open = (key: string) => {
    setEditing(key)
    void policies.load()
  }
  const f = c.fourInOne
  return (
    <View className='case__card' data-testid='loans'>
      <View className='case__card-head'>
        <Text className='case__card-title'>创业担保贷款（{c.loans.length}）</Text>
        {canWrite && editing === null ? (
          <Text className='case__link' onClick={() => open('new')} data-testid='add-loan'>
            ＋ 新申请
          </Text>
        ) : null}
      </View>
      <Text className='case__muted' data-testid='four-in-one'>
        四位一体：培训{f.training ? '✓' : '✕'} · 项目{f.project ? `✓ ${f.project.title}` : '✕'} · 导师{f.mentor ? `✓ ${f.mentor.name}` : '✕'} · 贷款{c.loans.some((l) => l.steps.some((s) => s.step === 'disbursed')) ? '✓' : '✕'}
        {isFourInOne(f) ? '（四项齐全）' : ''}
      </Text>
      {editing === 'new' && policies.items ? <LoanStepForm c={c} loan={null} today={today} action={action} policies={policies.items} onDone={() => setEditing(null)} /> : null}
      {c.loans.map((l) => (
        <View key={l.id} className='case__log' data-testid='loan'>
          <View className='case__log-head'>
            <Text className='case__stage-name'>{l.policyTitle}</Text>
            <Text className='case__log-meta' data-testid='loan-step'>{LOAN_STEP_LABELS[loanStep(l)]}</Text>
          </View>
          {l.steps.map((s, i) => (
            <Text key={i} className='case__log-extra'>
              {s.date} {LOAN_STEP_LABELS[s.step]}
              {s.step === 'interest' ? `（第 ${s.period} 期）` : ''} · {s.actor} · {yuanLabel(s.amountFen)}
              {s.documentNo ? ` · ${s.documentNo}` : ''}
            </Text>
          ))}
          {canWrite && editing === null && nextLoanSteps(l).length ? (
            <Text className='case__link' onClick={() => open(l.id)} data-testid='loan-next'>
              记录下一环节
            </Text>
          ) : null}
          {editing === l.id ? <LoanStepForm c={c} loan={l} today={today} action={action} policies={policies.items ?? []} onDone={() => setEditing(null)} /> : null}
        </View>
      ))}
    </View>
  )
}
