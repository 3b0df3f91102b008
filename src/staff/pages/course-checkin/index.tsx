import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { useRotatingCode } from '../../../hooks/use-rotating-code'
import { getCourse, getSessionCode, listTrainees, trainingErrorMessage } from '../../../services/event/training'
import { eventTimeLabel } from '../../../utils/event-routes'
import CheckinScreen from '../../components/checkin-screen'
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
  const { code, codeError } = useRotatingCode(`${id}:${session}`, () => getSessionCode(id, session), trainingErrorMessage, () => void trainees.reload())

  if (course.status === 'error' && !course.data) return <PageState kind='error' title='签到屏打开失败' error={course.error} description={trainingErrorMessage(course.error)} />
  if (!course.data) return <PageState kind='loading' />
  const c = course.data
  const s = c.sessions.find((x) => x.index === session)
  const rows = trainees.data?.items ?? []
  const here = rows.filter((r) => r.attended.includes(session)).length

  return (
    <CheckinScreen
      testId='course-checkin-screen'
      org={`${c.orgName} · ${c.provider}`}
      title={c.title}
      meta={`${s ? `${s.title} · ${eventTimeLabel(s.startAt, s.endAt)}` : ''} · ${c.place}`}
      headExtra={
        <View className='course-checkin__sessions'>
          {c.sessions.map((x) => (
            <Chip key={x.index} label={`第 ${x.index + 1} 节`} active={x.index === session} onClick={() => setSession(x.index)} testId={`session-${x.index}`} />
          ))}
        </View>
      }
      scanText='微信扫一扫 上课签到'
      code={code}
      codeError={codeError}
      codeTestId='course-checkin-code'
      rotate={<Text className='checkin-screen__rotate-text'>二维码每 30 秒更换，拍照带走的二维码无法签到</Text>}
      big={{ n: here, label: '本节已签到', testId: 'course-count-here' }}
      stats={[
        { n: `${c.enrolledCount}/${c.capacity}`, label: '已报名' },
        { n: c.completedCount, label: '已结业' },
      ]}
      hint={`出勤满 ${c.requiredSessions} 节自动结业，发结业证书，并记入学员的创业档案。`}
    />
  )
}

export default function CourseCheckinPage() {
  return (
    <StaffLayout page='courseCheckin'>
      <CourseCheckinPageBody />
    </StaffLayout>
  )
}
