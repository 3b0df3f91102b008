import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PolicyListItem, PolicyView } from '@shared/contracts/policy'
import { POLICY_CATEGORY_LABELS, validityLabel, type PolicyStatus } from '@shared/domain/policy'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import { dayText } from '@shared/domain/time'
import ListFooter from '../../../components/list-footer'
import SearchBox from '../../../components/search-box'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import StatusTag from '../../../components/status-tag'
import { useRowAction } from '../../../hooks/use-action'
import { useLoad } from '../../../hooks/use-load'
import { useShareCounts } from '../../../hooks/use-share-counts'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { ErrorCodes, isApiError } from '../../../services/core/cloud'
import { archivePolicy, listPolicies, publishPolicy } from '../../../services/policy/policy'
import { getMe } from '../../../services/profile/profile'
import { routes } from '../../../utils/routes'
import { staffGate } from '../../components/staff-gate'
import StaffHead from '../../components/staff-head'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import ListState from '../../components/list-state'
import StaffLayout from '../../components/staff-layout'
import RowAction from '../../components/row-action'
import './index.scss'

type StatusFilter = 'all' | PolicyStatus

const TABS: readonly SegmentTab<StatusFilter>[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'archived', label: '已下架' },
]

/** The list row keeps what the list returned, updated from an action's answer. */
function toListItem(v: PolicyView): PolicyListItem {
  return {
    _id: v._id,
    title: v.title,
    category: v.category,
    summary: v.summary,
    benefit: v.benefit,
    targetGroups: v.targetGroups,
    orgName: v.orgName,
    validFrom: v.validFrom,
    validTo: v.validTo,
    status: v.status,
    updatedAt: v.updatedAt,
    inForce: v.inForce,
  }
}

/** 政策管理: staff see the policies in their scope, by status, and publish or take them down. */
function StaffPoliciesPageBody() {
  const me = useLoad(() => getMe(), [])
  const [status, setStatus] = useState<StatusFilter>('all')
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const { busyId, run } = useRowAction()
  const isStaff = me.data?.kind === 'staff'

  const list = usePagedList(
    (after) =>
      isStaff
        ? listPolicies({ view: 'manage', status: status === 'all' ? undefined : status, keyword: keyword || undefined, after, limit: 20 })
        : Promise.resolve({ items: [], next: null }),
    [status, keyword, isStaff],
  )
  const shares = useShareCounts('policy', list.items.filter((p) => p.status !== 'draft').map((p) => p._id), isStaff)

  // Coming back from the editor: show what was saved, keep rows on screen meanwhile.
  useListPage(list, { refreshOnShow: () => isStaff })

  const gate = staffGate(me, '政策管理只对社区和各级创建办工作人员开放')
  if (gate.stop) return gate.stop
  const staff = gate.staff
  const mayPublish = can(staff.role, 'policy.publish')
  // A read-only role (街道初评员) sees the policies, not the editor's buttons the server would refuse.
  const mayWrite = can(staff.role, 'policy.write')
  const open = (p: PolicyListItem) => void Taro.navigateTo({ url: mayWrite ? routes.policyEdit(p._id) : routes.policyDetail(p._id) })

  const act = (item: PolicyListItem, action: 'publish' | 'archive') =>
    run(
      item._id,
      action === 'publish' ? ['发布政策', `发布“${item.title}”后，居民就能看到它。`, '发布'] : ['下架政策', `下架“${item.title}”后，居民将看不到它。`, '下架'],
      async () => {
        const next = toListItem(action === 'publish' ? await publishPolicy(item._id) : await archivePolicy(item._id))
        // A row that no longer matches the status tab leaves the list.
        if (status === 'all' || next.status === status) list.replace((p) => p._id === item._id, next)
        else void list.refresh({ quiet: true })
        return action === 'publish' ? '已发布' : '已下架'
      },
      (e) => {
        if (isApiError(e) && e.code === ErrorCodes.conflict) void list.refresh({ quiet: true })
      },
    )

  return (
    <View className='staff-policies'>
      <View className='staff-policies__top'>
        <StaffHead
          block='staff-policies'
          title={staff.orgName}
          sub={
            <>
              {staff.name} · {ROLE_LABELS[staff.role]}
              {can(staff.role, 'staff.manage') || can(staff.role, 'audit.read') ? (
                <Text className='staff-policies__team' data-testid='to-team' onClick={() => void Taro.navigateTo({ url: routes.staffTeam })}>
                  {' '}· 团队与记录 ›
                </Text>
              ) : null}
            </>
          }
          action={mayWrite ? { text: '＋ 新建政策', testId: 'new-policy-button', onClick: () => void Taro.navigateTo({ url: routes.policyEdit() }) } : null}
        />
        <SearchBox value={input} onChange={setInput} onSearch={(v) => setKeyword(v.trim())} placeholder='搜索政策标题' />
      </View>
      <SegmentTabs tabs={TABS} value={status} onChange={setStatus} testIdPrefix='status-tab' />

      <View className='staff-policies__body'>
        <ListState
          list={list}
          reloginHint='请重新登录后再管理政策'
          empty={{
            title: keyword ? '没有找到相关政策' : status === 'all' ? '还没有政策' : '这个状态下还没有政策',
            description: keyword ? '换个关键词试试' : mayWrite && (status === 'all' || status === 'draft') ? '点“新建政策”写第一条吧' : undefined,
          }}
        >
          <View className='staff-policies__list' data-testid='manage-list'>
            {list.items.map((p) => (
              <View className='staff-policies__row' key={p._id} data-testid='policy-row' data-id={p._id} data-status={p.status}>
                <View className='staff-policies__main' onClick={() => open(p)}>
                  <View className='staff-policies__row-head'>
                    <StatusTag status={p.status} />
                    <Text className='staff-policies__category'>{POLICY_CATEGORY_LABELS[p.category]}</Text>
                    {p.status === 'published' && !p.inForce ? <Text className='staff-policies__warn'>不在有效期</Text> : null}
                  </View>
                  <Text className='staff-policies__row-title'>{p.title}</Text>
                  <Text className='staff-policies__row-meta'>
                    {p.orgName} · {validityLabel(p)} · 更新于 {dayText(p.updatedAt)}
                  </Text>
                  {shares[p._id] !== undefined ? (
                    <Text className='staff-policies__row-meta' data-testid='row-share-arrivals'>
                      经居民分享打开 {shares[p._id]} 人
                    </Text>
                  ) : null}
                </View>
                <View className='staff-policies__actions'>
                  {mayWrite ? (
                    <RowAction block='staff-policies' label='编辑' testId='row-edit' onClick={() => open(p)} />
                  ) : (
                    <RowAction block='staff-policies' label='查看' testId='row-view' onClick={() => open(p)} />
                  )}
                  {mayPublish && p.status !== 'published' ? (
                    <RowAction block='staff-policies' label='发布' tone='primary' busy={busyId === p._id} locked={busyId !== null} testId='row-publish' onClick={() => void act(p, 'publish')} />
                  ) : null}
                  {mayPublish && p.status === 'published' ? (
                    <RowAction block='staff-policies' label='推送' tone='primary' testId='row-push' onClick={() => void Taro.navigateTo({ url: routes.policyPush(p._id) })} />
                  ) : null}
                  {mayPublish && p.status === 'published' ? (
                    <RowAction block='staff-policies' label='下架' tone='danger' busy={busyId === p._id} locked={busyId !== null} testId='row-archive' onClick={() => void act(p, 'archive')} />
                  ) : null}
                </View>
              </View>
            ))}
            <ListFooter list={list} testId='load-more' />
          </View>
        </ListState>
      </View>
    </View>
  )
}

export default function StaffPoliciesPage() {
  return (
    <StaffLayout page='staffPolicies'>
      <StaffPoliciesPageBody />
    </StaffLayout>
  )
}
