import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { type CaseView, ledgerRegisterInput } from '@shared/contracts/intent'
import { CONSENT_METHOD_LABELS, CONSENT_METHODS, CONSENT_TEXT, type ConsentMethod } from '@shared/domain/case'
import { can } from '@shared/domain/roles'
import { shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import { emptyIntentAnswers, type CaseAnswers, IntentFamilyFields, IntentIdeaFields, IntentNeedFields, IntentPersonFields } from '../../../components/intent-answers'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage, isApiError } from '../../../services/core/cloud'
import { registerOnBehalf } from '../../../services/intent/intent'
import { getMe } from '../../../services/profile/profile'
import { intentRoutes } from '../../../utils/intent-routes'
import { scrollToFirstError } from '../../../utils/scroll-to-error'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** What the worker types in: the resident form's answers, then how the resident consented. */
interface RegisterForm extends CaseAnswers {
  consentMethod: ConsentMethod | null
  consentAt: string
  consentNote: string
}

function emptyForm(today: string): RegisterForm {
  return { ...emptyIntentAnswers(), consentMethod: null, consentAt: today, consentNote: '' }
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
    onInvalid: scrollToFirstError,
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
        <IntentPersonFields voice='worker' form={form} errors={errors} set={set} phoneHint='居民认领时要用这个号码收验证码' idCardHint='加密保存，台帐只显示前 6 位和后 4 位' />
      </View>

      <View className='reg__card'>
        <Text className='reg__title'>家庭、技能和创业想法</Text>
        <IntentFamilyFields voice='worker' form={form} errors={errors} set={set} />
        <IntentIdeaFields voice='worker' form={form} errors={errors} set={set} />
        <IntentNeedFields voice='worker' form={form} errors={errors} set={set} />
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
