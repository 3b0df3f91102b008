import { useEffect, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { eventDraftSchema, type EventDraftInput, type EventView } from '@shared/contracts/event'
import type { PolicyListItem } from '@shared/contracts/policy'
import type { SurveyListItem } from '@shared/contracts/survey'
import { can } from '@shared/domain/roles'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, isApiError } from '../../../services/core/cloud'
import { cancelEvent, eventErrorMessage, getEvent, saveEvent } from '../../../services/event/event'
import { listPolicies } from '../../../services/policy/policy'
import { listSurveys } from '../../../services/survey/survey'
import { getMe } from '../../../services/profile/profile'
import { eventRoutes, fromLocalParts, toLocalParts } from '../../../utils/event-routes'
import { clearField } from '../../../utils/field-errors'
import { goBack } from '../../../utils/routes'
import { confirm, toastSuccess } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import { DraftTitleField } from '../../components/draft-form'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

interface Moment {
  date: string
  time: string
}

interface EventForm {
  title: string
  description: string
  place: string
  start: Moment
  end: Moment
  signupFrom: Moment
  signupUntil: Moment
  capacity: string
  walkIn: boolean
  surveyId: string
  policyIds: string[]
}

const DAY = 86_400_000

function newForm(now: Date): EventForm {
  const tomorrow = toLocalParts(new Date(now.getTime() + DAY).toISOString()).date
  const today = toLocalParts(now.toISOString())
  return {
    title: '',
    description: '',
    place: '',
    start: { date: tomorrow, time: '14:30' },
    end: { date: tomorrow, time: '16:30' },
    signupFrom: { date: today.date, time: today.time },
    signupUntil: { date: tomorrow, time: '14:30' },
    capacity: '50',
    walkIn: true,
    surveyId: '',
    policyIds: [],
  }
}

function formOf(e: EventView): EventForm {
  return {
    title: e.title,
    description: e.description,
    place: e.place,
    start: toLocalParts(e.startAt),
    end: toLocalParts(e.endAt),
    signupFrom: toLocalParts(e.signupFrom),
    signupUntil: toLocalParts(e.signupUntil),
    capacity: String(e.capacity),
    walkIn: e.walkIn,
    surveyId: e.surveyId ?? '',
    policyIds: [...e.policyIds],
  }
}

function draftOf(f: EventForm, e: EventView | null): EventDraftInput {
  return {
    ...(e ? { id: e._id, version: e.version } : {}),
    title: f.title,
    description: f.description,
    place: f.place,
    startAt: fromLocalParts(f.start.date, f.start.time),
    endAt: fromLocalParts(f.end.date, f.end.time),
    signupFrom: fromLocalParts(f.signupFrom.date, f.signupFrom.time),
    signupUntil: fromLocalParts(f.signupUntil.date, f.signupUntil.time),
    capacity: f.capacity.trim() === '' ? Number.NaN : Number(f.capacity),
    walkIn: f.walkIn,
    surveyId: f.surveyId.trim() || null,
    policyIds: f.policyIds,
  }
}

/** 新建 / 编辑活动 (and cancelling one). */
function EventEditPageBody() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(async () => {
    const me = await getMe()
    if (me.kind !== 'staff') return { me, event: null, policies: [] as PolicyListItem[], surveys: [] as SurveyListItem[] }
    const [event, policies, surveys] = await Promise.all([
      id ? getEvent(id) : Promise.resolve(null),
      listPolicies({ view: 'resident', limit: 50 }),
      // The surveys an event can send its attendees to: drafts and open ones, not closed ones.
      listSurveys({ limit: 50 }),
    ])
    return { me, event, policies: policies.items, surveys: surveys.items.filter((s) => s.status !== 'closed') }
  }, [id])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '新建活动' })
  }, [id])

  if (data.status === 'error' && !data.data) {
    const missing = isApiError(data.error) && data.error.code === ErrorCodes.notFound
    return missing ? (
      <PageState kind='empty' title='这场活动不存在' actionText='返回活动列表' onAction={() => goBack(eventRoutes.staffEvents)} />
    ) : (
      <PageState kind='error' title='活动加载失败' error={data.error} description={eventErrorMessage(data.error)} onAction={() => void data.reload()} />
    )
  }
  if (!data.data) return <PageState kind='loading' />
  const staff = data.data.me.kind === 'staff' ? data.data.me.staff : null
  if (!staff) {
    return <StaffRequired />
  }
  const event = data.data.event
  const editable = event ? event.editable && event.status !== 'cancelled' : can(staff.role, 'event.write')
  return <EventEditor key={event ? `${event._id}@${event.version}` : 'new'} event={event} policies={data.data.policies} surveys={data.data.surveys} editable={editable} onReload={() => void data.reload()} />
}

interface EventEditorProps {
  event: EventView | null
  policies: PolicyListItem[]
  /** Surveys to link (picked from a list: nobody has to copy an id). */
  surveys: SurveyListItem[]
  editable: boolean
  onReload: () => void
}

function EventEditor({ event, policies, surveys, editable, onReload }: EventEditorProps) {
  const [form, setForm] = useState<EventForm>(() => (event ? formOf(event) : newForm(new Date())))
  const [banner, setBanner] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const saving = useFormSubmit({
    schema: eventDraftSchema,
    // The draft as the form holds it; the server checks it with the same schema.
    submit: () => saveEvent(draftOf(form, event)),
    successToast: event ? '已保存' : '已发布',
    then: () => goBack(eventRoutes.staffEvents),
    delayMs: 700,
    invalidToast: (fields) => `还有 ${fields.length} 处需要修改`,
    onError: (e) => setBanner(isApiError(e) && e.code === ErrorCodes.conflict ? e.message : eventErrorMessage(e)),
  })
  const { errors, setErrors } = saving
  const busy: 'save' | 'cancel' | null = saving.busy ?? (cancelling ? 'cancel' : null)
  const [reason, setReason] = useState('')

  const set = <K extends keyof EventForm>(key: K, value: EventForm[K], path: string = key) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => clearField(e, path))
  }
  const moment = (key: 'start' | 'end' | 'signupFrom' | 'signupUntil', path: string, label: string) => (
    <FormField label={label} required error={errors[path]} testId={`field-${path}`}>
      <View className='event-edit__moment'>
        <DateInput value={form[key].date} onChange={(v) => set(key, { ...form[key], date: v }, path)} label={`${label}日期`} />
        <DateInput mode='time' value={form[key].time} onChange={(v) => set(key, { ...form[key], time: v }, path)} label={`${label}时间`} />
      </View>
    </FormField>
  )

  const submit = async () => {
    if (busy) return
    setBanner(null)
    await saving.run(draftOf(form, event))
  }

  const cancel = async () => {
    if (!event || busy) return
    if (reason.trim().length < 2) {
      setErrors((e) => ({ ...e, reason: '请写明取消原因，居民会在消息里看到' }))
      return
    }
    if (!(await confirm('取消活动', `已报名和候补的 ${event.counts.confirmed + event.counts.waitlisted} 位居民会收到通知，取消后不能恢复。`, '确认取消'))) return
    setCancelling(true)
    try {
      const out = await cancelEvent(event._id, reason.trim())
      toastSuccess(`已取消，通知了 ${out.notified} 人`)
      setTimeout(() => goBack(eventRoutes.staffEvents), 900)
    } catch (e) {
      setBanner(isApiError(e) ? e.message || eventErrorMessage(e) : eventErrorMessage(e))
      onReload()
    } finally {
      setCancelling(false)
    }
  }

  const togglePolicy = (pid: string) =>
    set('policyIds', form.policyIds.includes(pid) ? form.policyIds.filter((x) => x !== pid) : [...form.policyIds, pid].slice(0, 10))

  return (
    <View className='event-edit'>
      {!editable ? (
        <View className='event-edit__banner'>
          <NoticeBanner tone='warning' text={event?.status === 'cancelled' ? '活动已取消，不能再修改' : '你没有权限修改这场活动，只能查看'} />
        </View>
      ) : null}
      {banner ? (
        <View className='event-edit__banner' data-testid='form-error'>
          <NoticeBanner tone='danger' text={banner} />
        </View>
      ) : null}

      <View className='event-edit__section'>
        <Text className='event-edit__section-title'>活动信息</Text>
        <DraftTitleField label='活动名称' value={form.title} max={40} placeholder='例如：返乡青年创业沙龙' error={errors.title} onInput={(v) => set('title', v)} />
        <FormField label='活动介绍' required error={errors.description} hint='讲什么、适合谁、带什么材料' testId='field-description'>
          <FieldTextarea value={form.description} onInput={(v) => set('description', v)} maxlength={1000} placeholder='10–1000 个字' testId='field-description-input' />
        </FormField>
        <FormField label='活动地点' required error={errors.place} testId='field-place'>
          <Input className='form-field__input' value={form.place} maxlength={80} placeholder='例如：社区党群服务中心二楼' onInput={(e) => set('place', e.detail.value)} nativeProps={{ 'data-testid': 'field-place-input' }} />
        </FormField>
        {moment('start', 'startAt', '开始时间')}
        {moment('end', 'endAt', '结束时间')}
      </View>

      <View className='event-edit__section'>
        <Text className='event-edit__section-title'>报名</Text>
        <FormField label='人数上限' required error={errors.capacity} hint='报满后居民可以候补，有人取消时按顺序递补' testId='field-capacity'>
          <Input className='form-field__input' type='number' value={form.capacity} maxlength={4} onInput={(e) => set('capacity', e.detail.value)} nativeProps={{ 'data-testid': 'field-capacity-input' }} />
        </FormField>
        {moment('signupFrom', 'signupFrom', '报名开始')}
        {moment('signupUntil', 'signupUntil', '报名截止')}
        <FormField
          label='允许现场报名'
          error={errors.walkIn}
          hint='允许时，没报名的居民在现场扫签到码也能报名并签到'
          extra={<Switch checked={form.walkIn} color='#2861d8' onChange={(e) => set('walkIn', e.detail.value)} nativeProps={{ 'data-testid': 'field-walkIn' }} />}
          testId='field-walkIn'
        >
          <View />
        </FormField>
      </View>

      <View className='event-edit__section'>
        <Text className='event-edit__section-title'>签到后推荐</Text>
        <FormField label='满意度问卷' error={errors.surveyId} hint='签到后请居民填写；不选则不推荐问卷' testId='field-surveyId'>
          <View className='event-edit__chips' data-testid='survey-picker'>
            <Chip label='不关联问卷' active={!form.surveyId} onClick={() => set('surveyId', '')} testId='survey-none' />
            {surveys.map((s) => (
              <Chip key={s._id} label={s.status === 'draft' ? `${s.title}（草稿）` : s.title} active={form.surveyId === s._id} onClick={() => set('surveyId', s._id)} testId={`survey-${s._id}`} />
            ))}
            {form.surveyId && !surveys.some((s) => s._id === form.surveyId) ? <Chip label='已关联的问卷（已结束）' active onClick={() => undefined} testId='survey-current' /> : null}
          </View>
        </FormField>
        <FormField label='活动讲解的政策' error={errors.policyIds ?? Object.entries(errors).find(([k]) => k.startsWith('policyIds.'))?.[1]} hint='最多 10 条，居民在活动页可以直接打开' testId='field-policyIds'>
          {policies.length ? (
            <View className='event-edit__chips'>
              {policies.map((p) => (
                <Chip key={p._id} label={p.title} active={form.policyIds.includes(p._id)} checkable onClick={() => togglePolicy(p._id)} testId={`policy-${p._id}`} />
              ))}
            </View>
          ) : (
            <Text className='event-edit__muted'>暂无可关联的已发布政策</Text>
          )}
        </FormField>
      </View>

      {event && editable ? (
        <View className='event-edit__section event-edit__section--danger'>
          <Text className='event-edit__section-title'>取消活动</Text>
          <FormField label='取消原因' error={errors.reason} hint='已报名和候补的居民会在“消息”里收到通知' testId='field-reason'>
            <Input className='form-field__input' value={reason} maxlength={100} placeholder='例如：场地临时维修，改期另行通知' onInput={(e) => { setReason(e.detail.value); setErrors((x) => clearField(x, 'reason')) }} nativeProps={{ 'data-testid': 'field-reason-input' }} />
          </FormField>
          <View className='event-edit__cancel' data-testid='cancel-event-button'>
            <AtButton type='secondary' size='small' loading={busy === 'cancel'} disabled={busy !== null} onClick={() => void cancel()}>
              取消这场活动
            </AtButton>
          </View>
        </View>
      ) : null}

      <View className='event-edit__bar'>
        <View className='event-edit__bar-inner' data-testid='save-button'>
          <AtButton type='primary' loading={busy === 'save'} disabled={!editable || busy !== null} onClick={() => void submit()}>
            {event ? '保存修改' : '发布活动'}
          </AtButton>
        </View>
      </View>
    </View>
  )
}

export default function EventEditPage() {
  return (
    <StaffLayout page='eventEdit'>
      <EventEditPageBody />
    </StaffLayout>
  )
}
