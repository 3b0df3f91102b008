import { useState } from 'react'
import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { courseSaveInput, type CourseListItem, type CourseView } from '@shared/contracts/training'
import { COURSE_KIND_LABELS, COURSE_KINDS, type CourseKind } from '@shared/domain/training'
import { dayText, shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { getCourse, listCourses, saveCourse } from '../../../services/event/training'
import { fromLocalParts, toLocalParts } from '../../../utils/event-routes'
import { rowErrors } from '../../../utils/field-errors'
import { routes } from '../../../utils/routes'
import { PolicyLinks } from './policy-links'
import FormActions from '../../components/form-actions'
import { useFormSave } from '../../../hooks/use-form-save'
import { ResourceSection } from './section'

const checkinUrl = routes.courseCheckin

/** 培训课程: courses with their sessions, and the check-in screen of each session. */
export function CoursesSection() {
  return (
    <ResourceSection<CourseListItem>
      kind='course'
      intro='新课程保存后即发布，居民可以报名；上课时打开每节课的签到屏让学员扫码。'
      addText='添加课程'
      emptyTitle='还没有培训课程'
      emptyText='添加 SYB、IYB 或技能培训课程'
      fetchPage={(after) => listCourses('manage', after)}
      renderRow={(c) => (
        <View>
          <View className='resources__card-head'>
            <Text className='resources__name'>{c.title}</Text>
            <View className='resources__chips'>
              <Chip small label={COURSE_KIND_LABELS[c.kind]} />
              {c.subsidyAmount > 0 ? <Chip small tone='success' label={`补贴 ${c.subsidyAmount} 元`} /> : null}
            </View>
          </View>
          <Text className='resources__meta'>
            {dayText(c.firstAt)} 开课 · {c.place} · {c.provider}
          </Text>
          <Text className='resources__meta'>
            已报名 {c.enrolledCount}/{c.capacity} · 结业 {c.completedCount} 人 · 出勤 {c.requiredSessions}/{c.sessionCount} 节可结业
          </Text>
          <View className='resources__sessions'>
            {Array.from({ length: c.sessionCount }, (_, i) => (
              <View key={i} role='button' aria-label={`第 ${i + 1} 节签到屏`} className='resources__session' onClick={() => void Taro.navigateTo({ url: checkinUrl(c._id, i) })} data-testid='course-session-checkin'>
                第 {i + 1} 节签到
              </View>
            ))}
          </View>
        </View>
      )}
      renderForm={(c, done) => (c ? <StoredCourseForm id={c._id} onDone={done} /> : <CourseForm course={null} onDone={done} />)}
    />
  )
}

/** The list rows are summaries: an edit starts from the stored course and its version. */
function StoredCourseForm({ id, onDone }: { id: string; onDone: (saved: boolean) => void }) {
  const course = useLoad(() => getCourse(id), [id])
  if (course.status === 'error') return <PageState kind='error' compact title='课程加载失败' error={course.error} onAction={() => void course.reload()} />
  if (!course.data) return <PageState kind='loading' compact />
  return <CourseForm course={course.data} onDone={onDone} />
}

interface SessionRow {
  title: string
  date: string
  start: string
  end: string
}

function rowOf(s: { title: string; startAt: string; endAt: string }): SessionRow {
  const a = toLocalParts(s.startAt)
  return { title: s.title, date: a.date, start: a.time, end: toLocalParts(s.endAt).time }
}

function CourseForm({ course, onDone }: { course: CourseView | null; onDone: (saved: boolean) => void }) {
  const today = shanghaiDate(new Date())
  const [title, setTitle] = useState(course?.title ?? '')
  const [kind, setKind] = useState<CourseKind | null>(course?.kind ?? null)
  const [description, setDescription] = useState(course?.description ?? '')
  const [place, setPlace] = useState(course?.place ?? '')
  const [provider, setProvider] = useState(course?.provider ?? '')
  const [sessions, setSessions] = useState<SessionRow[]>(course?.sessions.map(rowOf) ?? [{ title: '第一课', date: today, start: '09:00', end: '12:00' }])
  const [capacity, setCapacity] = useState(String(course?.capacity ?? 30))
  const [required, setRequired] = useState(String(course?.requiredSessions ?? 1))
  const [subsidised, setSubsidised] = useState((course?.subsidyAmount ?? 0) > 0)
  const [subsidy, setSubsidy] = useState(String(course?.subsidyAmount || ''))
  const [policyId, setPolicyId] = useState<string | null>(course?.policyId ?? null)
  const [enrolUntil, setEnrolUntil] = useState(course ? toLocalParts(course.enrolUntil).date : today)
  const form = useFormSave('课程', courseSaveInput, saveCourse, onDone)
  const setSession = (i: number, key: keyof SessionRow, value: string) => form.edit('sessions', setSessions)(sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s)))
  const submit = () => {
    const input = {
      ...(course ? { id: course._id, version: course.version } : {}),
      title,
      kind: kind ?? undefined,
      description,
      place,
      provider,
      sessions: sessions.map((s) => ({ title: s.title, startAt: fromLocalParts(s.date, s.start), endAt: fromLocalParts(s.date, s.end) })),
      capacity: Number(capacity),
      requiredSessions: Number(required),
      subsidyAmount: subsidised ? Number(subsidy) : 0,
      policyId: subsidised ? policyId : null,
      enrolUntil: fromLocalParts(enrolUntil, '23:59'),
    }
    form.submit(input)
  }
  const e = form.errors
  const sessionErrors = rowErrors(e, 'sessions')
  return (
    <View>
      <FormField label='课程名称' required error={e.title}>
        <Input className='form-field__input' value={title} maxlength={40} onInput={(ev) => form.edit('title', setTitle)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-title-input' }} />
      </FormField>
      <FormField label='课程类型' required error={e.kind}>
        <ChoiceChips options={COURSE_KINDS} labels={COURSE_KIND_LABELS} value={kind} onChange={(v) => form.edit('kind', setKind)(v as CourseKind)} testIdPrefix='course-kind' />
      </FormField>
      <FormField label='课程介绍' required error={e.description}>
        <View className='form-field__textarea'>
          <Textarea className='form-field__textarea-input' value={description} maxlength={1000} placeholder='10–1000 个字' placeholderClass='form-field__placeholder' onInput={(ev) => form.edit('description', setDescription)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-description-input' }} />
        </View>
      </FormField>
      <FormField label='上课地点' required error={e.place}>
        <Input className='form-field__input' value={place} maxlength={60} onInput={(ev) => form.edit('place', setPlace)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-place-input' }} />
      </FormField>
      <FormField label='培训机构' required error={e.provider}>
        <Input className='form-field__input' value={provider} maxlength={40} onInput={(ev) => form.edit('provider', setProvider)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-provider-input' }} />
      </FormField>
      <FormField label='课节' required error={e.sessions}>
        {sessions.map((s, i) => (
          <View key={i} className='resources__step'>
            <Text className='resources__step-no'>{i + 1}</Text>
            <View className='resources__step-body'>
              <Input className='form-field__input' value={s.title} maxlength={30} placeholder='课节名称' onInput={(ev) => setSession(i, 'title', ev.detail.value)} nativeProps={{ 'aria-label': `第 ${i + 1} 节名称` }} />
              <View className='resources__times'>
                <DateInput value={s.date} onChange={(v) => setSession(i, 'date', v)} label={`第 ${i + 1} 节日期`} />
                <DateInput mode='time' value={s.start} onChange={(v) => setSession(i, 'start', v)} label={`第 ${i + 1} 节开始时间`} />
                <DateInput mode='time' value={s.end} onChange={(v) => setSession(i, 'end', v)} label={`第 ${i + 1} 节结束时间`} />
              </View>
              {sessionErrors[i] ? <Text className='form-field__error'>{sessionErrors[i]}</Text> : null}
            </View>
            {sessions.length > 1 ? (
              <View role='button' aria-label={`删除第 ${i + 1} 节`} className='resources__link resources__link--muted' onClick={() => setSessions((all) => all.filter((_, j) => j !== i))}>
                删除
              </View>
            ) : null}
          </View>
        ))}
        {sessions.length < 30 ? (
          <View role='button' className='resources__link' onClick={() => setSessions((all) => [...all, { ...all[all.length - 1], title: `第 ${all.length + 1} 课` }])} data-testid='course-session-add'>
            ＋ 添加课节
          </View>
        ) : null}
      </FormField>
      <FormField label='名额' required error={e.capacity}>
        <Input className='form-field__input' type='number' value={capacity} onInput={(ev) => form.edit('capacity', setCapacity)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-capacity-input' }} />
      </FormField>
      <FormField label='结业要求（出勤节数）' required error={e.requiredSessions}>
        <Input className='form-field__input' type='number' value={required} onInput={(ev) => form.edit('requiredSessions', setRequired)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-required-input' }} />
      </FormField>
      <FormField label='报名截止日期' required error={e.enrolUntil}>
        <DateInput value={enrolUntil} onChange={form.edit('enrolUntil', setEnrolUntil)} />
      </FormField>
      <FormField label='培训补贴' extra={<Switch checked={subsidised} color='#2861d8' onChange={(ev) => setSubsidised(ev.detail.value)} nativeProps={{ 'data-testid': 'course-subsidised', 'aria-label': '培训补贴' }} />} error={e.subsidyAmount}>
        {subsidised ? (
          <Input className='form-field__input' type='number' value={subsidy} placeholder='每位结业学员补贴多少元' onInput={(ev) => form.edit('subsidyAmount', setSubsidy)(ev.detail.value)} nativeProps={{ 'data-testid': 'course-subsidy-input' }} />
        ) : (
          <Text className='resources__meta'>不享受补贴</Text>
        )}
      </FormField>
      {subsidised ? (
        <FormField label='补贴政策' error={e.policyId} hint='结业时补贴记在这条政策下'>
          <PolicyLinks value={policyId ? [policyId] : []} onChange={(ids) => setPolicyId(ids.filter((x) => x !== policyId)[0] ?? null)} testIdPrefix='course-policy' />
        </FormField>
      ) : null}
      <FormActions saveTestId='course-save' busy={form.busy} onCancel={() => onDone(false)} onSave={submit} />
    </View>
  )
}
