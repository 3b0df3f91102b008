import { useState } from 'react'
import { Input, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { DashboardOutput, RollupOutput } from '@shared/contracts/indices'
import { BASELINE_FIELDS, BASELINE_LABELS, type BaselineField, type IndexKey, type IndexValue, LIGHT_LABELS } from '@shared/domain/indices'
import { percentText } from '@shared/domain/percent'
import { type PeriodKind, periodName, periodsOf, previousPeriod } from '@shared/domain/period'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import { dayText } from '@shared/domain/time'
import { TARGET_SOURCE_SHORT } from '@shared/domain/target'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { approveBaseline, loadDashboard, loadRollup, saveBaseline } from '../../../services/staff/indices'
import { getMe } from '../../../services/profile/profile'
import { feedbackRoutes } from '../../../utils/feedback-routes'
import { routes } from '../../../utils/routes'
import { surveyRoutes } from '../../../utils/survey-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import TrendChart from '../../components/trend-chart'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import { MoneyBreakdown } from './money'
import './index.scss'

const KINDS: readonly SegmentTab<PeriodKind>[] = [
  { key: 'month', label: '月' },
  { key: 'quarter', label: '季度' },
  { key: 'year', label: '年' },
]

/** The next period of the same kind (the inverse of previousPeriod). */
function nextPeriod(p: string): string {
  const y = Number(p.slice(0, 4))
  if (/^\d{4}$/.test(p)) return String(y + 1)
  const q = /-Q(\d)$/.exec(p)
  if (q) return Number(q[1]) === 4 ? `${y + 1}-Q1` : `${y}-Q${Number(q[1]) + 1}`
  const m = Number(p.slice(-2))
  return m === 12 ? `${y + 1}-M01` : `${y}-M${String(m + 1).padStart(2, '0')}`
}

/** 0.153 → 15.3%, 86.24 → 86.2 分, 3 → 3. */
function formatValue(i: Pick<IndexValue, 'unit' | 'value'>): string {
  if (i.value === null) return '—'
  if (i.unit === 'percent') return percentText(i.value)
  if (i.unit === 'score') return `${i.value.toFixed(1)} 分`
  return String(i.value)
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('zh-CN') : n.toFixed(1)
}

const LIGHT_ICON: Record<IndexValue['light'], string> = { meets: '✓', close: '!', below: '✕', none: '·' }

/** Where the records behind a figure that is not ledger cases are listed. */
const SOURCE_PAGES: Partial<Record<IndexKey, string>> = {
  satisfactionEnvironment: surveyRoutes.staffList,
  satisfactionService: surveyRoutes.staffList,
  satisfactionComposite: surveyRoutes.staffList,
  staffInPlace: routes.staffTeam,
  feedbackOnTime: feedbackRoutes.inbox,
  feedbackRating: feedbackRoutes.inbox,
  complaintsUnresolved: feedbackRoutes.inbox,
}

/** Short trend labels: 11月, Q4, 2026. */
function shortLabel(period: string): string {
  if (/^\d{4}$/.test(period)) return period
  const q = /-Q(\d)$/.exec(period)
  if (q) return `${period.slice(2, 4)}Q${q[1]}`
  return `${Number(period.slice(-2))}月`
}

/** 指标看板: the indices of the staff member's scope against the programme's targets. */
function DashboardPageBody() {
  const router = useRouter()
  const me = useLoad(() => getMe(), [])
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  const today = periodsOf(new Date())
  const [kind, setKind] = useState<PeriodKind>('month')
  const [period, setPeriod] = useState<string>(today.month)
  const [orgId, setOrgId] = useState<string | undefined>(router.params.org ? decodeURIComponent(router.params.org) : undefined)
  const [selected, setSelected] = useState<IndexKey>('activity')
  const [sortBy, setSortBy] = useState<IndexKey>('activity')

  const dash = useLoad<DashboardOutput | null>(() => (staff ? loadDashboard({ period, orgId }) : Promise.resolve(null)), [staff?.orgId, staff?.role, period, orgId])
  const upper = Boolean(dash.data && dash.data.org.level !== 'community')
  const roll = useLoad<RollupOutput | null>(
    () => (staff && dash.data && dash.data.org.level !== 'community' ? loadRollup({ period, orgId: dash.data.org._id, sortBy }) : Promise.resolve(null)),
    [staff?.orgId, period, dash.data?.org._id, sortBy],
  )

  useDidShow(() => {
    if (dash.data) void dash.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([dash.reload(), roll.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = staffGate(me, '指标看板只对社区创业指导员和各级创建办开放')
  if (gate.stop || !staff) return gate.stop

  const switchKind = (k: PeriodKind) => {
    setKind(k)
    setPeriod(today[k])
  }
  const atLatest = period >= today[kind]
  const d = dash.data

  return (
    <View className='dash'>
      <View className='dash__top'>
        <View className='dash__head'>
          <View className='dash__who'>
            <Text className='dash__title' data-testid='dash-org'>
              {d?.org.name ?? staff.orgName} 指标看板
            </Text>
            <Text className='dash__sub'>
              {staff.name} · {ROLE_LABELS[staff.role]}
              {d && d.communities > 1 ? ` · 汇总 ${d.communities} 个社区` : ''}
            </Text>
          </View>
          {orgId && orgId !== staff.orgId ? (
            <View className='dash__back' onClick={() => setOrgId(undefined)} data-testid='dash-own'>
              <Text>回到{staff.orgName}</Text>
            </View>
          ) : null}
        </View>
        <SegmentTabs tabs={KINDS} value={kind} onChange={switchKind} testIdPrefix='dash-kind' />
        <View className='dash__period'>
          <View className='dash__arrow' onClick={() => setPeriod(previousPeriod(period))} aria-label='上一期' data-testid='dash-prev'>
            <Text>‹</Text>
          </View>
          <Text className='dash__period-name' data-testid='dash-period'>
            {periodName(period)}
          </Text>
          <View
            className={`dash__arrow${atLatest ? ' dash__arrow--off' : ''}`}
            onClick={() => (atLatest ? undefined : setPeriod(nextPeriod(period)))}
            aria-label='下一期'
            data-testid='dash-next'
          >
            <Text>›</Text>
          </View>
        </View>
      </View>

      {dash.status === 'error' && !d ? (
        <PageState kind='error' title='指标加载失败' error={dash.error} onAction={() => void dash.reload()} compact />
      ) : !d ? (
        <PageState kind='loading' compact />
      ) : (
        <View className='dash__body'>
          <Criteria d={d} />

          <View className='dash__section'>
            <Text className='dash__section-title'>核心指标</Text>
            <Text className='dash__part dash__part--link' data-testid='open-targets' onClick={() => void Taro.navigateTo({ url: routes.staffTargets({ org: d.org._id, year: Number(d.period.slice(0, 4)) }) })}>
              目标从哪里来、如何分解 ›
            </Text>
            <Text className='dash__legend' data-testid='light-legend'>
              {LIGHT_ICON.meets} {LIGHT_LABELS.meets} · {LIGHT_ICON.close} {LIGHT_LABELS.close}（{d.lightRule.text}；{d.lightRule.sourceLabel}） · {LIGHT_ICON.below} {LIGHT_LABELS.below}
            </Text>
            <View className='dash__cards' data-testid='index-cards'>
              {d.indices.map((i) => (
                <IndexCard
                  key={i.key}
                  i={i}
                  active={selected === i.key}
                  average={i.key === 'activity' ? d.localAverage : null}
                  onSelect={() => setSelected(i.key)}
                  onDrill={
                    d.canDrill && i.drill
                      ? (side) => void Taro.navigateTo({ url: routes.staffDrilldown({ key: i.key, side, period, org: d.org._id }) })
                      : SOURCE_PAGES[i.key] && !upper
                        ? () => void Taro.navigateTo({ url: SOURCE_PAGES[i.key] ?? '' })
                        : undefined
                  }
                />
              ))}
            </View>
          </View>

          <Trend d={d} selected={selected} onSelect={setSelected} />

          {upper ? (
            <ChildrenTable
              roll={roll.data}
              loading={roll.status === 'loading'}
              sortBy={sortBy}
              onSort={setSortBy}
              onOpen={(id) => {
                setOrgId(id)
              }}
            />
          ) : null}

          <MoneyBreakdown period={period} orgId={d.org._id} />
          <Activity d={d} />
          {d.baseline ? <Baseline d={d} onSaved={() => void dash.reload()} /> : null}
          {!can(staff.role, 'intent.read') ? null : (
            <Text className='dash__foot'>点“分子 / 分母”可以看到背后的台帐名单。数字每次写入台帐时即时更新，每晚与原始记录核对一次。</Text>
          )}
        </View>
      )}
    </View>
  )
}

/** The five 创建标准 as a checklist of their quantitative parts. */
function Criteria({ d }: { d: DashboardOutput }) {
  return (
    <View className='dash__section dash__criteria' data-testid='criteria'>
      <Text className='dash__section-title'>五项创建标准（量化部分）</Text>
      {d.criteria.map((c) => {
        const done = c.of > 0 && c.met === c.of
        return (
          <View key={c.criterion} className='dash__criterion' data-testid={`criterion-${c.criterion}`} data-met={c.met} data-of={c.of}>
            <View className={`dash__check dash__check--${done ? 'ok' : c.missing === c.of ? 'none' : 'todo'}`}>
              <Text>{done ? '✓' : c.missing === c.of ? '?' : '✕'}</Text>
            </View>
            <View className='dash__criterion-main'>
              <Text className='dash__criterion-name'>{c.label}</Text>
              <Text className='dash__criterion-items'>
                {c.items.map((it) => `${it.label} ${LIGHT_LABELS[it.light] === '—' ? (it.value === null ? '缺数据' : '参考') : LIGHT_LABELS[it.light]}`).join(' · ')}
              </Text>
              {c.checks?.map((k) => (
                <Text key={k.key} className='dash__criterion-items' data-testid={`check-${k.key}`} data-met={String(k.met)}>
                  {k.label} {k.met === null ? '缺数据' : k.met ? '达标' : '未达标'}（{k.detail}）
                </Text>
              ))}
              {c.checks?.some((k) => k.key.startsWith('setup')) ? (
                <Text className='dash__link' data-testid={`setup-link-${c.criterion}`} onClick={() => void Taro.navigateTo({ url: routes.orgSetup(d.org._id) })}>
                  组织体系 ›
                </Text>
              ) : null}
            </View>
            <Text className='dash__criterion-count'>
              {c.of ? `${c.met}/${c.of} 达标` : '参考项'}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

function IndexCard({
  i,
  active,
  average,
  onSelect,
  onDrill,
}: {
  i: IndexValue
  active: boolean
  /** 创业活动指数 only: the 当地平均数 it is compared with (seed 000: 劳动者创业指数高于当地平均数). */
  average?: DashboardOutput['localAverage']
  onSelect: () => void
  onDrill?: (side: 'num' | 'den') => void
}) {
  return (
    <View className={`dash__card dash__card--${i.light}${active ? ' dash__card--active' : ''}`} onClick={onSelect} data-testid={`index-${i.key}`} data-light={i.light}>
      <View className='dash__card-head'>
        <Text className='dash__card-label'>{i.label}</Text>
        <View className={`dash__light dash__light--${i.light}`}>
          <Text>
            {LIGHT_ICON[i.light]} {i.light === 'none' ? (i.value === null ? '缺数据' : i.target ? (i.target.kind === 'increase' ? '全年考核' : '无可比') : '无目标') : LIGHT_LABELS[i.light]}
          </Text>
        </View>
      </View>
      <Text className='dash__value' data-testid={`value-${i.key}`}>
        {formatValue(i)}
      </Text>
      {i.missing ? <Text className='dash__missing'>{i.missing}</Text> : null}
      <View className='dash__fraction'>
        <Text
          className={`dash__part${onDrill ? ' dash__part--link' : ''}`}
          data-testid={`num-${i.key}`}
          onClick={(e) => {
            if (!onDrill) return
            e.stopPropagation()
            onDrill('num')
          }}
        >
          {i.numLabel} {formatNumber(i.numerator)}
        </Text>
        {i.denominator !== null && i.denLabel ? (
          <Text
            className={`dash__part${onDrill && i.drill?.den ? ' dash__part--link' : ''}`}
            data-testid={`den-${i.key}`}
            onClick={(e) => {
              if (!onDrill || !i.drill?.den) return
              e.stopPropagation()
              onDrill('den')
            }}
          >
            {' / '}
            {i.denLabel} {formatNumber(i.denominator)}
          </Text>
        ) : null}
      </View>
      <Text className='dash__target' data-testid={`target-${i.key}`}>
        {i.target ? `目标 ${i.target.text}` : '未设目标'}
        {i.target ? `（${i.target.source === 'local' ? '本级自定，文件未规定' : TARGET_SOURCE_SHORT[i.target.source]}${i.target.inherited ? '，沿用上级' : ''}）` : ''}
        {i.target?.kind === 'aboveLast' && i.lastYear !== null ? ` · 上年同期 ${formatValue({ unit: i.unit, value: i.lastYear })}` : ''}
        {i.previous !== null && i.unit === 'count' ? ` · 上期 ${i.previous}` : ''}
        {i.lowN ? ' · 样本少于 30，仅供参考' : ''}
        {i.denominatorUnapproved ? <Text className='dash__unapproved' data-testid={`unapproved-${i.key}`}> · 基数待街道审核</Text> : null}
        {i.coverage && i.coverage.with < i.coverage.of ? ` · ${i.coverage.with}/${i.coverage.of} 个社区有数据` : ''}
      </Text>
      {average ? (
        <Text
          className={`dash__target dash__average dash__average--${average.above === null ? 'none' : average.above ? 'ok' : 'below'}`}
          data-testid='local-average'
          onClick={(e) => {
            e.stopPropagation()
            void Taro.navigateTo({ url: surveyRoutes.census() })
          }}
        >
          当地平均数 {average.view.percent}%（{average.view.sourceLabel}）· {average.above === null ? '缺数据，无法比较' : average.above ? '✓ 高于平均数' : '✕ 未高于平均数'} ›
        </Text>
      ) : null}
      {i.cohorts?.length ? (
        <Text className='dash__target' data-testid={`cohorts-${i.key}`}>
          按创办月份：{i.cohorts.map((c) => `${Number(c.cohort.slice(-2))}月 ${c.num}/${c.den}`).join('，')}
        </Text>
      ) : null}
    </View>
  )
}

function Trend({ d, selected, onSelect }: { d: DashboardOutput; selected: IndexKey; onSelect: (k: IndexKey) => void }) {
  const i = d.indices.find((x) => x.key === selected) ?? d.indices[0]
  const points = d.trends[i.key]
  const target = i.target?.kind === 'min' ? i.target.value : null
  return (
    <View className='dash__section' data-testid='trend'>
      <Text className='dash__section-title'>趋势：{i.label}</Text>
      <ScrollView scrollX className='dash__trend-keys' enableFlex>
        {d.indices.map((x) => (
          <Chip key={x.key} small label={x.label} active={x.key === i.key} onClick={() => onSelect(x.key)} testId={`trend-${x.key}`} />
        ))}
      </ScrollView>
      <TrendChart
        labels={points.map((p) => shortLabel(p.period))}
        values={points.map((p) => p.value)}
        unit={i.unit}
        target={target}
        label={`${i.label}的趋势：${points.map((p) => `${p.label} ${formatValue({ unit: i.unit, value: p.value })}`).join('，')}`}
      />
    </View>
  )
}

function ChildrenTable({
  roll,
  loading,
  sortBy,
  onSort,
  onOpen,
}: {
  roll: RollupOutput | null
  loading: boolean
  sortBy: IndexKey
  onSort: (k: IndexKey) => void
  onOpen: (orgId: string) => void
}) {
  const columns: IndexKey[] = ['activity', 'employmentDriven', 'assistanceCoverage', 'policyEnjoyment', 'initialSuccess', 'survival12', 'satisfactionComposite', 'staffInPlace']
  return (
    <View className='dash__section' data-testid='children'>
      <Text className='dash__section-title'>下级排名（点列名排序，点单位查看）</Text>
      {!roll ? (
        <PageState kind='loading' compact />
      ) : (
        <ScrollView scrollX className='dash__table-wrap' enableFlex>
          <View className={`dash__table${loading ? ' dash__table--busy' : ''}`}>
            <View className='dash__tr dash__tr--head'>
              <Text className='dash__td dash__td--org'>单位</Text>
              {columns.map((k) => {
                const label = roll.rows[0]?.indices.find((x) => x.key === k)?.label ?? k
                return (
                  <Text key={k} className={`dash__td${sortBy === k ? ' dash__td--sorted' : ''}`} onClick={() => onSort(k)} data-testid={`sort-${k}`}>
                    {label}
                    {sortBy === k ? ' ↓' : ''}
                  </Text>
                )
              })}
            </View>
            {roll.rows.map((r, n) => (
              <View key={r.org._id} className='dash__tr' data-testid='child-row' data-org={r.org._id}>
                <View className='dash__td dash__td--org' onClick={() => onOpen(r.org._id)}>
                  <Text className='dash__rank'>{n + 1}</Text>
                  <Text className='dash__org-link'>{r.org.name}</Text>
                  {r.belowTarget.length ? <Text className='dash__flag'>{r.belowTarget.length} 项未达标</Text> : null}
                </View>
                {columns.map((k) => {
                  const i = r.indices.find((x) => x.key === k)
                  return (
                    <Text key={k} className={`dash__td dash__td--${i?.light ?? 'none'}`} data-testid={`cell-${k}`}>
                      {i ? `${formatValue(i)}${i.light === 'below' ? ' ✕' : i.light === 'meets' ? ' ✓' : ''}` : '—'}
                    </Text>
                  )
                })}
              </View>
            ))}
          </View>
        </ScrollView>
      )}
    </View>
  )
}

function Activity({ d }: { d: DashboardOutput }) {
  return (
    <View className='dash__section' data-testid='activity'>
      <Text className='dash__section-title'>本期工作量</Text>
      <View className='dash__activity'>
        {d.activity.map((a) => (
          <View key={a.metric} className='dash__stat' data-testid={`activity-${a.metric}`}>
            <Text className='dash__stat-value'>{a.value}</Text>
            <Text className='dash__stat-label'>{a.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** The community's baseline for this period: the denominators the app cannot count. */
function Baseline({ d, onSaved }: { d: DashboardOutput; onSaved: () => void }) {
  const initial = d.baseline ?? { workingAge: null, employed: null, newEmployment: null }
  const [values, setValues] = useState<Record<BaselineField, string>>({
    workingAge: initial.workingAge ? String(initial.workingAge) : '',
    employed: initial.employed ? String(initial.employed) : '',
    newEmployment: initial.newEmployment ? String(initial.newEmployment) : '',
  })
  const [errors, setErrors] = useState<Partial<Record<BaselineField, string>>>({})
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const input: Record<BaselineField, number | null> = { workingAge: null, employed: null, newEmployment: null }
    const errs: Partial<Record<BaselineField, string>> = {}
    for (const f of BASELINE_FIELDS) {
      const raw = values[f].trim()
      if (!raw) continue
      const n = Number(raw)
      if (!Number.isInteger(n) || n < 1) errs[f] = '请填写正整数'
      else input[f] = n
    }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setSaving(true)
    try {
      await saveBaseline({ communityId: d.org._id, period: d.period, ...input })
      toastSuccess('基数已保存')
      onSaved()
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  const approve = async () => {
    setSaving(true)
    try {
      await approveBaseline(d.org._id, d.period)
      toastSuccess('已审核通过')
      onSaved()
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='dash__section dash__baseline' data-testid='baseline'>
      <Text className='dash__section-title'>本期基数（{d.periodName}）</Text>
      <Text className='dash__hint'>这些人数小程序统计不到，请按街道、统计部门的数字填写。季度、年度没填时，会用所在季度或年度的数字。</Text>
      {BASELINE_FIELDS.map((f) => (
        <View key={f} className='dash__field'>
          <Text className='dash__field-label'>{BASELINE_LABELS[f]}</Text>
          <Input
            className='dash__input'
            type='number'
            value={values[f]}
            disabled={!d.canEditBaseline}
            placeholder={d.canEditBaseline ? '人数' : '未填写'}
            onInput={(e) => setValues({ ...values, [f]: e.detail.value })}
            data-testid={`baseline-${f}`}
            aria-label={BASELINE_LABELS[f]}
          />
          {errors[f] ? <Text className='dash__error'>{errors[f]}</Text> : null}
        </View>
      ))}
      {d.baselineReview?.entered ? (
        <Text className={`dash__hint${d.baselineReview.approved ? '' : ' dash__unapproved'}`} data-testid='baseline-review'>
          {d.baselineReview.approved
            ? `街道已审核：${d.baselineReview.approvedBy}，${dayText(d.baselineReview.approvedAt)}`
            : '本期基数还没有经过街道审核，用到它的指标会标出“基数待街道审核”'}
        </Text>
      ) : null}
      {d.canApproveBaseline && d.baselineReview?.entered && !d.baselineReview.approved ? (
        <View data-testid='baseline-approve'>
          <AtButton type='primary' size='small' loading={saving} disabled={saving} onClick={() => void approve()}>
            审核通过本期基数
          </AtButton>
        </View>
      ) : null}
      {d.canEditBaseline ? (
        <View data-testid='baseline-save'>
          <AtButton type='primary' size='small' loading={saving} disabled={saving} onClick={() => void save()}>
            保存基数
          </AtButton>
        </View>
      ) : null}
    </View>
  )
}

export default function DashboardPage() {
  return (
    <StaffLayout page='staffDashboard'>
      <DashboardPageBody />
    </StaffLayout>
  )
}
