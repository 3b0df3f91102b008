import { useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { check } from '@shared/contracts/common'
import { intentSubmitInput, type IntentSubmitInput, type MyCase } from '@shared/contracts/intent'
import type { OrgNode } from '@shared/contracts/org'
import type { ProjectView } from '@shared/contracts/project'
import { CONSENT_TEXT, CONSENT_VERSION, INDUSTRY_LABELS } from '@shared/domain/case'
import { INVESTMENT_BAND_LABELS } from '@shared/domain/project'
import type { TargetGroup } from '@shared/domain/target-groups'
import CommunityPicker from '../../../components/community-picker'
import FormField from '../../../components/form-field'
import { emptyIntentAnswers, type CaseAnswers, IntentFamilyFields, IntentIdeaFields, IntentNeedFields, IntentPersonFields } from '../../../components/intent-answers'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { listProjects, myCase, submitIntent } from '../../../services/intent/intent'
import { getOrgTree } from '../../../services/staff/org'
import { getMe } from '../../../services/profile/profile'
import { clearField, toFieldErrorMap, type FieldErrorMap } from '../../../utils/field-errors'
import { intentRoutes } from '../../../utils/intent-routes'
import { scrollToFirstError } from '../../../utils/scroll-to-error'
import { toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** The form's values: the questionnaire's answers, the community, interests and consent. The ID number is never kept in the draft. */
interface IntentForm extends CaseAnswers {
  communityId: string | null
  projectInterestIds: string[]
  consent: boolean
}

const DRAFT_KEY = 'cy.intent.draft'

const STEPS = [
  { title: '个人情况', fields: ['communityId', 'name', 'phone', 'idCard', 'gender', 'ageBand', 'education', 'household', 'targetGroups'] },
  { title: '家庭与技能', fields: ['familySituation', 'skillLevel', 'certificates'] },
  { title: '创业想法', fields: ['industry', 'projectDescription', 'projectPhase', 'projectInterestIds'] },
  { title: '需要的帮助', fields: ['needs', 'fundingAmount', 'contactTime', 'consent', 'consentVersion'] },
] as const

function emptyForm(communityId: string | null, groups: TargetGroup[]): IntentForm {
  return { ...emptyIntentAnswers(groups), communityId, projectInterestIds: [], consent: false }
}

function formOf(c: MyCase): IntentForm {
  return {
    communityId: c.communityId,
    name: c.name,
    phone: '',
    idCard: '',
    gender: c.gender,
    ageBand: c.ageBand,
    education: c.education,
    household: c.household,
    targetGroups: [...c.targetGroups],
    familySituation: c.familySituation,
    skillLevel: c.skillLevel,
    certificates: [...c.certificates],
    industry: c.industry,
    projectDescription: c.projectDescription,
    projectPhase: c.projectPhase,
    needs: [...c.needs],
    fundingAmount: c.fundingAmount === null ? '' : String(c.fundingAmount),
    contactTime: c.contactTime,
    projectInterestIds: [...c.projectInterestIds],
    consent: false,
  }
}

function readDraft(): Partial<IntentForm> | null {
  const raw: unknown = Taro.getStorageSync(DRAFT_KEY)
  if (!raw || typeof raw !== 'string') return null
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' ? (parsed as Partial<IntentForm>) : null
  } catch {
    return null
  }
}

function saveDraft(form: IntentForm): void {
  // The ID number stays out of device storage: only the server keeps it, sealed.
  const { idCard: _id, consent: _consent, ...rest } = form
  Taro.setStorageSync(DRAFT_KEY, JSON.stringify(rest))
}

/** What goes to the schema: unset choices are left out so the schema's own messages show. */
function candidateOf(form: IntentForm, edit: MyCase | null, eventId: string | null): Partial<IntentSubmitInput> {
  const amount = form.fundingAmount.trim()
  return {
    ...(edit ? { id: edit._id, version: edit.version } : {}),
    communityId: form.communityId ?? '',
    name: form.name,
    phone: form.phone,
    ...(form.idCard.trim() || !edit ? { idCard: form.idCard } : {}),
    gender: form.gender ?? undefined,
    ageBand: form.ageBand ?? undefined,
    education: form.education ?? undefined,
    household: form.household ?? undefined,
    targetGroups: form.targetGroups,
    familySituation: form.familySituation,
    skillLevel: form.skillLevel ?? undefined,
    certificates: form.certificates.filter((c) => c.trim() !== ''),
    industry: form.industry ?? undefined,
    projectDescription: form.projectDescription,
    projectPhase: form.projectPhase ?? undefined,
    needs: form.needs,
    fundingAmount: form.needs.includes('funding') ? (amount === '' ? null : Number(amount)) : null,
    contactTime: form.contactTime ?? undefined,
    projectInterestIds: form.projectInterestIds,
    sourceEventId: eventId,
    consent: form.consent as true,
    consentVersion: CONSENT_VERSION,
  }
}

/** 创业意向登记: a form in four steps; corrections of a pending registration use the same form. */
function IntentFormPage() {
  const params = useRouter().params
  const eventId = params.eventId && /^[A-Za-z0-9_-]{1,64}$/.test(params.eventId) ? params.eventId : null
  const wantsEdit = params.edit === '1'
  const data = useLoad(async () => {
    const [orgs, me, mine] = await Promise.all([getOrgTree(), getMe(), myCase()])
    return { orgs, me, current: mine.current }
  }, [])

  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='登记表没能打开' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const { orgs, me, current } = data.data
  if (me.kind === 'staff') {
    return <PageState kind='empty' title='这里是居民登记' description='工作人员请在“帮扶台帐”里查看登记' testId='intent-staff' />
  }
  const active = current && current.status !== 'withdrawn' ? current : null
  if (active && !(wantsEdit && active.editable)) {
    return (
      <PageState
        kind='empty'
        icon='check-circle'
        title='你已经登记过了'
        description={active.editable ? '社区受理前，你可以在创业档案里修改登记' : '社区已受理，进展可以在创业档案里查看'}
        actionText='查看我的创业档案'
        onAction={() => void Taro.redirectTo({ url: intentRoutes.myCase })}
        testId='intent-already'
      />
    )
  }
  const edit = active && wantsEdit ? active : null
  return <IntentEditor key={edit ? `${edit._id}@${edit.version}` : 'new'} orgs={orgs} edit={edit} eventId={eventId} defaults={{ communityId: me.communityId, groups: me.targetGroups }} />
}

interface IntentEditorProps {
  orgs: OrgNode[]
  /** The pending registration being corrected, or null for a new one. */
  edit: MyCase | null
  eventId: string | null
  defaults: { communityId: string | null; groups: TargetGroup[] }
}

function IntentEditor({ orgs, edit, eventId, defaults }: IntentEditorProps) {
  const [form, setForm] = useState<IntentForm>(() => {
    if (edit) return formOf(edit)
    const draft = readDraft()
    return { ...emptyForm(defaults.communityId, defaults.groups), ...(draft ?? {}), idCard: '', consent: false }
  })
  const [restored] = useState(() => !edit && readDraft() !== null)
  const [step, setStep] = useState(0)
  const [formError, setFormError] = useState<string | null>(null)
  const saving = useFormSubmit({
    schema: intentSubmitInput,
    submit: async (value) => {
      await submitIntent(value)
      Taro.removeStorageSync(DRAFT_KEY)
    },
    successToast: edit ? '已保存修改' : '登记成功',
    then: () => void Taro.redirectTo({ url: edit ? intentRoutes.myCase : intentRoutes.myCaseJustRegistered }),
    delayMs: 700,
    invalidToast: () => '还有内容要填好',
    // Open the first step that has something to fix.
    onInvalid: (map) => {
      const first = STEPS.findIndex((_, i) => Object.keys(stepErrors(map, i)).length > 0)
      if (first >= 0) setStep(first)
    },
    onError: (e) => {
      if (isApiError(e) && e.fields.length) setFormError(e.message)
      else if (isApiError(e) && e.code === ErrorCodes.conflict) setFormError(e.message || '登记内容已有变化，请刷新后再改')
      else setFormError(errorMessage(e))
    },
  })
  const { errors, setErrors } = saving
  const busy = saving.busy !== null
  const [projects, setProjects] = useState<ProjectView[] | null>(null)
  const top = useRef<string>('intent-top')

  useEffect(() => {
    if (!edit) saveDraft(form)
  }, [form, edit])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: edit ? '修改创业意向登记' : '创业意向登记' })
  }, [edit])

  // Projects from the reserve of the chosen community (and the orgs above it).
  useEffect(() => {
    if (step !== 2 || !form.communityId) return
    let live = true
    setProjects(null)
    listProjects({ communityId: form.communityId, limit: 30 })
      .then((p) => live && setProjects(p.items))
      .catch(() => live && setProjects([]))
    return () => {
      live = false
    }
  }, [step, form.communityId])

  const set = <K extends keyof IntentForm>(key: K, value: IntentForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => clearField(e, key))
  }

  const stepErrors = (all: FieldErrorMap, index: number): FieldErrorMap => {
    const fields: readonly string[] = STEPS[index].fields
    const out: FieldErrorMap = {}
    for (const [path, message] of Object.entries(all)) if (fields.includes(path.split('.')[0])) out[path] = message
    return out
  }

  const scrollTop = () => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 150 }).catch(() => undefined)
  }

  const next = () => {
    const checked = check(intentSubmitInput, candidateOf(form, edit, eventId))
    const mine = checked.ok ? {} : stepErrors(toFieldErrorMap(checked.fields), step)
    if (Object.keys(mine).length) {
      setErrors(mine)
      toastText(`这一步还有 ${Object.keys(mine).length} 处要填好`)
      scrollToFirstError()
      return
    }
    setErrors({})
    setStep((s) => s + 1)
    scrollTop()
  }

  const submit = async () => {
    if (busy) return
    setFormError(null)
    await saving.run(candidateOf(form, edit, eventId))
  }

  const chosenCommunity = useMemo(() => orgs.find((o) => o._id === form.communityId) ?? null, [orgs, form.communityId])

  return (
    <View className='intent-form' id={top.current} data-testid='intent-form' data-step={step}>
      <View className='intent-form__steps' data-testid='intent-steps'>
        {STEPS.map((s, i) => (
          <View key={s.title} className={`intent-form__step${i === step ? ' intent-form__step--active' : ''}${i < step ? ' intent-form__step--done' : ''}`}>
            <View className='intent-form__step-dot'>
              <Text>{i < step ? '✓' : i + 1}</Text>
            </View>
            <Text className='intent-form__step-title'>{s.title}</Text>
          </View>
        ))}
      </View>

      {restored && step === 0 ? (
        <View className='intent-form__banner'>
          <NoticeBanner text='已为你恢复上次没填完的内容（身份证号需要重新填写）' testId='intent-draft-restored' />
        </View>
      ) : null}
      {eventId && step === 0 ? (
        <View className='intent-form__banner'>
          <NoticeBanner text='欢迎参加创业活动！填好这张表，社区创业指导员会联系你' />
        </View>
      ) : null}
      {formError ? (
        <View className='intent-form__banner' data-testid='intent-form-error'>
          <NoticeBanner tone='danger' text={formError} />
        </View>
      ) : null}

      {step === 0 ? (
        <View className='intent-form__section'>
          <Text className='intent-form__section-title'>先说说你自己</Text>
          <Text className='intent-form__section-sub'>社区创业指导员会根据这些情况联系你、帮你</Text>
          <FormField label='所在社区' required error={errors.communityId} testId='field-communityId'>
            <CommunityPicker orgs={orgs} value={form.communityId} onChange={(id) => set('communityId', id)} invalid={Boolean(errors.communityId)} />
          </FormField>
          <IntentPersonFields
            form={form}
            errors={errors}
            set={set}
            phoneHint={edit ? '为了保护隐私，修改时请重新填写手机号' : '只用于社区联系你'}
            idCardRequired={!edit}
            idCardHint={edit ? `已登记 ${edit.idCardMasked}，不改就不用填` : '加密保存，工作人员只能看到前 6 位和后 4 位'}
          />
        </View>
      ) : null}

      {step === 1 ? (
        <View className='intent-form__section'>
          <Text className='intent-form__section-title'>家庭和技能</Text>
          <IntentFamilyFields form={form} errors={errors} set={set} />
        </View>
      ) : null}

      {step === 2 ? (
        <View className='intent-form__section'>
          <Text className='intent-form__section-title'>你想做什么</Text>
          <IntentIdeaFields form={form} errors={errors} set={set} />
          <FormField label='感兴趣的推荐项目' error={errors.projectInterestIds} hint={chosenCommunity ? `${chosenCommunity.name}和上级推荐的项目，可选 5 个` : '先在第一步选择社区'} testId='field-projectInterestIds'>
            {projects === null ? (
              <Text className='intent-form__muted'>正在加载项目…</Text>
            ) : projects.length === 0 ? (
              <Text className='intent-form__muted'>暂时没有推荐项目，指导员会根据你的想法推荐</Text>
            ) : (
              <View className='intent-form__projects'>
                {projects.map((p) => {
                  const on = form.projectInterestIds.includes(p._id)
                  return (
                    <View
                      key={p._id}
                      role='checkbox'
                      aria-checked={on}
                      className={`intent-form__project${on ? ' intent-form__project--on' : ''}`}
                      data-testid={`project-${p._id}`}
                      onClick={() => set('projectInterestIds', on ? form.projectInterestIds.filter((x) => x !== p._id) : [...form.projectInterestIds, p._id].slice(0, 5))}
                    >
                      <View className='intent-form__project-head'>
                        <Text className='intent-form__project-title'>{p.title}</Text>
                        <Text className='intent-form__project-mark'>{on ? '✓ 感兴趣' : '感兴趣'}</Text>
                      </View>
                      <Text className='intent-form__project-meta'>
                        {INDUSTRY_LABELS[p.industry]} · 投入 {INVESTMENT_BAND_LABELS[p.investment]} · {p.orgName}
                      </Text>
                      <Text className='intent-form__project-desc'>{p.description}</Text>
                    </View>
                  )
                })}
              </View>
            )}
          </FormField>
        </View>
      ) : null}

      {step === 3 ? (
        <View className='intent-form__section'>
          <Text className='intent-form__section-title'>需要社区帮什么</Text>
          <IntentNeedFields form={form} errors={errors} set={set} />
          <View className={`intent-form__consent${errors.consent || errors.consentVersion ? ' intent-form__consent--error form-field--error' : ''}`} data-testid='field-consent' data-invalid={errors.consent ? 'true' : 'false'}>
            <Text className='intent-form__consent-title'>个人信息告知</Text>
            <Text className='intent-form__consent-text'>{CONSENT_TEXT}</Text>
            <View className='intent-form__consent-tick' role='checkbox' aria-checked={form.consent} onClick={() => set('consent', !form.consent)} data-testid='field-consent-tick'>
              <View className={`intent-form__box${form.consent ? ' intent-form__box--on' : ''}`}>
                <Text>{form.consent ? '✓' : ''}</Text>
              </View>
              <Text>我已阅读并同意（告知书版本 {CONSENT_VERSION}）</Text>
            </View>
            {errors.consent || errors.consentVersion ? <Text className='form-field__error'>{errors.consent ?? errors.consentVersion}</Text> : null}
          </View>
        </View>
      ) : null}

      <View className='intent-form__bar'>
        <View className='intent-form__bar-inner'>
          {step > 0 ? (
            <View className='intent-form__button' data-testid='intent-prev'>
              <AtButton type='secondary' disabled={busy} onClick={() => { setErrors({}); setStep((s) => s - 1); scrollTop() }}>
                上一步
              </AtButton>
            </View>
          ) : null}
          {step < STEPS.length - 1 ? (
            <View className='intent-form__button' data-testid='intent-next'>
              <AtButton type='primary' onClick={next}>
                下一步
              </AtButton>
            </View>
          ) : (
            <View className='intent-form__button' data-testid='intent-submit'>
              <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
                {edit ? '保存修改' : '提交登记'}
              </AtButton>
            </View>
          )}
        </View>
      </View>
    </View>
  )
}

export default withCareMode(IntentFormPage)
