import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { AttendeeView, EventCounts } from '@shared/contracts/event'
import { EVENT_PHASE_LABELS, SIGNUP_STATUS_LABELS, type SignupStatus } from '@shared/domain/event'
import { can } from '@shared/domain/roles'
import { minuteText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import ListFooter from '../../../components/list-footer'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { checkInByStaff, eventErrorMessage, exportAttendees, getEvent, listAttendees } from '../../../services/event/event'
import { getMe } from '../../../services/profile/profile'
import { openDownload } from '../../../services/files/download-link'
import { eventRoutes, eventTimeLabel } from '../../../utils/event-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

type Filter = 'all' | SignupStatus
const TABS: readonly SegmentTab<Filter>[] = [
  { key: 'all', label: '全部' },
  { key: 'confirmed', label: '未签到' },
  { key: 'checked_in', label: '已签到' },
  { key: 'waitlisted', label: '候补' },
  { key: 'cancelled', label: '已取消' },
]
const TONES = { confirmed: 'primary', checked_in: 'success', waitlisted: 'warning', cancelled: 'neutral' } as const

/** 报名名单: who signed up (phones masked), live counts, check-in by hand, export. */
function EventAttendeesPageBody() {
  const id = useRouter().params.id ?? ''
  const head = useLoad(async () => ({ me: await getMe(), event: await getEvent(id) }), [id])
  const [filter, setFilter] = useState<Filter>('all')
  const [counts, setCounts] = useState<EventCounts | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const list = usePagedList(
    async (after) => {
      const page = await listAttendees({ eventId: id, status: filter === 'all' ? undefined : filter, after, limit: 30 })
      setCounts(page.counts)
      return page
    },
    [id, filter],
  )
  useListPage(list)

  if (head.status === 'error' && !head.data) {
    return <PageState kind='error' title='名单打开失败' error={head.error} description={eventErrorMessage(head.error)} onAction={() => void head.reload()} />
  }
  if (!head.data) return <PageState kind='loading' />
  const { me, event } = head.data
  const role = me.staff?.role
  const c = counts ?? event.counts
  const mayCheckIn = role ? can(role, 'event.checkin') && (event.phase === 'ongoing' || event.phase === 'signup') : false
  const mayExport = role ? can(role, 'event.export') : false

  const checkIn = async (a: AttendeeView) => {
    if (!(await confirm('代为签到', `确认 ${a.name}（${a.phoneMasked}）已到场？`, '确认签到'))) return
    setBusy(a._id)
    try {
      const next = await checkInByStaff(event._id, a._id)
      if (filter === 'all') list.replace((x) => x._id === a._id, next)
      else void list.refresh({ quiet: true })
      setCounts((x) => (x ? { ...x, checkedIn: x.checkedIn + 1 } : x))
      toastSuccess('已签到')
    } catch (e) {
      toastText(eventErrorMessage(e))
      void list.refresh({ quiet: true })
    } finally {
      setBusy(null)
    }
  }

  const download = async () => {
    setBusy('export')
    try {
      const file = await exportAttendees(event._id)
      await openDownload(file)
      toastSuccess(`已导出 ${file.rows} 人`)
    } catch (e) {
      toastText(eventErrorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='attendees' data-testid='attendees-page'>
      <View className='attendees__top'>
        <View className='attendees__top-inner'>
          <View className='attendees__who'>
            <Chip small tone={event.phase === 'cancelled' ? 'danger' : 'primary'} label={EVENT_PHASE_LABELS[event.phase]} />
            <Text className='attendees__title'>{event.title}</Text>
            <Text className='attendees__meta'>
              {eventTimeLabel(event.startAt, event.endAt)} · {event.place}
            </Text>
          </View>
          <View className='attendees__counts' data-testid='attendee-counts'>
            <View className='attendees__count'>
              <Text className='attendees__count-n'>
                {c.confirmed}/{c.capacity}
              </Text>
              <Text className='attendees__count-label'>已报名</Text>
            </View>
            <View className='attendees__count'>
              <Text className='attendees__count-n attendees__count-n--ok'>{c.checkedIn}</Text>
              <Text className='attendees__count-label'>已签到</Text>
            </View>
            <View className='attendees__count'>
              <Text className='attendees__count-n attendees__count-n--warn'>{c.waitlisted}</Text>
              <Text className='attendees__count-label'>候补</Text>
            </View>
          </View>
          <View className='attendees__tools'>
            {event.status !== 'cancelled' && role && can(role, 'event.checkin') ? (
              <View className='attendees__tool' onClick={() => void Taro.navigateTo({ url: eventRoutes.eventCheckin(event._id) })}>
                <Text>打开签到屏</Text>
              </View>
            ) : null}
            {event.status !== 'cancelled' ? (
              <View className='attendees__tool' onClick={() => void Taro.navigateTo({ url: eventRoutes.eventPoster(event._id) })}>
                <Text>海报</Text>
              </View>
            ) : null}
            {mayExport ? (
              <View className='attendees__export' data-testid='export-button'>
                <AtButton type='secondary' size='small' loading={busy === 'export'} disabled={busy !== null} onClick={() => void download()}>
                  导出名单
                </AtButton>
              </View>
            ) : null}
          </View>
        </View>
      </View>
      <SegmentTabs tabs={TABS} value={filter} onChange={setFilter} testIdPrefix='attendee-tab' />
      <View className='attendees__body'>
        {list.status === 'loading' ? (
          <PageState kind='loading' compact />
        ) : list.status === 'error' ? (
          <PageState kind='error' compact title='名单加载失败' error={list.error} description={eventErrorMessage(list.error)} onAction={() => void list.refresh()} />
        ) : list.items.length === 0 ? (
          <PageState kind='empty' compact icon='user' title={filter === 'all' ? '还没有人报名' : '这里还没有人'} description={filter === 'all' ? '把海报贴出去，或在群里分享活动吧' : undefined} testId='attendees-empty' />
        ) : (
          <View className='attendees__table' data-testid='attendee-list'>
            {list.items.map((a) => (
              <View key={a._id} className='attendees__row' data-testid='attendee-row' data-status={a.status}>
                <Text className='attendees__seq'>{a.seq}</Text>
                <View className='attendees__person'>
                  <Text className='attendees__name'>{a.name}</Text>
                  <Text className='attendees__phone'>{a.phoneMasked}</Text>
                </View>
                <View className='attendees__state'>
                  <Chip small tone={TONES[a.status]} label={SIGNUP_STATUS_LABELS[a.status]} />
                  <Text className='attendees__when'>
                    {a.checkedInAt ? `${minuteText(a.checkedInAt)} ${a.checkedInBy === 'staff' ? '代签' : '扫码'}` : `${minuteText(a.createdAt)} ${a.via === 'walk_in' ? '现场报名' : '报名'}`}
                  </Text>
                </View>
                {mayCheckIn && a.status === 'confirmed' ? (
                  <View className={`attendees__act${busy === a._id ? ' attendees__act--busy' : ''}`} data-testid='manual-checkin' onClick={() => busy === null && void checkIn(a)}>
                    <Text>代签到</Text>
                  </View>
                ) : (
                  <View className='attendees__act attendees__act--none' />
                )}
              </View>
            ))}
          </View>
        )}
        <ListFooter list={list} moreText='查看更多' showEnd={false} />
      </View>
    </View>
  )
}

export default function EventAttendeesPage() {
  return (
    <StaffLayout page='eventAttendees'>
      <EventAttendeesPageBody />
    </StaffLayout>
  )
}
