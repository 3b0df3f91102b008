import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import { type CourseCheckinOutput, type CourseView, enrolInput } from '@shared/contracts/training'
import { check } from '@shared/contracts/common'
import { COURSE_KIND_LABELS, courseIdOf, parseCourseScene } from '@shared/domain/training'
import HotlineCard from '../../../components/hotline-card'
import PageState from '../../../components/page-state'
import { enrolCourse, getCourse, scanCourseCode, trainingErrorMessage } from '../../../services/event/training'
import { eventTimeLabel } from '../../../utils/event-routes'
import { toastSuccess } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

type Scan = { ok: true; result: CourseCheckinOutput } | { ok: false; message: string }

/**
 * 培训课程: what the course teaches, its sessions and my attendance; enrol here, and scan the
 * code on the screen at each session to check in (the scanned code opens this page with it).
 */
function CoursePage() {
  const params = useRouter().params
  const scene = params.scene ? decodeURIComponent(params.scene) : ''
  const id = params.id ?? (parseCourseScene(scene) ? courseIdOf(parseCourseScene(scene)?.code ?? '') : '')
  const [course, setCourse] = useState<CourseView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scan, setScan] = useState<Scan | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const load = async () => {
      if (scene) {
        try {
          const result = await scanCourseCode(scene)
          setScan({ ok: true, result })
          setCourse(result.course)
          return
        } catch (e) {
          setScan({ ok: false, message: trainingErrorMessage(e) })
        }
      }
      if (!id) return setError('没有找到这个课程')
      getCourse(id)
        .then(setCourse)
        .catch((e) => setError(trainingErrorMessage(e)))
    }
    void load()
  }, [id, scene])

  const enrol = async () => {
    if (!course) return
    const checked = check(enrolInput, { courseId: course._id, name, phone })
    if (!checked.ok) return setErrors(Object.fromEntries(checked.fields.map((f) => [f.path, f.message])))
    setErrors({})
    setBusy(true)
    try {
      setCourse(await enrolCourse(checked.value))
      toastSuccess('报名成功')
    } catch (e) {
      void Taro.showModal({ title: '没能报名', content: trainingErrorMessage(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  if (error) return <PageState kind='error' title='课程打不开' description={error} />
  if (!course) return <PageState kind='loading' />
  const mine = course.mine
  const attended = new Set(mine?.attended ?? [])
  const left = course.capacity - course.enrolledCount

  return (
    <View className='course' data-testid='course-page'>
      {scan ? (
        scan.ok ? (
          <View className={`course__banner${scan.result.completed ? ' course__banner--done' : ''}`} data-testid='course-checkin-success'>
            <AtIcon value='check-circle' size='22' color='#fff' />
            <Text className='course__banner-text'>
              {scan.result.completed ? `签到成功，恭喜结业！${scan.result.session.title}` : `签到成功：${scan.result.session.title}`}
            </Text>
          </View>
        ) : (
          <View className='course__banner course__banner--error' data-testid='course-checkin-refused'>
            <AtIcon value='alert-circle' size='22' color='#fff' />
            <Text className='course__banner-text'>{scan.message}</Text>
          </View>
        )
      ) : null}
      <View className='course__header'>
        <View className='course__tags'>
          <Text className='course__tag'>{COURSE_KIND_LABELS[course.kind]}</Text>
          {course.subsidyAmount > 0 ? <Text className='course__tag course__tag--good'>结业可领补贴 {course.subsidyAmount} 元</Text> : <Text className='course__tag'>免费</Text>}
          {course.matches ? <Text className='course__tag course__tag--warn'>适合你的创业需求</Text> : null}
        </View>
        <Text className='course__title'>{course.title}</Text>
        <Text className='course__subtitle'>
          {course.provider} · {course.place}
        </Text>
      </View>

      {mine?.status === 'completed' ? (
        <View className='course__card course__certificate' data-testid='course-certificate'>
          <Text className='course__cert-label'>结业证书</Text>
          <Text className='course__cert-no'>{mine.certificateNo}</Text>
          <Text className='course__line'>{mine.caseTrained ? '已记入你的创业档案：阶段更新为“已培训”。' : '登记创业意向后，培训情况会记入你的创业档案。'}</Text>
          {mine.subsidyRecorded ? <Text className='course__line'>培训补贴 {course.subsidyAmount} 元已登记，社区会按规定发放。</Text> : null}
        </View>
      ) : null}

      <View className='course__card'>
        <Text className='course__card-title'>课程安排</Text>
        <Text className='course__line'>
          共 {course.sessions.length} 节，出勤满 {course.requiredSessions} 节即可结业
          {mine ? `，你已出勤 ${attended.size} 节` : ''}
        </Text>
        {course.sessions.map((s) => (
          <View key={s.index} className='course__session' data-testid='course-session' data-attended={attended.has(s.index) ? 'true' : 'false'}>
            <View className={`course__dot${attended.has(s.index) ? ' course__dot--on' : ''}`}>{attended.has(s.index) ? <AtIcon value='check' size='12' color='#fff' /> : null}</View>
            <View className='course__session-main'>
              <Text className='course__session-title'>{s.title}</Text>
              <Text className='course__line'>{eventTimeLabel(s.startAt, s.endAt)}</Text>
            </View>
            <Text className={`course__session-state${attended.has(s.index) ? ' course__session-state--on' : ''}`}>{attended.has(s.index) ? '已签到' : '未签到'}</Text>
          </View>
        ))}
        <Text className='course__hint'>上课时扫描教室屏幕上的签到码即可签到，开课前 30 分钟起可以扫。</Text>
      </View>

      <View className='course__card'>
        <Text className='course__card-title'>课程介绍</Text>
        <Text className='course__body'>{course.description}</Text>
        {course.policyTitle ? <Text className='course__line'>相关政策：{course.policyTitle}</Text> : null}
      </View>

      {mine ? null : course.status === 'cancelled' ? (
        <PageState kind='empty' compact title='这个课程已取消' />
      ) : (
        <View className='course__card' data-testid='course-enrol-form'>
          <Text className='course__card-title'>报名参加</Text>
          <Text className='course__line'>还剩 {Math.max(0, left)} 个名额。手机号只用于上课通知，工作人员看到的号码会隐去中间四位。</Text>
          <View className='course__field'>
            <Text className='course__field-label'>姓名</Text>
            <Input className='course__input' value={name} maxlength={20} placeholder='你的姓名' onInput={(e) => setName(e.detail.value)} nativeProps={{ 'data-testid': 'course-name' }} />
          </View>
          {errors.name ? <Text className='course__error'>{errors.name}</Text> : null}
          <View className='course__field'>
            <Text className='course__field-label'>手机号</Text>
            <Input className='course__input' type='number' value={phone} maxlength={11} placeholder='11 位手机号' onInput={(e) => setPhone(e.detail.value)} nativeProps={{ 'data-testid': 'course-phone', inputmode: 'tel' }} />
          </View>
          {errors.phone ? <Text className='course__error'>{errors.phone}</Text> : null}
          <View className='course__actions' data-testid='course-enrol'>
            <AtButton type='primary' loading={busy} disabled={busy || left <= 0} onClick={() => void enrol()}>
              {left <= 0 ? '名额已满' : '立即报名'}
            </AtButton>
          </View>
        </View>
      )}
      {mine && mine.status === 'enrolled' ? (
        <View className='course__card' data-testid='course-enrolled'>
          <Text className='course__card-title'>你已报名</Text>
          <Text className='course__line'>请按时到场，每节课扫码签到。</Text>
        </View>
      ) : null}
      <HotlineCard />
    </View>
  )
}

export default withCareMode(CoursePage)
