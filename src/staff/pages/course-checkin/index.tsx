import { useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CourseCodeOutput } from '@shared/contracts/training'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { getCourse, getSessionCode, listTrainees, trainingErrorMessage } from '../../../services/event/training'
import { eventTimeLabel } from '../../../utils/event-routes'
import { codeNotice, codeSrc } from '../../../utils/code-image'
import '../event-checkin/index.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/**
 * 培训签到屏: one session's rotating check-in code (every 30 seconds; an older one is refused) and
 * how many trainees have checked in to it. Pick the session with the chips.
 */
function CourseCheckinPageBody() {
  const params = useRouter().params
  const id = params.id ?? ''
  const [session, setSession] = useState(Number(params.session ?? 0))
  const course = useLoad(() => getCourse(id), [id])
  const trainees = useLoad(() => listTrainees(id), [id, session])
  const [code, setCode] = useState<CourseCodeOutput | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const alive = useRef(true)

  useEffect(() => {
    alive.current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = async () => {
      try {
        const next = await getSessionCode(id, session)
        if (!alive.current) return
        setCode(next)
        setCodeError(null)
        timer = setTimeout(() => void refresh(), Math.max(1000, Date.parse(next.rotatesAt) - Date.now() + 300))
        void trainees.reload()
      } catch (e) {
        if (!alive.current) return
        setCodeError(trainingErrorMessage(e))
        timer = setTimeout(() => void refresh(), 5000)
      }
    }
    setCode(null)
    void refresh()
    return () => {
      alive.current = false
      if (timer) clearTimeout(timer)
    }
  }, [id, session])

  if (course.status === 'error' && !course.data) return <PageState kind='error' title='签到屏打开失败' error={course.error} description={trainingErrorMessage(course.error)} />
  if (!course.data) return <PageState kind='loading' />
  const c = course.data
  const s = c.sessions.find((x) => x.index === session)
  const rows = trainees.data?.items ?? []
  const here = rows.filter((r) => r.attended.includes(session)).length

  return (
    <View className='checkin-screen' data-testid='course-checkin-screen'>
      <View className='checkin-screen__head'>
        <Text className='checkin-screen__org'>{c.orgName} · {c.provider}</Text>
        <Text className='checkin-screen__title'>{c.title}</Text>
        <Text className='checkin-screen__meta'>{s ? `${s.title} · ${eventTimeLabel(s.startAt, s.endAt)}` : ''} · {c.place}</Text>
        <View className='course-checkin__sessions'>
          {c.sessions.map((x) => (
            <Chip key={x.index} label={`第 ${x.index + 1} 节`} active={x.index === session} onClick={() => setSession(x.index)} testId={`session-${x.index}`} />
          ))}
        </View>
      </View>
      <View className='checkin-screen__main'>
        <View className='checkin-screen__code-card'>
          <Text className='checkin-screen__scan'>微信扫一扫 上课签到</Text>
          <View className='checkin-screen__code-wrap'>
            {code ? (
              <View>
                <Image className='checkin-screen__code' src={codeSrc(code)} mode='aspectFit' nativeProps={{ 'data-testid': 'course-checkin-code', 'data-scene': code.scene, alt: '签到二维码' }} />
                {codeNotice(code) ? <Text data-testid='code-notice'>{codeNotice(code)}</Text> : null}
              </View>
            ) : codeError ? (
              <PageState kind='error' compact title='二维码生成失败' description={codeError} />
            ) : (
              <PageState kind='loading' compact title='正在生成二维码…' />
            )}
          </View>
          <Text className='checkin-screen__rotate-text'>二维码每 30 秒更换，拍照带走的二维码无法签到</Text>
        </View>
        <View className='checkin-screen__side'>
          <View className='checkin-screen__stat checkin-screen__stat--big' data-testid='course-count-here'>
            <Text className='checkin-screen__stat-n'>{here}</Text>
            <Text className='checkin-screen__stat-label'>本节已签到</Text>
          </View>
          <View className='checkin-screen__stats'>
            <View className='checkin-screen__stat'>
              <Text className='checkin-screen__stat-n'>
                {c.enrolledCount}/{c.capacity}
              </Text>
              <Text className='checkin-screen__stat-label'>已报名</Text>
            </View>
            <View className='checkin-screen__stat'>
              <Text className='checkin-screen__stat-n'>{c.completedCount}</Text>
              <Text className='checkin-screen__stat-label'>已结业</Text>
            </View>
          </View>
          <Text className='checkin-screen__hint'>出勤满 {c.requiredSessions} 节自动结业，发结业证书，并记入学员的创业档案。</Text>
        </View>
      </View>
    </View>
  )
}

export default function CourseCheckinPage() {
  return (
    <StaffLayout page='courseCheckin'>
      <CourseCheckinPageBody />
    </StaffLayout>
  )
}
