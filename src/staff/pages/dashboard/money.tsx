import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MoneyOutput } from '@shared/contracts/indices'
import type { MoneyRow } from '@shared/domain/indices'
import { yuanLabel } from '@shared/domain/money'
import { useLoad } from '../../../hooks/use-load'
import { loadMoney } from '../../../services/staff/indices'
import { routes } from '../../../utils/routes'

/** 政策享受与贷款: 政策享受率 and 应享未享 overall and per target group; counts and amounts by kind, target group, policy and loan step; each row opens its cases. */
export function MoneyBreakdown({ period, orgId }: { period: string; orgId: string }) {
  const money = useLoad<MoneyOutput>(() => loadMoney({ period, orgId }), [period, orgId])
  const m = money.data
  if (!m) return null
  const open = (r: Pick<MoneyRow, 'metric' | 'label'>) =>
    m.canDrill ? () => void Taro.navigateTo({ url: routes.staffMoneyCases({ metric: r.metric, label: r.label, period, org: orgId }) }) : undefined
  const table = (title: string, rows: readonly (Pick<MoneyRow, 'metric' | 'label' | 'count' | 'amountFen'> & { key?: string })[], testId: string, unit = '人次') => (
    <View className='dash__section' data-testid={testId}>
      <Text className='dash__section-title'>{title}</Text>
      <View className='dash__benefits'>
        {rows.map((r) => (
          <View key={r.metric} className='dash__benefit' data-testid={`${testId}-${r.key ?? r.metric}`} onClick={r.count ? open(r) : undefined}>
            <Text className='dash__benefit-name'>{r.label}</Text>
            <Text className='dash__benefit-count'>
              {r.count} {unit}
            </Text>
            <Text className='dash__benefit-amount'>{r.amountFen ? yuanLabel(r.amountFen) : '—'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
  const total = m.byKind.reduce((n, b) => n + b.count, 0)
  const fen = m.byKind.reduce((n, b) => n + b.amountFen, 0)
  const four = m.fourInOne
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)
  return (
    <View data-testid='money'>
      <View className='dash__section' data-testid='money-enjoyment'>
        <Text className='dash__section-title'>政策享受率 · 按人群（{m.periodName}末，已享受/符合在效政策的创业者；点“应享未享”看名单）</Text>
        <View className='dash__benefits'>
          {m.enjoyment.filter((r) => r.key === 'all' || r.eligible).map((r) => (
            <View key={r.key} className='dash__benefit' data-testid={`money-enjoyment-${r.key}`} onClick={r.missing ? open({ metric: r.metric, label: `${r.label} · 应享未享` }) : undefined}>
              <Text className='dash__benefit-name'>{r.label}</Text>
              <Text className='dash__benefit-count'>
                {pct(r.value)}（{r.benefited}/{r.eligible}）
              </Text>
              <Text className='dash__benefit-amount'>{r.missing ? `应享未享 ${r.missing} 人` : '—'}</Text>
            </View>
          ))}
        </View>
      </View>
      {table(`政策享受 · 按类别（${m.periodName}，共 ${total} 人次，${yuanLabel(fen)}）`, m.byKind.map((r) => ({ ...r, key: r.kind })), 'money-kind')}
      {table('政策享受 · 按人群（一人属多个人群时各计一次）', m.byGroup.filter((r) => r.count), 'money-group')}
      {m.byPolicy.length ? table('政策享受 · 按政策', m.byPolicy, 'money-policy') : null}
      {table('创业担保贷款 · 各环节', m.loanSteps.map((r) => ({ ...r, key: r.step })), 'money-loan', '笔')}
      <View className='dash__section' data-testid='money-four'>
        <Text className='dash__section-title'>四位一体（培训 + 项目 + 贷款 + 导师）</Text>
        <Text className='dash__benefit-name' onClick={four.num ? open({ metric: four.metric, label: '四位一体的贷款' }) : undefined}>
          本期放款 {four.den} 笔，其中四项齐全 {four.num} 笔{four.value === null ? '' : `（${Math.round(four.value * 1000) / 10}%）`}
          {m.overridden ? `；不符合条件特批享受 ${m.overridden} 人次` : ''}
        </Text>
      </View>
    </View>
  )
}
