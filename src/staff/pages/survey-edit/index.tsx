import { useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { surveyDraftProblems, surveyDraftSchema, type SurveyDraftInput, type SurveyView } from '@shared/contracts/survey'
import { previousPeriod } from '@shared/domain/period'
import { can } from '@shared/domain/roles'
import {
  periodLabel,
  quarterOf,
  SURVEY_KIND_LABELS,
  SURVEY_KINDS,
  type SurveyDimension,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyTemplateKey,
} from '@shared/domain/survey'
import { SURVEY_TEMPLATE_KEYS } from '@shared/domain/survey'
import { CENSUS_TEMPLATE, surveyTemplate } from '@shared/domain/survey-templates'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { getMe } from '../../../services/profile/profile'
import { getSurvey, publishSurvey, saveSurvey } from '../../../services/survey/survey'
import { clearField } from '../../../utils/field-errors'
import { goBack } from '../../../utils/routes'
import { surveyRoutes } from '../../../utils/survey-routes'
import { DraftBar, DraftErrorBanner, DraftTitleField, DRAFT_SUBMIT, type DraftFormError } from '../../components/draft-form'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** A dimension as typed: the weight stays text until saved, so "0." can be typed. */
type FormDimension = Omit<SurveyDimension, 'weight'> & { weight: string }

interface SurveyForm {
  template: SurveyTemplateKey | null
  title: string
  kind: SurveyKind
  period: string
  opensOn: string
  closesOn: string
  intro: string
  dimensions: FormDimension[]
  questions: SurveyQuestion[]
}

function formFromTemplate(key: SurveyTemplateKey, today: string): SurveyForm {
  const t = surveyTemplate(key)
  const period = quarterOf(today)
  return {
    template: t.key,
    title: `${periodLabel(period)}${t.title}`.slice(0, 40),
    kind: t.kind,
    period,
    opensOn: today,
    closesOn: dayjs(today).add(t.kind === 'event' ? 7 : 30, 'day').format('YYYY-MM-DD'),
    intro: t.intro,
    dimensions: t.dimensions.map((d) => ({ ...d, weight: String(d.weight) })),
    questions: t.questions.map((q) => ({ ...q })),
  }
}

function formOf(s: SurveyView): SurveyForm {
  return {
    // Spot-check questionnaires are published when made, so they never reach this editor.
    template: s.template === 'spotcheck' ? null : s.template,
    title: s.title,
    kind: s.kind === 'spotcheck' ? 'service' : s.kind,
    period: s.period,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    intro: s.intro,
    dimensions: s.dimensions.map((d) => ({ ...d, weight: String(d.weight) })),
    questions: s.questions.map((q) => ({ ...q })),
  }
}

/** Quarters offered: the previous, this and the next two. */
function quarterChoices(today: string): string[] {
  const now = quarterOf(today)
  const next = (p: string) => {
    const [y, q] = p.split('-Q').map(Number)
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`
  }
  return [previousPeriod(now), now, next(now), next(next(now))]
}

function nextQuestionId(questions: readonly SurveyQuestion[]): string {
  const max = questions.reduce((m, q) => Math.max(m, Number(/^q(\d+)$/.exec(q.id)?.[1] ?? 0)), 0)
  return `q${max + 1}`
}

function nextDimensionKey(dimensions: readonly FormDimension[]): string {
  let i = 1
  while (dimensions.some((d) => d.key === `custom${i}`)) i++
  return `custom${i}`
}

/** 编辑问卷: a new survey from a template, or a draft; published surveys are read-only. */
function SurveyEditPageBody() {
  const { id = '', template = '' } = useRouter().params
  const data = useLoad(async () => {
    const me = await getMe()
    const detail = id && me.kind === 'staff' ? await getSurvey(id) : null
    return { me, survey: detail?.survey ?? null }
  }, [id])

  if (data.status === 'error' && !data.data) {
    const gone = isApiError(data.error) && data.error.code === ErrorCodes.notFound
    return gone ? (
      <PageState kind='empty' title='这份问卷不存在' description='可能已被删除' actionText='返回列表' onAction={() => goBack(surveyRoutes.staffList)} />
    ) : (
      <PageState kind='error' title='问卷加载失败' error={data.error} onAction={() => void data.reload()} />
    )
  }
  if (!data.data) return <PageState kind='loading' />
  const staff = data.data.me.kind === 'staff' ? data.data.me.staff : null
  if (!staff) {
    return <StaffRequired />
  }
  const survey = data.data.survey
  const key = (SURVEY_TEMPLATE_KEYS as readonly string[]).includes(template) ? (template as SurveyTemplateKey) : 'environment'
  if (survey && survey.status !== 'draft') {
    return (
      <PageState
        kind='empty'
        title='问卷已发布，题目不能再改'
        description='答卷按题目统计，发布后题目固定。可以查看结果，或新建一份问卷。'
        actionText='查看结果'
        onAction={() => void Taro.redirectTo({ url: surveyRoutes.results(survey._id) })}
        testId='survey-locked'
      />
    )
  }
  if (!can(staff.role, 'survey.write')) {
    return <PageState kind='empty' title='你的角色不能编辑问卷' description='请联系社区或上级创建办工作人员' />
  }
  return <SurveyEditor key={survey ? `${survey._id}@${survey.version}` : `new-${key}`} survey={survey} template={key} onReload={() => void data.reload()} />
}

interface SurveyEditorProps {
  survey: SurveyView | null
  template: SurveyTemplateKey
  onReload: () => void
}

function SurveyEditor({ survey, template, onReload }: SurveyEditorProps) {
  const today = shanghaiDate(new Date())
  const [form, setForm] = useState<SurveyForm>(() => (survey ? formOf(survey) : formFromTemplate(template, today)))
  const [ident, setIdent] = useState<{ id: string; version: number } | null>(() => (survey ? { id: survey._id, version: survey.version } : null))
  const [formError, setFormError] = useState<DraftFormError | null>(null)
  const saving = useFormSubmit<typeof surveyDraftSchema, SurveyView, 'save' | 'publish'>({
    schema: surveyDraftSchema,
    problems: surveyDraftProblems,
    submit: async (value) => {
      const view = await saveSurvey(value)
      // From here on the form edits the stored draft, even if publishing fails.
      setIdent({ id: view._id, version: view.version })
      return view
    },
    publish: async (view) => {
      await publishSurvey(view._id)
      return view
    },
    successToast: (_view, mode) => (mode === 'publish' ? '已发布' : '已保存'),
    then: () => goBack(surveyRoutes.staffList),
    ...DRAFT_SUBMIT,
    onError: (e, { saved }) => {
      if (isApiError(e) && e.fields.length) {
        setFormError({ text: e.message || '有些内容需要修改，请看标红的地方', conflict: false })
      } else if (isApiError(e) && e.code === ErrorCodes.conflict) {
        setFormError({ text: saved ? `已保存为草稿，但发布没有成功：${e.message}` : e.message || '问卷已被他人修改，请刷新后再改', conflict: !saved })
      } else {
        const why = errorMessage(e)
        setFormError({ text: saved ? `已保存为草稿，但发布没有成功：${why}` : why, conflict: false })
      }
    },
  })
  const { errors, setErrors, busy } = saving
  const quarters = quarterChoices(today).includes(form.period) ? quarterChoices(today) : [form.period, ...quarterChoices(today)]

  const set = <K extends keyof SurveyForm>(key: K, value: SurveyForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => clearField(e, key))
  }
  const setQuestion = (i: number, patch: Partial<SurveyQuestion>) => {
    setForm((f) => ({ ...f, questions: f.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) }))
    setErrors((e) => clearField(clearField(e, `questions.${i}`), 'questions'))
  }
  const setDimension = (i: number, patch: Partial<FormDimension>) => {
    setForm((f) => ({ ...f, dimensions: f.dimensions.map((d, j) => (j === i ? { ...d, ...patch } : d)) }))
    setErrors((e) => clearField(clearField(e, `dimensions.${i}`), 'dimensions'))
  }
  const removeDimension = (i: number) => {
    setForm((f) => {
      const key = f.dimensions[i].key
      const rest = f.dimensions.filter((_, j) => j !== i)
      // Its questions move to the first remaining dimension rather than dangling.
      const fallback = rest[0]?.key ?? ''
      return { ...f, dimensions: rest, questions: f.questions.map((q) => (q.dimension === key ? { ...q, dimension: fallback } : q)) }
    })
    setErrors({})
  }

  const draft = (): SurveyDraftInput => ({
    ...(ident ? { id: ident.id, version: ident.version } : {}),
    template: form.template,
    title: form.title,
    kind: form.kind,
    period: form.period,
    opensOn: form.opensOn,
    closesOn: form.closesOn,
    intro: form.intro,
    dimensions: form.dimensions.map((d) => ({ ...d, weight: d.weight.trim() === '' ? Number.NaN : Number(d.weight) })),
    questions: form.questions,
  })

  const submit = (andPublish: boolean) => {
    if (busy) return
    setFormError(null)
    return saving.run(draft(), andPublish ? 'publish' : 'save')
  }

  const weightTotal = form.dimensions.reduce((s, d) => s + (Number(d.weight) || 0), 0)

  return (
    <View className='survey-edit' data-testid='survey-editor'>
      <View className='survey-edit__status'>
        <Text className='survey-edit__status-text'>{ident ? '当前状态：草稿（发布后居民才能填写，题目不能再改）' : '保存后为草稿，发布后居民才能填写'}</Text>
      </View>
      <DraftErrorBanner block='survey-edit' error={formError} onReload={onReload} />

      <View className='survey-edit__section'>
        <Text className='survey-edit__section-title'>基本信息</Text>
        <DraftTitleField label='问卷标题' value={form.title} max={40} placeholder='例如：2026 年第四季度创业环境满意度调查' error={errors.title} onInput={(v) => set('title', v)} />
        <FormField label='问卷类型' required error={errors.kind} testId='field-kind'>
          <View className='survey-edit__chips'>
            {/* A census stays a census: its questions are the city's fixed ones, which another kind would not have. */}
            {(form.kind === 'census' ? (['census'] as const) : SURVEY_KINDS).map((k) => (
              <Chip key={k} label={SURVEY_KIND_LABELS[k]} active={form.kind === k} onClick={() => set('kind', k)} testId={`kind-${k}`} />
            ))}
          </View>
        </FormField>
        <FormField label='统计季度' required error={errors.period} hint='结果按季度和上一季度比较' testId='field-period'>
          <View className='survey-edit__chips'>
            {quarters.map((p) => (
              <Chip key={p} label={periodLabel(p)} active={form.period === p} onClick={() => set('period', p)} testId={`period-${p}`} />
            ))}
          </View>
        </FormField>
        <View className='survey-edit__dates'>
          <FormField label='开始日期' required error={errors.opensOn} testId='field-opensOn'>
            <DateInput value={form.opensOn} onChange={(v) => set('opensOn', v)} label='开始日期' />
          </FormField>
          <FormField label='结束日期' required error={errors.closesOn} testId='field-closesOn'>
            <DateInput value={form.closesOn} onChange={(v) => set('closesOn', v)} label='结束日期' testId='survey-closes-on' />
          </FormField>
        </View>
        <FormField label='开头说明' error={errors.intro} hint='居民开始答题前看到的话，说明用途和大约用时' testId='field-intro'>
          <FieldTextarea value={form.intro} onInput={(v) => set('intro', v)} maxlength={200} placeholder='选填，最多 200 字' />
        </FormField>
      </View>

      {form.kind === 'census' ? (
        <View className='survey-edit__section' data-testid='census-fixed'>
          <Text className='survey-edit__section-title'>题目（{CENSUS_TEMPLATE.questions.length}，全市统一，不能修改）</Text>
          <Text className='survey-edit__section-note'>
            市民创业状况调查各社区用同一套题目，答案才能汇总成全市数字；分创业状况、创业意愿、困难、需求四部分，按选项统计人数和占比，不计满意度。可以修改标题、日期和开头说明。
          </Text>
          {CENSUS_TEMPLATE.questions.map((q, i) => (
            <View className='survey-edit__q survey-edit__q--fixed' key={q.id} data-testid={`census-question-${i}`}>
              <View className='survey-edit__q-head'>
                <Text className='survey-edit__q-no'>
                  第 {i + 1} 题 · {CENSUS_TEMPLATE.dimensions.find((d) => d.key === q.dimension)?.label ?? q.dimension}
                </Text>
              </View>
              <Text className='survey-edit__q-fixed-text'>{q.text}</Text>
              <View className='survey-edit__chips survey-edit__chips--small'>
                {(q.options ?? []).map((o) => (
                  <Chip key={o} small label={o} />
                ))}
              </View>
            </View>
          ))}
        </View>
      ) : (
        <>
          <View className='survey-edit__section'>
            <Text className='survey-edit__section-title'>维度和权重</Text>
            <Text className='survey-edit__section-note'>综合满意度 = 各维度得分按权重加权平均。默认各维度权重相同。</Text>
            {errors.dimensions ? <Text className='survey-edit__group-error'>{errors.dimensions}</Text> : null}
            {form.dimensions.map((d, i) => {
              const err = errors[`dimensions.${i}.label`] ?? errors[`dimensions.${i}.weight`] ?? errors[`dimensions.${i}.key`] ?? errors[`dimensions.${i}`]
              return (
                <View className={`survey-edit__dim${err ? ' form-field--error' : ''}`} key={d.key} data-testid={`dimension-${i}`}>
                  <View className='survey-edit__dim-row'>
                    <Input
                      className='form-field__input survey-edit__dim-label'
                      value={d.label}
                      maxlength={12}
                      placeholder='维度名称'
                      onInput={(e) => setDimension(i, { label: e.detail.value })}
                    />
                    <Text className='survey-edit__dim-x'>权重</Text>
                    <Input
                      className='form-field__input survey-edit__dim-weight'
                      type='digit'
                      value={d.weight}
                      onInput={(e) => setDimension(i, { weight: e.detail.value })}
                      nativeProps={{ 'data-testid': `dimension-${i}-weight` }}
                    />
                    <Text className='survey-edit__dim-share'>{weightTotal > 0 ? `${Math.round(((Number(d.weight) || 0) / weightTotal) * 100)}%` : '—'}</Text>
                    {form.dimensions.length > 1 ? (
                      <Text className='survey-edit__remove' onClick={() => removeDimension(i)}>
                        删除
                      </Text>
                    ) : null}
                  </View>
                  {err ? <Text className='form-field__error'>{err}</Text> : null}
                </View>
              )
            })}
            {form.dimensions.length < 12 ? (
              <View
                className='survey-edit__add'
                onClick={() => setForm((f) => ({ ...f, dimensions: [...f.dimensions, { key: nextDimensionKey(f.dimensions), label: '', weight: '1' }] }))}
              >
                <Text>＋ 添加维度</Text>
              </View>
            ) : null}
          </View>

          <View className='survey-edit__section'>
            <Text className='survey-edit__section-title'>题目（{form.questions.length}）</Text>
            <Text className='survey-edit__section-note'>每道题按“非常满意 / 满意 / 一般 / 不满意 / 非常不满意”作答。</Text>
            {errors.questions ? <Text className='survey-edit__group-error'>{errors.questions}</Text> : null}
            {form.questions.map((q, i) => {
              const err = errors[`questions.${i}.text`] ?? errors[`questions.${i}.dimension`] ?? errors[`questions.${i}.id`] ?? errors[`questions.${i}`]
              return (
                <View className={`survey-edit__q${err ? ' form-field--error' : ''}`} key={q.id} data-testid={`question-${i}`}>
                  <View className='survey-edit__q-head'>
                    <Text className='survey-edit__q-no'>第 {i + 1} 题</Text>
                    {form.questions.length > 1 ? (
                      <Text
                        className='survey-edit__remove'
                        onClick={() => {
                          setForm((f) => ({ ...f, questions: f.questions.filter((_, j) => j !== i) }))
                          setErrors({})
                        }}
                      >
                        删除
                      </Text>
                    ) : null}
                  </View>
                  <FieldTextarea value={q.text} onInput={(v) => setQuestion(i, { text: v })} maxlength={80} placeholder='例如：你对办理营业执照的便利程度满意吗？' testId={`question-${i}-text`} className='survey-edit__q-text' />
                  <View className='survey-edit__chips survey-edit__chips--small'>
                    {form.dimensions.map((d) => (
                      <Chip key={d.key} small label={d.label || '未命名'} active={q.dimension === d.key} onClick={() => setQuestion(i, { dimension: d.key })} />
                    ))}
                  </View>
                  <View className='survey-edit__switch'>
                    <Text className='survey-edit__switch-label'>可以填写意见（选填）</Text>
                    <Switch checked={q.allowComment} color='#2861d8' onChange={(e) => setQuestion(i, { allowComment: e.detail.value })} />
                  </View>
                  {err ? <Text className='form-field__error'>{err}</Text> : null}
                </View>
              )
            })}
            {form.questions.length < 30 ? (
              <View
                className='survey-edit__add'
                data-testid='add-question'
                onClick={() =>
                  setForm((f) => ({
                    ...f,
                    questions: [...f.questions, { id: nextQuestionId(f.questions), text: '', dimension: f.dimensions[0]?.key ?? '', allowComment: false }],
                  }))
                }
              >
                <Text>＋ 添加题目</Text>
              </View>
            ) : null}
          </View>

        </>
      )}

      <DraftBar block='survey-edit' busy={busy} publish onSubmit={(andPublish) => void submit(andPublish)} />
    </View>
  )
}

export default function SurveyEditPage() {
  return (
    <StaffLayout page='surveyEdit'>
      <SurveyEditPageBody />
    </StaffLayout>
  )
}
