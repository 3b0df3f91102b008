import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { EVENT_PHASE_LABELS } from '@shared/domain/event'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import ListFooter from '../../../components/list-footer'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { useShareCounts } from '../../../hooks/use-share-counts'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { listEvents } from '../../../services/event/event'
import { getMe } from '../../../services/profile/profile'
import { eventRoutes, eventTimeLabel } from '../../../utils/event-routes'
import { staffGate } from '../../components/staff-gate'
import StaffHead from '../../components/staff-head'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import RowAction from '../../components/row-action'
import './index.scss'

type When = 'current' | 'today' | 'past'
const TABS: readonly SegmentTab<When>[] = [
  { key: 'current', label: '未结束' },
  { key: 'today', label: '今天' },
  { key: 'past', label: '已结束' },
]

/** 活动管理: events of my org and below, with live counts and the way to each tool. */
function StaffEventsPageBody() {
  const me = useLoad(() => getMe(), [])
  // `when=today`: opened from the workbench's line (today's events, to check people in).
  const [when, setWhen] = useState<When>(useRouter().params.when === 'today' ? 'today' : 'current')
  const isStaff = me.data?.kind === 'staff'
  const list = usePagedList(
    (after) => (isStaff ? listEvents({ view: 'manage', when, after, limit: 20 }) : Promise.resolve({ items: [], next: null })),
    [when, isStaff],
  )
  const shares = useShareCounts('event', list.items.map((e) => e._id), isStaff)
  useListPage(list, { refreshOnShow: () => isStaff })

  const gate = staffGate(me)
  if (gate.stop) return gate.stop
  const staff = gate.staff
  const mayWrite = can(staff.role, 'event.write')
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <View className='staff-events'>
      <StaffHead
        block='staff-events'
        className='staff-events__top'
        title='活动管理'
        sub={`${staff.orgName} · ${staff.name} · ${ROLE_LABELS[staff.role]}`}
        action={mayWrite ? { text: '＋ 新建活动', testId: 'new-event-button', onClick: () => go(eventRoutes.eventEdit()) } : null}
      />
      <SegmentTabs tabs={TABS} value={when} onChange={setWhen} testIdPrefix='when-tab' />
      <View className='staff-events__body'>
        {list.status === 'loading' ? (
          <PageState kind='loading' compact />
        ) : list.status === 'error' ? (
          <PageState kind='error' compact title='活动加载失败' error={list.error} onAction={() => void list.refresh()} />
        ) : list.items.length === 0 ? (
          <PageState kind='empty' compact icon='calendar' title={when === 'current' ? '还没有进行中的活动' : when === 'today' ? '今天没有活动' : '还没有已结束的活动'} description={mayWrite && when === 'current' ? '点“新建活动”发布第一场吧' : undefined} testId='staff-events-empty' />
        ) : (
          <View className='staff-events__grid' data-testid='staff-event-list'>
            {list.items.map((e) => (
              <View className='staff-events__row' key={e._id} data-testid='staff-event-row' data-id={e._id}>
                <View className='staff-events__main' onClick={() => go(eventRoutes.eventAttendees(e._id))}>
                  <View className='staff-events__row-head'>
                    <Chip small tone={e.phase === 'cancelled' ? 'danger' : e.phase === 'ongoing' ? 'success' : 'primary'} label={EVENT_PHASE_LABELS[e.phase]} />
                    <Text className='staff-events__row-org'>{e.orgName}</Text>
                  </View>
                  <Text className='staff-events__row-title'>{e.title}</Text>
                  <Text className='staff-events__row-meta'>{eventTimeLabel(e.startAt, e.endAt)}</Text>
                  <Text className='staff-events__row-meta'>{e.place}</Text>
                  <View className='staff-events__counts'>
                    <View className='staff-events__count'>
                      <Text className='staff-events__count-n'>
                        {e.counts.confirmed}/{e.counts.capacity}
                      </Text>
                      <Text className='staff-events__count-label'>已报名</Text>
                    </View>
                    <View className='staff-events__count'>
                      <Text className='staff-events__count-n'>{e.counts.checkedIn}</Text>
                      <Text className='staff-events__count-label'>已签到</Text>
                    </View>
                    <View className='staff-events__count'>
                      <Text className='staff-events__count-n'>{e.counts.waitlisted}</Text>
                      <Text className='staff-events__count-label'>候补</Text>
                    </View>
                    {shares[e._id] !== undefined ? (
                      <View className='staff-events__count' data-testid='row-share-arrivals'>
                        <Text className='staff-events__count-n'>{shares[e._id]}</Text>
                        <Text className='staff-events__count-label'>经分享打开</Text>
                      </View>
                    ) : null}
                  </View>
                </View>
                <View className='staff-events__actions'>
                  {mayWrite && e.status !== 'cancelled' ? (
                    <RowAction block='staff-events' label='编辑' testId='row-edit' onClick={() => go(eventRoutes.eventEdit(e._id))} />
                  ) : null}
                  {e.status !== 'cancelled' ? (
                    <RowAction block='staff-events' label='海报' testId='row-poster' onClick={() => go(eventRoutes.eventPoster(e._id))} />
                  ) : null}
                  {e.status !== 'cancelled' && can(staff.role, 'event.checkin') ? (
                    <RowAction block='staff-events' label='签到屏' tone='primary' testId='row-checkin' onClick={() => go(eventRoutes.eventCheckin(e._id))} />
                  ) : null}
                  <RowAction block='staff-events' label='名单' testId='row-attendees' onClick={() => go(eventRoutes.eventAttendees(e._id))} />
                </View>
              </View>
            ))}
          </View>
        )}
        <ListFooter list={list} moreText='查看更多' showEnd={false} />
      </View>
    </View>
  )
}

export default function StaffEventsPage() {
  return (
    <StaffLayout page='staffEvents'>
      <StaffEventsPageBody />
    </StaffLayout>
  )
}
