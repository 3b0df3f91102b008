import { Input } from '@tarojs/components'
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  CONTACT_TIME_LABELS,
  CONTACT_TIMES,
  type ContactTime,
  EDUCATION_LABELS,
  EDUCATIONS,
  type Education,
  GENDER_LABELS,
  GENDERS,
  type Gender,
  HOUSEHOLD_LABELS,
  HOUSEHOLDS,
  type Household,
  INDUSTRIES,
  INDUSTRY_LABELS,
  type Industry,
  NEED_LABELS,
  NEEDS,
  type Need,
  PROJECT_PHASE_LABELS,
  PROJECT_PHASES,
  type ProjectPhase,
  SKILL_LEVEL_LABELS,
  SKILL_LEVELS,
  type SkillLevel,
} from '@shared/domain/case'
import type { TargetGroup } from '@shared/domain/target-groups'
import { rowErrors, type FieldErrorMap } from '../../utils/field-errors'
import ChoiceChips from '../choice-chips'
import FormField, { FieldTextarea } from '../form-field'
import GroupPicker from '../group-picker'
import TextListEditor from '../text-list-editor'

/**
 * The answers of the 创业意向 questionnaire as a form holds them (choices null until made), shared
 * by the resident's registration (intent-form) and a worker's 代登记 (ledger-register).
 */
export interface CaseAnswers {
  name: string
  phone: string
  idCard: string
  gender: Gender | null
  ageBand: AgeBand | null
  education: Education | null
  household: Household | null
  targetGroups: TargetGroup[]
  familySituation: string
  skillLevel: SkillLevel | null
  certificates: string[]
  industry: Industry | null
  projectDescription: string
  projectPhase: ProjectPhase | null
  needs: Need[]
  fundingAmount: string
  contactTime: ContactTime | null
}

/** A questionnaire not started yet, with the resident's target groups where they are known. */
export function emptyIntentAnswers(targetGroups: TargetGroup[] = []): CaseAnswers {
  return {
    name: '',
    phone: '',
    idCard: '',
    gender: null,
    ageBand: null,
    education: null,
    household: null,
    targetGroups,
    familySituation: '',
    skillLevel: null,
    certificates: [],
    industry: null,
    projectDescription: '',
    projectPhase: null,
    needs: [],
    fundingAmount: '',
    contactTime: null,
  }
}

/**
 * Who fills the questionnaire in: the resident (`resident`, spoken to as 你) or a community worker
 * for the resident (`worker`). Only the wording differs; fields, limits and test ids are the same.
 */
export type IntentVoice = 'resident' | 'worker'

/** Labels, hints and placeholders that differ between the two voices. */
interface Wording {
  namePlaceholder: string
  groupsLabel: string
  groupsHint: string
  familyHint?: string
  descriptionLabel: string
  descriptionHint?: string
  descriptionPlaceholder: string
  phaseLabel: string
  needsHint: string
  fundingLabel: string
  fundingHint?: string
  contactLabel: string
}

const WORDING: Record<IntentVoice, Wording> = {
  resident: {
    namePlaceholder: '你的真实姓名',
    groupsLabel: '你属于哪些人群',
    groupsHint: '可多选，不属于可以不选；用来帮你找能享受的政策',
    familyHint: '比如家里几口人、谁需要照顾、家里收入靠什么',
    descriptionLabel: '说说你的想法',
    descriptionHint: '想做什么、在哪里做、大概要多少钱',
    descriptionPlaceholder: '5–500 个字',
    phaseLabel: '现在到哪一步了',
    needsHint: '可多选；都不需要也可以不选',
    fundingLabel: '大概还差多少钱（元）',
    fundingHint: '估个数就行，1000 元到 500 万元',
    contactLabel: '什么时候方便联系你',
  },
  worker: {
    namePlaceholder: '居民的真实姓名',
    groupsLabel: '所属人群',
    groupsHint: '可多选，不属于可以不选',
    descriptionLabel: '项目设想',
    descriptionPlaceholder: '想做什么、在哪里做、大概要多少钱',
    phaseLabel: '项目进展',
    needsHint: '可多选',
    fundingLabel: '资金缺口（元）',
    contactLabel: '方便联系的时间',
  },
}

type ChoiceKey = 'gender' | 'ageBand' | 'education' | 'household' | 'skillLevel' | 'industry' | 'projectPhase' | 'contactTime'

interface Choice {
  label: string
  options: readonly string[]
  labels: Record<string, string>
  /** Prefix of the chips' test ids. */
  prefix: string
}

/** The single-choice questions: their options, labels and the prefix of their chips' test ids. */
const CHOICES = {
  gender: { label: '性别', options: GENDERS, labels: GENDER_LABELS, prefix: 'gender' },
  ageBand: { label: '年龄段', options: AGE_BANDS, labels: AGE_BAND_LABELS, prefix: 'age' },
  education: { label: '文化程度', options: EDUCATIONS, labels: EDUCATION_LABELS, prefix: 'edu' },
  household: { label: '户口类型', options: HOUSEHOLDS, labels: HOUSEHOLD_LABELS, prefix: 'household' },
  skillLevel: { label: '技能等级', options: SKILL_LEVELS, labels: SKILL_LEVEL_LABELS, prefix: 'skill' },
  industry: { label: '想做的行业', options: INDUSTRIES, labels: INDUSTRY_LABELS, prefix: 'industry' },
  projectPhase: { label: '项目进展', options: PROJECT_PHASES, labels: PROJECT_PHASE_LABELS, prefix: 'phase' },
  contactTime: { label: '方便联系的时间', options: CONTACT_TIMES, labels: CONTACT_TIME_LABELS, prefix: 'contact' },
} satisfies Record<ChoiceKey, Choice>

export interface IntentFieldsProps {
  /** The answers so far. */
  form: CaseAnswers
  /** Field errors by path, from the shared schema or the server. */
  errors: FieldErrorMap
  /**
   * Sets one answer (and clears its error). A method signature on purpose: its parameters are
   * checked bivariantly, so a page's own setter over a form that extends CaseAnswers fits.
   */
  set<K extends keyof CaseAnswers>(key: K, value: CaseAnswers[K]): void
  /** Whose words the labels use. Default `resident`. */
  voice?: IntentVoice
}

/** A required single-choice question, `label` overriding the usual one. */
function ChoiceField<K extends ChoiceKey>({ field, label, form, errors, set }: IntentFieldsProps & { field: K; label?: string }) {
  const c: Choice = CHOICES[field]
  return (
    <FormField label={label ?? c.label} required error={errors[field]} testId={`field-${field}`}>
      {/* The chips offer only this question's options, so the key they give back is one of them. */}
      <ChoiceChips options={c.options} labels={c.labels} value={form[field]} onChange={(v) => set(field, v as CaseAnswers[K])} testIdPrefix={c.prefix} />
    </FormField>
  )
}

/** A long answer in a text area. */
function TextAreaField({ field, label, hint, placeholder, maxlength, form, errors, set }: IntentFieldsProps & { field: 'familySituation' | 'projectDescription'; label: string; hint?: string; placeholder: string; maxlength: number }) {
  return (
    <FormField label={label} required error={errors[field]} hint={hint} testId={`field-${field}`}>
      <FieldTextarea value={form[field]} onInput={(v) => set(field, v)} maxlength={maxlength} placeholder={placeholder} testId={`field-${field}-input`} ariaLabel={label} />
    </FormField>
  )
}

/**
 * Who the resident is: name, phone, ID number, the four choices about them and their target
 * groups. `phoneHint`, `idCardHint` and `idCardRequired` are the caller's, since they depend on
 * whether a registration is being corrected.
 */
export function IntentPersonFields(props: IntentFieldsProps & { phoneHint: string; idCardHint: string; idCardRequired?: boolean }) {
  const { form, errors, set, phoneHint, idCardHint, idCardRequired = true } = props
  const w = WORDING[props.voice ?? 'resident']
  return (
    <>
      <FormField label='姓名' required error={errors.name} testId='field-name'>
        <Input className='form-field__input' value={form.name} maxlength={20} placeholder={w.namePlaceholder} onInput={(e) => set('name', e.detail.value)} nativeProps={{ 'data-testid': 'field-name-input', 'aria-label': '姓名' }} />
      </FormField>
      <FormField label='手机号' required error={errors.phone} hint={phoneHint} testId='field-phone'>
        <Input className='form-field__input' type='number' value={form.phone} maxlength={11} placeholder='11 位手机号' onInput={(e) => set('phone', e.detail.value)} nativeProps={{ 'data-testid': 'field-phone-input', 'aria-label': '手机号', inputmode: 'tel' }} />
      </FormField>
      <FormField label='身份证号' required={idCardRequired} error={errors.idCard} hint={idCardHint} testId='field-idCard'>
        <Input className='form-field__input' type='idcard' value={form.idCard} maxlength={18} placeholder='18 位身份证号' onInput={(e) => set('idCard', e.detail.value)} nativeProps={{ 'data-testid': 'field-idCard-input', 'aria-label': '身份证号', autocomplete: 'off' }} />
      </FormField>
      <ChoiceField {...props} field='gender' />
      <ChoiceField {...props} field='ageBand' />
      <ChoiceField {...props} field='education' />
      <ChoiceField {...props} field='household' />
      <FormField label={w.groupsLabel} error={errors.targetGroups} hint={w.groupsHint} testId='field-targetGroups'>
        <GroupPicker value={form.targetGroups} onChange={(v) => set('targetGroups', v)} />
      </FormField>
    </>
  )
}

/** The family situation, skill level and certificates. */
export function IntentFamilyFields(props: IntentFieldsProps) {
  const { form, errors, set } = props
  const w = WORDING[props.voice ?? 'resident']
  return (
    <>
      <TextAreaField {...props} field='familySituation' label='家庭情况' hint={w.familyHint} placeholder='2–200 个字' maxlength={200} />
      <ChoiceField {...props} field='skillLevel' />
      <FormField label='持有的证书' error={errors.certificates} hint='没有可以不填' testId='field-certificates'>
        <TextListEditor items={form.certificates} onChange={(v) => set('certificates', v)} rowErrors={rowErrors(errors, 'certificates')} placeholder='例如：中式面点师（中级）' maxItems={10} maxLength={30} addText='添加证书' testId='field-certificates' />
      </FormField>
    </>
  )
}

/** The business idea: industry, description and how far it has got. */
export function IntentIdeaFields(props: IntentFieldsProps) {
  const w = WORDING[props.voice ?? 'resident']
  return (
    <>
      <ChoiceField {...props} field='industry' />
      <TextAreaField {...props} field='projectDescription' label={w.descriptionLabel} hint={w.descriptionHint} placeholder={w.descriptionPlaceholder} maxlength={500} />
      <ChoiceField {...props} field='projectPhase' label={w.phaseLabel} />
    </>
  )
}

/** The help wanted, the funding gap when money is among it, and when to call. */
export function IntentNeedFields(props: IntentFieldsProps) {
  const { form, errors, set } = props
  const w = WORDING[props.voice ?? 'resident']
  return (
    <>
      <FormField label='需要的帮助' error={errors.needs} hint={w.needsHint} testId='field-needs'>
        <ChoiceChips options={NEEDS} labels={NEED_LABELS} value={form.needs} multiple onChange={(v) => set('needs', v as Need[])} testIdPrefix='need' />
      </FormField>
      {form.needs.includes('funding') ? (
        <FormField label={w.fundingLabel} required error={errors.fundingAmount} hint={w.fundingHint} testId='field-fundingAmount'>
          <Input className='form-field__input' type='number' value={form.fundingAmount} maxlength={7} placeholder='例如：50000' onInput={(e) => set('fundingAmount', e.detail.value.replace(/[^\d]/g, ''))} nativeProps={{ 'data-testid': 'field-fundingAmount-input', 'aria-label': w.fundingLabel, inputmode: 'numeric' }} />
        </FormField>
      ) : null}
      <ChoiceField {...props} field='contactTime' label={w.contactLabel} />
    </>
  )
}
