import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { EventCounts } from '@shared/contracts/event'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { useRotatingCode } from '../../../hooks/use-rotating-code'
import { eventErrorMessage, getCode, getEvent } from '../../../services/event/event'
import { eventRoutes, eventTimeLabel } from '../../../utils/event-routes'
import CheckinScreen from '../../components/checkin-screen'
import StaffLayout from '../../components/staff-layout'

const COUNTS_EVERY_MS = 5000

/**
 * 签到屏: shown on a screen at the venue. The code changes every 30 seconds (an older one is
 * refused), so only people in the room can check in; counts update live.
 */
function EventCheckinPageBody() {
  const id = useRouter().params.id ?? ''
  const event = useLoad(() => getEvent(id), [id])
  const { code, codeError } = useRotatingCode(id, () => getCode(id, 'checkin'), eventErrorMessage)
  const [counts, setCounts] = useState<EventCounts | null>(null)
  const [left, setLeft] = useState(30)
  useEffect(() => {
    const tick = setInterval(() => {
      if (code?.rotatesAt) setLeft(Math.max(0, Math.ceil((Date.parse(code.rotatesAt) - Date.now()) / 1000)))
    }, 250)
    return () => clearInterval(tick)
  }, [code])

  useEffect(() => {
    const poll = setInterval(() => {
      getEvent(id)
        .then((e) => setCounts(e.counts))
        .catch(() => undefined)
    }, COUNTS_EVERY_MS)
    return () => clearInterval(poll)
  }, [id])

  if (event.status === 'error' && !event.data) {
    return <PageState kind='error' title='签到屏打开失败' error={event.error} description={eventErrorMessage(event.error)} onAction={() => void event.reload()} />
  }
  if (!event.data) return <PageState kind='loading' />
  const e = event.data
  const c = counts ?? e.counts

  return (
    <CheckinScreen
      testId='checkin-screen'
      org={e.orgName}
      title={e.title}
      meta={`${eventTimeLabel(e.startAt, e.endAt)} · ${e.place}`}
      scanText='微信扫一扫 签到'
      code={code}
      codeError={codeError}
      codeTestId='checkin-code'
      rotate={
        <View className='checkin-screen__rotate'>
          <View className='checkin-screen__rotate-bar'>
            <View className='checkin-screen__rotate-fill' style={{ width: `${(left / 30) * 100}%` }} />
          </View>
          <Text className='checkin-screen__rotate-text'>{left} 秒后更换二维码，拍照带走的二维码无法签到</Text>
        </View>
      }
      big={{ n: c.checkedIn, label: '已签到', testId: 'count-checked-in' }}
      stats={[
        { n: `${c.confirmed}/${c.capacity}`, label: '已报名' },
        { n: c.waitlisted, label: '候补' },
      ]}
      hint={`${e.walkIn ? '没报名的居民扫码后可以现场报名并签到。' : '本场只接受提前报名的居民签到。'}没带手机的居民，请工作人员在名单里代为签到。`}
    >
      <View className='checkin-screen__link' onClick={() => void Taro.navigateTo({ url: eventRoutes.eventAttendees(e._id) })}>
        <Text>打开签到名单 ›</Text>
      </View>
    </CheckinScreen>
  )
}

export default function EventCheckinPage() {
  return (
    <StaffLayout page='eventCheckin'>
      <EventCheckinPageBody />
    </StaffLayout>
  )
}
