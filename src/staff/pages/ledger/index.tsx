import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { GapKind, GapRow, LedgerFlag, LedgerRow } from '@shared/contracts/intent'
import { GAP_KIND_LABELS, GAP_KINDS, LEDGER_FLAG_LABELS, LEDGER_FLAGS } from '@shared/contracts/intent'
import { CASE_STAGE_LABELS, CASE_STAGES, NEED_LABELS, NEEDS, type CaseStage, type Need } from '@shared/domain/case'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@shared/domain/target-groups'
import { dayText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import ListFooter from '../../../components/list-footer'
import SearchBox from '../../../components/search-box'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { errorMessage } from '../../../services/core/cloud'
import { openDownload } from '../../../services/files/download-link'
import { continueLedgerJob, getLedgerJob, ledgerGaps, listLedger, startLedgerExport } from '../../../services/intent/intent'
import { progressText, useJob } from '../../../hooks/use-job'
import { loadDrilldown, loadMoneyCases } from '../../../services/staff/indices'
import { INDEX_DEF_BY_KEY, INDEX_KEYS, type IndexKey } from '@shared/domain/indices'
import { periodName } from '@shared/domain/period'
import { getMe } from '../../../services/profile/profile'
import { intentRoutes } from '../../../utils/intent-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import ListState from '../../components/list-state'
import StaffLayout from '../../components/staff-layout'
import { PairedList } from './paired-list'
import './index.scss'

type View_ = 'ledger' | GapKind

const TABS: readonly SegmentTab<View_>[] = [
  { key: 'ledger', label: '全部台帐' },
  { key: 'unguided', label: '未指导' },
  { key: 'due', label: '今天回访' },
  { key: 'overdue', label: '回访逾期' },
  { key: 'unbenefited', label: '应享未享' },
  { key: 'loanDue', label: '贷款到期' },
]

const STAGE_TONES: Record<CaseStage, 'neutral' | 'primary' | 'success' | 'warning' | 'danger'> = {
  registered: 'warning',
  guided: 'primary',
  trained: 'primary',
  started: 'success',
  operating: 'success',
  closed: 'neutral',
}

/** The index figure the list is narrowed to, when opened from the dashboard. */
function drillOf(params: Record<string, string | undefined>): { key: IndexKey; side: 'num' | 'den'; period: string; org: string } | null {
  const key = INDEX_KEYS.find((k) => k === params.drill)
  if (!key || !params.period || !params.org) return null
  return { key, side: params.side === 'den' ? 'den' : 'num', period: params.period, org: decodeURIComponent(params.org) }
}

/**
 * 帮扶台帐: every registration of the staff member's community, filtered, with gap lists and
 * export; opened from the dashboard with `drill`, the cases behind one index figure.
 */
/** The money figure the list is narrowed to (a benefit kind, group, policy or loan step), from the dashboard. */
function moneyDrillOf(params: Record<string, string | undefined>): { metric: string; label: string; period: string; org: string } | null {
  if (!params.metric || !params.period || !params.org) return null
  return { metric: decodeURIComponent(params.metric), label: decodeURIComponent(params.label ?? ''), period: params.period, org: decodeURIComponent(params.org) }
}

function LedgerPageBody() {
  const params = useRouter().params
  const drill = drillOf(params)
  const moneyDrill = moneyDrillOf(params)
  const me = useLoad(() => getMe(), [])
  // `tab`: a gap list opened from the workbench; `status=pending`: the registrations 待受理.
  const [tab, setTab] = useState<View_>(GAP_KINDS.find((k) => k === params.tab) ?? 'ledger')
  const [pending, setPending] = useState(params.status === 'pending')
  const [stage, setStage] = useState<CaseStage | null>(null)
  const [need, setNeed] = useState<Need | null>(null)
  const [group, setGroup] = useState<TargetGroup | null>(null)
  const [flag, setFlag] = useState<LedgerFlag | null>(null)
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const [more, setMore] = useState(false)
  const exportJob = useJob(`ledger-export`, continueLedgerJob, getLedgerJob)
  const exporting = exportJob.busy
  const staff = me.data?.kind === 'staff' ? me.data.staff : null

  const filter = { status: pending ? ('pending' as const) : undefined, stage: stage ?? undefined, need: need ?? undefined, targetGroup: group ?? undefined, flag: flag ?? undefined, keyword: keyword || undefined }
  const list = usePagedList<LedgerRow | GapRow>(
    (after) => {
      if (!staff) return Promise.resolve({ items: [], next: null })
      if (drill) return loadDrilldown({ ...drill, orgId: drill.org, after })
      if (moneyDrill) return loadMoneyCases({ metric: moneyDrill.metric, period: moneyDrill.period, orgId: moneyDrill.org, after }).then((r) => ({ items: r.items, next: r.next }))
      if (tab !== 'ledger') return ledgerGaps(tab, after)
      return listLedger({ ...filter, after, limit: 20 })
    },
    [tab, pending, stage, need, group, flag, keyword, staff?.orgId],
  )

  useListPage(list, { refreshOnShow: () => !!staff })

  const gate = staffGate(me, '帮扶台帐只对社区创业指导员和各级创建办开放')
  if (gate.stop || !staff) return gate.stop
  const mayExport = can(staff.role, 'intent.export')
  const isCommunity = staff.role === 'community_staff' || staff.role === 'community_lead'

  const doExport = async () => {
    if (exporting) return
    let done
    try {
      done = await exportJob.start(() => startLedgerExport(filter))
    } catch (e) {
      return toastText(errorMessage(e))
    }
    if (done.state === 'failed') return toastText(done.error ?? '导出没有完成，请重试')
    const parts = done.result?.parts ?? []
    // One workbook (most scopes) downloads at once; a split export lists its parts below.
    if (parts.length === 1) {
      await openDownload(parts[0]).catch((e: unknown) => toastText(errorMessage(e)))
      exportJob.clear()
    }
    toastSuccess(`已导出 ${done.result?.rows ?? 0} 条`)
  }
  const exportPanel = exportJob.job ? (
    <View className='ledger__gap-note' data-testid='export-progress'>
      {exportJob.job.state === 'running' ? <Text>正在导出：{progressText(exportJob.job)}，可以离开本页，回来后继续显示进度</Text> : null}
      {exportJob.job.state === 'failed' ? <Text>{exportJob.job.error}</Text> : null}
      {exportJob.job.state === 'done' && exportJob.job.result ? (
        <View>
          <Text>
            已导出 {exportJob.job.result.rows} 条，共 {exportJob.job.result.parts.length} 个文件（每个最多 1 万条），请逐个下载：
          </Text>
          {exportJob.job.result.parts.map((p) => (
            <View key={p.fileID ?? p.url ?? p.fileName} className='ledger__action' data-testid='export-part' onClick={() => void openDownload(p).catch((e: unknown) => toastText(errorMessage(e)))}>
              <Text>
                {p.fileName}（{p.rows} 条）
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  ) : null
  const filtered = Boolean(pending || stage || need || group || flag || keyword)

  return (
    <View className='ledger'>
      <View className='ledger__top'>
        <View className='ledger__head'>
          <View className='ledger__who'>
            <Text className='ledger__title'>{staff.orgName} 帮扶台帐</Text>
            <Text className='ledger__org'>
              {staff.name} · {ROLE_LABELS[staff.role]}
            </Text>
          </View>
          <View className='ledger__actions'>
            {can(staff.role, 'intent.write') && !drill ? (
              <View className='ledger__action' data-testid='register-entry' onClick={() => void Taro.navigateTo({ url: intentRoutes.register })}>
                <Text>代登记</Text>
              </View>
            ) : null}
            {can(staff.role, 'project.write') ? (
              <View className='ledger__action' data-testid='projects-entry' onClick={() => void Taro.navigateTo({ url: intentRoutes.projects })}>
                <Text>项目库</Text>
              </View>
            ) : null}
            {mayExport && tab === 'ledger' && !drill && !moneyDrill ? (
              <View className='ledger__export' data-testid='export-button'>
                <AtButton type='primary' size='small' loading={exporting} disabled={exporting} onClick={() => void doExport()}>
                  {exporting && exportJob.job ? progressText(exportJob.job) : '导出 Excel'}
                </AtButton>
              </View>
            ) : null}
          </View>
        </View>
        {exportPanel}
        {moneyDrill ? (
          <Text className='ledger__gap-note' data-testid='drill-title'>
            {moneyDrill.label}（{periodName(moneyDrill.period)}）
          </Text>
        ) : drill ? (
          <Text className='ledger__gap-note' data-testid='drill-title'>
            {INDEX_DEF_BY_KEY.get(drill.key)?.label} · {drill.side === 'num' ? INDEX_DEF_BY_KEY.get(drill.key)?.numLabel : INDEX_DEF_BY_KEY.get(drill.key)?.denLabel}（{periodName(drill.period)}）
          </Text>
        ) : tab === 'ledger' ? (
          <>
            <SearchBox value={input} onChange={setInput} onSearch={(v) => setKeyword(v.trim())} placeholder='按姓名搜索' maxLength={20} testId='ledger-search' />
            <ScrollView scrollX className='ledger__chips' enableFlex>
              <Chip label='待受理' tone='warning' active={pending} onClick={() => setPending(!pending)} testId='status-pending' />
              <Chip label='全部阶段' active={stage === null} onClick={() => setStage(null)} testId='stage-all' />
              {CASE_STAGES.map((s) => (
                <Chip key={s} label={CASE_STAGE_LABELS[s]} active={stage === s} onClick={() => setStage(stage === s ? null : s)} testId={`stage-${s}`} />
              ))}
            </ScrollView>
            <View className='ledger__more' onClick={() => setMore(!more)} data-testid='ledger-more-filters'>
              <Text>{more ? '收起筛选 ▲' : `更多筛选${need || group || flag ? '（已选）' : ''} ▼`}</Text>
            </View>
            {more ? (
              <View className='ledger__filters'>
                <Text className='ledger__filter-label'>需要的帮助</Text>
                <View className='ledger__filter-row'>
                  {NEEDS.map((n) => (
                    <Chip key={n} small label={NEED_LABELS[n]} active={need === n} onClick={() => setNeed(need === n ? null : n)} testId={`need-${n}`} />
                  ))}
                </View>
                <Text className='ledger__filter-label'>人群</Text>
                <View className='ledger__filter-row'>
                  {TARGET_GROUPS.map((g) => (
                    <Chip key={g} small label={TARGET_GROUP_LABELS[g]} active={group === g} onClick={() => setGroup(group === g ? null : g)} testId={`group-${g}`} />
                  ))}
                </View>
                <Text className='ledger__filter-label'>需要关注</Text>
                <View className='ledger__filter-row'>
                  {LEDGER_FLAGS.map((f) => (
                    <Chip key={f} small tone='warning' label={LEDGER_FLAG_LABELS[f]} active={flag === f} onClick={() => setFlag(flag === f ? null : f)} testId={`flag-${f}`} />
                  ))}
                </View>
              </View>
            ) : null}
          </>
        ) : (
          <Text className='ledger__gap-note'>{GAP_KIND_LABELS[tab]}：这些人需要尽快跟进</Text>
        )}
      </View>
      {/* 应享未享 depends on one community's policies: community staff only. */}
      {drill || moneyDrill ? null : (
        <SegmentTabs tabs={isCommunity ? TABS : TABS.filter((t) => t.key !== 'unbenefited')} value={tab} onChange={setTab} testIdPrefix='ledger-tab' />
      )}

      <View className='ledger__body'>
        <ListState
          list={list}
          reloginHint='请重新登录后再查看台帐'
          errorTitle='台帐加载失败'
          empty={{
            icon: tab === 'ledger' ? 'file-generic' : 'check-circle',
            title: drill || moneyDrill ? '这个数字背后没有台帐记录' : tab !== 'ledger' ? '没有需要处理的人' : filtered ? '没有符合条件的登记' : '还没有居民登记创业意向',
            description: tab !== 'ledger' ? '做得好，继续保持' : filtered ? '换个筛选条件试试' : '居民在小程序“我的”里就能登记',
          }}
        >
          <View className='ledger__table' data-testid='ledger-list'>
            <View className='ledger__row ledger__row--head'>
              <Text className='ledger__cell ledger__cell--name'>姓名</Text>
              <Text className='ledger__cell'>手机号</Text>
              <Text className='ledger__cell ledger__cell--id'>身份证号</Text>
              <Text className='ledger__cell'>人群</Text>
              <Text className='ledger__cell'>需要的帮助</Text>
              <Text className='ledger__cell'>阶段</Text>
              <Text className='ledger__cell'>登记日期</Text>
              <Text className='ledger__cell'>下次回访</Text>
              <Text className='ledger__cell ledger__cell--num'>跟进/创办</Text>
            </View>
            {list.items.map((r) => (
              <View
                key={r._id}
                className='ledger__row'
                data-testid='ledger-row'
                data-id={r._id}
                data-stage={r.stage}
                onClick={() => void Taro.navigateTo({ url: intentRoutes.staffCase(r._id) })}
              >
                <View className='ledger__cell ledger__cell--name'>
                  <Text className='ledger__name'>{r.name}</Text>
                  {r.status === 'pending' ? <Text className='ledger__badge'>待受理</Text> : null}
                  {'onBehalf' in r && r.onBehalf ? (
                    <Text className='ledger__badge ledger__badge--plain' data-testid='row-on-behalf'>
                      {r.claimed ? '代登记·已认领' : '代登记'}
                    </Text>
                  ) : null}
                </View>
                <Text className='ledger__cell ledger__cell--phone' data-testid='row-phone'>
                  {r.phoneMasked}
                </Text>
                <Text className='ledger__cell ledger__cell--id' data-testid='row-id'>
                  {r.idCardMasked}
                </Text>
                <Text className='ledger__cell ledger__cell--groups'>{r.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、') || '—'}</Text>
                <Text className='ledger__cell ledger__cell--needs'>{r.needs.length ? r.needs.map((n) => NEED_LABELS[n]).join('、') : '暂不需要'}</Text>
                <View className='ledger__cell ledger__cell--stage'>
                  <Chip small tone={STAGE_TONES[r.stage]} label={CASE_STAGE_LABELS[r.stage]} />
                </View>
                <Text className='ledger__cell ledger__cell--date'>{dayText(r.createdAt)}</Text>
                <Text className={`ledger__cell ledger__cell--next${r.overdue ? ' ledger__cell--overdue' : ''}`}>
                  {r.nextFollowUpDate ? `${r.overdue ? '逾期 ' : '回访 '}${r.nextFollowUpDate}` : '未约回访'}
                </Text>
                <Text className='ledger__cell ledger__cell--num'>
                  {r.followUpCount} / {r.ventureCount}
                </Text>
                {'reason' in r ? <Text className='ledger__reason'>{r.reason}</Text> : null}
              </View>
            ))}
            <ListFooter list={list} testId='load-more' />
          </View>
        </ListState>
      </View>
    </View>
  )
}

export default function LedgerPage() {
  // `tab=paired`: 我挂帮的创业者, the list behind the leader's workbench line.
  const paired = useRouter().params.tab === 'paired'
  return (
    <StaffLayout page='ledger'>
      {paired ? <PairedList /> : <LedgerPageBody />}
    </StaffLayout>
  )
}
