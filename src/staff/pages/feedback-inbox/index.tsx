import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { StaffFeedbackRow } from '@shared/contracts/feedback'
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, FEEDBACK_STATUS_LABELS, type FeedbackKind, type FeedbackStatus } from '@shared/domain/feedback'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import { minuteText, dayText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { feedbackInbox, feedbackStats } from '../../../services/feedback/feedback'
import { getMe } from '../../../services/profile/profile'
import { FEEDBACK_STATUS_TONES, feedbackRoutes } from '../../../utils/feedback-routes'
import StaffHead from '../../components/staff-head'
import { staffGate } from '../../components/staff-gate'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

type Tab = 'all' | FeedbackStatus | 'overdue' | 'due'

const TABS: readonly SegmentTab<Tab>[] = [
  { key: 'all', label: '全部' },
  { key: 'received', label: '待处理' },
  { key: 'in_progress', label: '处理中' },
  { key: 'due', label: '两天内到期' },
  { key: 'overdue', label: '超期' },
  { key: 'answered', label: '已答复' },
  { key: 'closed', label: '已办结' },
]

/** 居民反馈: the community's inbox with counts, filters by status, kind, overdue and 只看我的. */
function FeedbackInboxPageBody() {
  const me = useLoad(() => getMe(), [])
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  const handles = staff ? can(staff.role, 'feedback.read') : false
  // `due=1`: opened from the workbench's line (due within two days or overdue).
  const [tab, setTab] = useState<Tab>(useRouter().params.due === '1' ? 'due' : 'all')
  const [kind, setKind] = useState<FeedbackKind | null>(null)
  const [mine, setMine] = useState(false)
  const stats = useLoad(() => (staff && can(staff.role, 'feedback.stats') ? feedbackStats() : Promise.resolve(null)), [staff?.orgId])
  const list = usePagedList<StaffFeedbackRow>(
    (after) => {
      if (!handles) return Promise.resolve({ items: [], next: null })
      const status = tab === 'all' || tab === 'overdue' || tab === 'due' ? undefined : tab
      return feedbackInbox({ status, overdue: tab === 'overdue', due: tab === 'due', kind: kind ?? undefined, mine, after, limit: 20 })
    },
    [tab, kind, mine, handles],
  )
  useListPage(list, { refreshOnShow: () => handles, alsoReload: stats.reload })

  const gate = staffGate(me, '居民反馈只对社区工作人员开放')
  if (gate.stop || !staff) return gate.stop
  const counts = stats.data?.counts

  return (
    <View className='feedback-inbox'>
      <View className='feedback-inbox__top'>
        <StaffHead block='feedback-inbox' title={`${staff.orgName} 居民反馈`} sub={`${staff.name} · ${ROLE_LABELS[staff.role]}`} />
        {counts ? (
          <View className='feedback-inbox__counts' data-testid='feedback-counts'>
            {(['received', 'in_progress', 'answered', 'closed'] as const).map((s) => (
              <View key={s} className='feedback-inbox__count' data-testid={`count-${s}`}>
                <Text className='feedback-inbox__count-n'>{counts[s]}</Text>
                <Text className='feedback-inbox__count-label'>{FEEDBACK_STATUS_LABELS[s]}</Text>
              </View>
            ))}
            <View className={`feedback-inbox__count${counts.overdue ? ' feedback-inbox__count--alert' : ''}`} data-testid='count-overdue'>
              <Text className='feedback-inbox__count-n'>{counts.overdue}</Text>
              <Text className='feedback-inbox__count-label'>超期未答复</Text>
            </View>
          </View>
        ) : null}
        {handles ? (
          <>
            <SegmentTabs tabs={TABS} value={tab} onChange={setTab} testIdPrefix='inbox-tab' />
            <View className='feedback-inbox__chips'>
              <Chip small label='全部类型' active={kind === null} onClick={() => setKind(null)} />
              {FEEDBACK_KINDS.map((k) => (
                <Chip key={k} small label={FEEDBACK_KIND_LABELS[k]} active={kind === k} onClick={() => setKind(kind === k ? null : k)} testId={`inbox-kind-${k}`} />
              ))}
              <Chip small checkable label='只看交给我的' active={mine} onClick={() => setMine(!mine)} testId='inbox-mine' />
            </View>
          </>
        ) : null}
      </View>

      <View className='feedback-inbox__body'>
        {!handles ? (
          <PageState compact kind='empty' title='反馈由各社区处理' description='这里显示你负责范围内的数量和超期情况' />
        ) : list.status === 'error' && !list.items.length ? (
          <PageState compact kind='error' title='没能读取反馈' error={list.error} onAction={() => void list.refresh()} />
        ) : list.status === 'loading' && !list.items.length ? (
          <PageState compact kind='loading' />
        ) : !list.items.length ? (
          <PageState compact kind='empty' icon='message' title='没有符合条件的反馈' testId='inbox-empty' />
        ) : (
          list.items.map((f) => (
            <View
              key={f._id}
              className={`feedback-inbox__row${f.overdue ? ' feedback-inbox__row--overdue' : ''}`}
              onClick={() => void Taro.navigateTo({ url: feedbackRoutes.staffItem(f._id) })}
              data-testid='inbox-row'
              data-status={f.status}
            >
              <View className='feedback-inbox__row-head'>
                <Text className='feedback-inbox__kind'>{FEEDBACK_KIND_LABELS[f.kind]}</Text>
                {f.overdue ? <Chip small tone='danger' label='超期' testId='inbox-overdue' /> : null}
                <Chip small tone={FEEDBACK_STATUS_TONES[f.status]} label={FEEDBACK_STATUS_LABELS[f.status]} />
              </View>
              <Text className='feedback-inbox__text'>{f.excerpt}</Text>
              <View className='feedback-inbox__meta'>
                <Text>
                  {f.from} · {minuteText(f.createdAt)}
                  {f.photoCount ? ` · ${f.photoCount} 张照片` : ''}
                </Text>
                <Text className={f.overdue ? 'feedback-inbox__due--late' : ''}>
                  {f.status === 'received' || f.status === 'in_progress' ? `${dayText(f.dueDate)}前答复` : f.assigneeName ? `经办：${f.assigneeName}` : ''}
                </Text>
              </View>
            </View>
          ))
        )}
        {handles ? <ListFooter list={list} /> : null}
      </View>
    </View>
  )
}

export default function FeedbackInboxPage() {
  return (
    <StaffLayout page='feedbackInbox'>
      <FeedbackInboxPageBody />
    </StaffLayout>
  )
}
