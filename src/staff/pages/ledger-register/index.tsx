import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { type CaseView, ledgerRegisterInput } from '@shared/contracts/intent'
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_TEXT,
  type ConsentMethod,
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
} from '@shared/domain/intent'
import { can } from '@shared/domain/roles'
import type { TargetGroup } from '@shared/domain/target-groups'
import { shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import GroupPicker from '../../../components/group-picker'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import TextListEditor from '../../../components/text-list-editor'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage, isApiError } from '../../../services/core/cloud'
import { registerOnBehalf } from '../../../services/intent/intent'
import { getMe } from '../../../services/profile/profile'
import { rowErrors } from '../../../utils/field-errors'
import { intentRoutes } from '../../../utils/intent-routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** What the worker types in: the resident form's answers, then how the resident consented. */
interface RegisterForm {
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
  consentMethod: ConsentMethod | null
  consentAt: string
  consentNote: string
}

function emptyForm(today: string): RegisterForm {
  return {
    name: '',
    phone: '',
    idCard: '',
    gender: null,
    ageBand: null,
    education: null,
    household: null,
    targetGroups: [],
    familySituation: '',
    skillLevel: null,
    certificates: [],
    industry: null,
    projectDescription: '',
    projectPhase: null,
    needs: [],
    fundingAmount: '',
    contactTime: null,
    consentMethod: null,
    consentAt: today,
    consentNote: '',
  }
}

/** The input the server checks (unchosen options go as null, so the schema names them). */
function candidateOf(f: RegisterForm): unknown {
  return {
    name: f.name,
    phone: f.phone.trim(),
    idCard: f.idCard.trim(),
    gender: f.gender,
    ageBand: f.ageBand,
    education: f.education,
    household: f.household,
    targetGroups: f.targetGroups,
    familySituation: f.familySituation,
    skillLevel: f.skillLevel,
    certificates: f.certificates.filter((c) => c.trim() !== ''),
    industry: f.industry,
    projectDescription: f.projectDescription,
    projectPhase: f.projectPhase,
    needs: f.needs,
    fundingAmount: f.needs.includes('funding') && f.fundingAmount ? Number(f.fundingAmount) : null,
    contactTime: f.contactTime,
    projectInterestIds: [],
    consent: { method: f.consentMethod, at: f.consentAt.trim(), note: f.consentNote },
  }
}

/**
 * 代登记: a community worker registers a resident who came to the office or was met door to door,
 * with everything the resident form asks and how the resident consented. The case counts like
 * any registration; the resident can claim it later in the app with the phone number on it.
 */
function LedgerRegisterPageBody() {
  const me = useLoad(() => getMe(), [])
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  if (me.status === 'error' && !me.data) return <PageState kind='error' title='没能确认你的身份' error={me.error} onAction={() => void me.reload()} />
  if (!me.data) return <PageState kind='loading' />
  if (!staff || !can(staff.role, 'intent.write')) return <StaffRequired description='代登记由社区创业指导员和社区负责人办理' />
  return <RegisterBody orgName={staff.orgName} />
}

function RegisterBody({ orgName }: { orgName: string }) {
  const today = shanghaiDate(new Date())
  const [form, setForm] = useState<RegisterForm>(() => emptyForm(today))
  const [existing, setExisting] = useState<{ message: string; id: string } | null>(null)
  const saving = useFormSubmit({
    schema: ledgerRegisterInput,
    submit: (value) => registerOnBehalf(value),
    successToast: '已登记，居民可以在小程序里认领',
    then: (made: CaseView) => void Taro.redirectTo({ url: intentRoutes.staffCase(made._id) }),
    delayMs: 700,
    invalidToast: () => '还有内容要填好',
    onInvalid: () => setTimeout(() => Taro.pageScrollTo({ selector: '.form-field--error', offsetTop: -80, duration: 200 }).catch(() => undefined), 50),
    onError: (e) => {
      // A duplicate points at the case already on the ledger.
      const ref = isApiError(e) ? e.fields.find((f) => f.ref)?.ref : undefined
      setExisting(ref ? { message: errorMessage(e), id: ref } : { message: errorMessage(e), id: '' })
    },
  })
  const { errors, setErrors } = saving
  const busy = saving.busy !== null
  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const path = key === 'consentMethod' ? 'consent.method' : key === 'consentAt' ? 'consent.at' : key === 'consentNote' ? 'consent.note' : key
    setErrors((e) => {
      const next = { ...e }
      delete next[path]
      if (key.startsWith('consent')) delete next.consent
      return next
    })
  }

  return (
    <View className='reg' data-testid='ledger-register'>
      <View className='reg__card reg__wide'>
        <Text className='reg__title'>{orgName} · 代居民登记创业意向</Text>
        <Text className='reg__sub'>居民到社区办事或入户走访时，由你按居民的回答填写；登记后计入台帐和各项指标，居民以后可在小程序“我的”里用登记的手机号认领。</Text>
        {existing ? (
          <View data-testid='register-error'>
            <NoticeBanner tone='danger' text={existing.message} />
            {existing.id ? (
              <Text className='reg__dup' data-testid='register-existing' onClick={() => void Taro.navigateTo({ url: intentRoutes.staffCase(existing.id) })}>
                打开已有的登记记录 ›
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='reg__card'>
        <Text className='reg__title'>居民本人</Text>
        <FormField label='姓名' required error={errors.name} testId='field-name'>
          <Input className='form-field__input' value={form.name} maxlength={20} placeholder='居民的真实姓名' onInput={(e) => set('name', e.detail.value)} nativeProps={{ 'data-testid': 'field-name-input', 'aria-label': '姓名' }} />
        </FormField>
        <FormField label='手机号' required error={errors.phone} hint='居民认领时要用这个号码收验证码' testId='field-phone'>
          <Input className='form-field__input' type='number' value={form.phone} maxlength={11} placeholder='11 位手机号' onInput={(e) => set('phone', e.detail.value)} nativeProps={{ 'data-testid': 'field-phone-input', 'aria-label': '手机号', inputmode: 'tel' }} />
        </FormField>
        <FormField label='身份证号' required error={errors.idCard} hint='加密保存，台帐只显示前 6 位和后 4 位' testId='field-idCard'>
          <Input className='form-field__input' type='idcard' value={form.idCard} maxlength={18} placeholder='18 位身份证号' onInput={(e) => set('idCard', e.detail.value)} nativeProps={{ 'data-testid': 'field-idCard-input', 'aria-label': '身份证号', autocomplete: 'off' }} />
        </FormField>
        <FormField label='性别' required error={errors.gender} testId='field-gender'>
          <ChoiceChips options={GENDERS} labels={GENDER_LABELS} value={form.gender} onChange={(v) => set('gender', v as Gender)} testIdPrefix='gender' />
        </FormField>
        <FormField label='年龄段' required error={errors.ageBand} testId='field-ageBand'>
          <ChoiceChips options={AGE_BANDS} labels={AGE_BAND_LABELS} value={form.ageBand} onChange={(v) => set('ageBand', v as AgeBand)} testIdPrefix='age' />
        </FormField>
        <FormField label='文化程度' required error={errors.education} testId='field-education'>
          <ChoiceChips options={EDUCATIONS} labels={EDUCATION_LABELS} value={form.education} onChange={(v) => set('education', v as Education)} testIdPrefix='edu' />
        </FormField>
        <FormField label='户口类型' required error={errors.household} testId='field-household'>
          <ChoiceChips options={HOUSEHOLDS} labels={HOUSEHOLD_LABELS} value={form.household} onChange={(v) => set('household', v as Household)} testIdPrefix='household' />
        </FormField>
        <FormField label='所属人群' error={errors.targetGroups} hint='可多选，不属于可以不选' testId='field-targetGroups'>
          <GroupPicker value={form.targetGroups} onChange={(v) => set('targetGroups', v)} />
        </FormField>
      </View>

      <View className='reg__card'>
        <Text className='reg__title'>家庭、技能和创业想法</Text>
        <FormField label='家庭情况' required error={errors.familySituation} testId='field-familySituation'>
          <View className='form-field__textarea'>
            <Textarea className='form-field__textarea-input' value={form.familySituation} maxlength={200} placeholder='2–200 个字' placeholderClass='form-field__placeholder' onInput={(e) => set('familySituation', e.detail.value)} nativeProps={{ 'data-testid': 'field-familySituation-input', 'aria-label': '家庭情况' }} />
          </View>
        </FormField>
        <FormField label='技能等级' required error={errors.skillLevel} testId='field-skillLevel'>
          <ChoiceChips options={SKILL_LEVELS} labels={SKILL_LEVEL_LABELS} value={form.skillLevel} onChange={(v) => set('skillLevel', v as SkillLevel)} testIdPrefix='skill' />
        </FormField>
        <FormField label='持有的证书' error={errors.certificates} hint='没有可以不填' testId='field-certificates'>
          <TextListEditor items={form.certificates} onChange={(v) => set('certificates', v)} rowErrors={rowErrors(errors, 'certificates')} placeholder='例如：中式面点师（中级）' maxItems={10} maxLength={30} addText='添加证书' testId='field-certificates' />
        </FormField>
        <FormField label='想做的行业' required error={errors.industry} testId='field-industry'>
          <ChoiceChips options={INDUSTRIES} labels={INDUSTRY_LABELS} value={form.industry} onChange={(v) => set('industry', v as Industry)} testIdPrefix='industry' />
        </FormField>
        <FormField label='项目设想' required error={errors.projectDescription} testId='field-projectDescription'>
          <View className='form-field__textarea'>
            <Textarea className='form-field__textarea-input' value={form.projectDescription} maxlength={500} placeholder='想做什么、在哪里做、大概要多少钱' placeholderClass='form-field__placeholder' onInput={(e) => set('projectDescription', e.detail.value)} nativeProps={{ 'data-testid': 'field-projectDescription-input', 'aria-label': '项目设想' }} />
          </View>
        </FormField>
        <FormField label='项目进展' required error={errors.projectPhase} testId='field-projectPhase'>
          <ChoiceChips options={PROJECT_PHASES} labels={PROJECT_PHASE_LABELS} value={form.projectPhase} onChange={(v) => set('projectPhase', v as ProjectPhase)} testIdPrefix='phase' />
        </FormField>
        <FormField label='需要的帮助' error={errors.needs} hint='可多选' testId='field-needs'>
          <ChoiceChips options={NEEDS} labels={NEED_LABELS} value={form.needs} multiple onChange={(v) => set('needs', v as Need[])} testIdPrefix='need' />
        </FormField>
        {form.needs.includes('funding') ? (
          <FormField label='资金缺口（元）' required error={errors.fundingAmount} testId='field-fundingAmount'>
            <Input className='form-field__input' type='number' value={form.fundingAmount} maxlength={7} placeholder='例如：50000' onInput={(e) => set('fundingAmount', e.detail.value.replace(/[^\d]/g, ''))} nativeProps={{ 'data-testid': 'field-fundingAmount-input', 'aria-label': '资金缺口（元）' }} />
          </FormField>
        ) : null}
        <FormField label='方便联系的时间' required error={errors.contactTime} testId='field-contactTime'>
          <ChoiceChips options={CONTACT_TIMES} labels={CONTACT_TIME_LABELS} value={form.contactTime} onChange={(v) => set('contactTime', v as ContactTime)} testIdPrefix='contact' />
        </FormField>
      </View>

      <View className='reg__card reg__wide' data-testid='field-consent'>
        <Text className='reg__title'>居民的同意</Text>
        <Text className='reg__sub'>请先向居民读明告知内容：{CONSENT_TEXT}</Text>
        {errors.consent ? <NoticeBanner tone='danger' text={errors.consent} /> : null}
        <FormField label='同意方式' required error={errors['consent.method']} testId='field-consent-method'>
          <ChoiceChips options={CONSENT_METHODS} labels={CONSENT_METHOD_LABELS} value={form.consentMethod} onChange={(v) => set('consentMethod', v as ConsentMethod)} testIdPrefix='consent-method' />
        </FormField>
        <FormField label='同意日期' required error={errors['consent.at']} hint='居民签字或口头同意的那天' testId='field-consent-at'>
          <DateInput value={form.consentAt} end={today} placeholder='请选择日期' onChange={(v) => set('consentAt', v)} testId='field-consent-at-input' label='同意日期' />
        </FormField>
        <FormField
          label={form.consentMethod === 'verbal-witnessed' ? '见证人' : '同意书存放处'}
          required
          error={errors['consent.note']}
          hint={form.consentMethod === 'verbal-witnessed' ? '写明见证人姓名和身份，例如：网格员 李华' : '例如：社区档案柜 2026-017 号'}
          testId='field-consent-note'
        >
          <Input className='form-field__input' value={form.consentNote} maxlength={200} placeholder='2–200 个字' onInput={(e) => set('consentNote', e.detail.value)} nativeProps={{ 'data-testid': 'field-consent-note-input', 'aria-label': '同意凭证' }} />
        </FormField>
      </View>

      <View className='reg__bar'>
        <View className='reg__bar-inner' data-testid='register-submit'>
          <AtButton
            type='primary'
            loading={busy}
            disabled={busy}
            onClick={() => {
              setExisting(null)
              void saving.run(candidateOf(form))
            }}
          >
            登记到台帐
          </AtButton>
        </View>
      </View>
    </View>
  )
}

export default function LedgerRegisterPage() {
  return (
    <StaffLayout page='ledgerRegister'>
      <LedgerRegisterPageBody />
    </StaffLayout>
  )
}
