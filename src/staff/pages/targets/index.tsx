import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { JUDGING_KEYS, JUDGING_RULES, judgingText } from '@shared/domain/judging'
import { setLocalAverageInput, setTargetInput, splitTargetInput, type TargetRow, type TargetsOutput } from '@shared/contracts/indices'
import { TARGET_SOURCES, TARGET_SOURCE_SHORT, type TargetSource } from '@shared/domain/target'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { closeTargetYear, loadTargets, setLocalAverage, setTarget, splitTarget } from '../../../services/staff/indices'
import { errorMessage } from '../../../services/core/cloud'
import { getMe } from '../../../services/profile/profile'
import { routes } from '../../../utils/routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import StaffLayout from '../../components/staff-layout'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

/** A stored value as the form shows it: percentages in %, the rest as is. */
function shown(unit: TargetRow['unit'], v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  return unit === 'percent' ? String(+(v * 100).toFixed(2)) : String(v)
}
/** What the form typed, as stored: '' is no value. */
function parsed(unit: TargetRow['unit'], text: string): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  if (!Number.isFinite(n)) return Number.NaN
  return unit === 'percent' ? +(n / 100).toFixed(6) : n
}
const unitSuffix = (unit: TargetRow['unit']) => (unit === 'percent' ? '%' : unit === 'score' ? '分' : '')

/**
 * 目标与分解 (issue 21): an org's targets for a year, where each comes from (a seed document, or
 * 本级自定), and its children's shares. The city sets its own; each level splits its own among its
 * children (counts must add up; ratios are inherited unless a child gets its own).
 */
export default function TargetsPage() {
  return (
    <StaffLayout page='staffTargets'>
      <TargetsPageBody />
    </StaffLayout>
  )
}

function TargetsPageBody() {
  const me = useLoad(() => getMe(), [])
  const gate = staffGate(me, '目标与分解只对各级创建办和社区工作人员开放')
  return gate.stop ?? <Targets />
}

function Targets() {
  const { params } = useRouter()
  const [year, setYear] = useState(Number(params.year) || Number(shanghaiDate(new Date()).slice(0, 4)))
  const org = params.org || undefined
  const data = useLoad(() => loadTargets({ year, orgId: org }), [year, org])
  const [open, setOpen] = useState<string | null>(null)
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='没能打开目标' error={data.error} onAction={() => void data.reload()} />
  const d = data.data
  if (!d) return <PageState kind='loading' />
  const toggleClosed = async () => {
    try {
      await closeTargetYear(year, !d.closed)
      toastSuccess(d.closed ? `${year} 年目标已重新开放` : `${year} 年目标已关闭`)
      await data.reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return (
    <View className='tg' data-testid='targets'>
      <View className='tg__card'>
        <View className='tg__head'>
          <Text className='tg__year' onClick={() => setYear(year - 1)} data-testid='year-prev'>‹ {year - 1}</Text>
          <Text className='tg__heading tg__grow'>{d.org.name} · {year} 年目标</Text>
          <Text className='tg__year' onClick={() => setYear(year + 1)} data-testid='year-next'>{year + 1} ›</Text>
        </View>
        <Text className='tg__meta'>
          目标来自两份文件：{TARGET_SOURCE_SHORT['seed-000']}（{d.sourceLabels['seed-000']}）和{TARGET_SOURCE_SHORT['seed-001']}（{d.sourceLabels['seed-001']}）。标“自定”的是本级自己定的参考值，文件没有规定，不计入五项创建标准。
        </Text>
        {d.closed ? <Text className='tg__warn' data-testid='year-closed'>本年度目标已关闭，不能修改；如需修改请联系{d.reopenBy}重新开放。</Text> : null}
        {d.canClose ? (
          <View className='tg__btn'>
            <AtButton size='small' onClick={() => void toggleClosed()}>{d.closed ? '重新开放本年度目标' : '关闭本年度目标（考核定稿）'}</AtButton>
          </View>
        ) : null}
      </View>
      <AverageCard d={d} onSaved={() => void data.reload()} />
      <View className='tg__card' data-testid='judging-rules'>
        <Text className='tg__title'>判定规则（不是目标）</Text>
        {JUDGING_KEYS.map((k) => (
          <Text key={k} className='tg__meta'>{judgingText(JUDGING_RULES[k])}</Text>
        ))}
        <Text className='tg__meta'>这些规则决定指标灯“接近”和督查“临期”，以及目标在目标责任考核中的权重；文件没有规定，目前各年度相同，暂不能在此修改。</Text>
      </View>
      {d.rows.map((r) => (
        <Row key={r.index} d={d} r={r} open={open === r.index} onToggle={() => setOpen(open === r.index ? null : r.index)} onSaved={() => void data.reload()} />
      ))}
    </View>
  )
}

/** 当地平均数 of the 创业活动指数 (seed 000: 劳动者创业指数高于当地平均数): shown to all, set by the city. */
function AverageCard({ d, onSaved }: { d: TargetsOutput; onSaved: () => void }) {
  const a = d.localAverage
  const [text, setText] = useState(a?.source === 'entered' ? String(a.percent) : '')
  const form = useFormSubmit({ schema: setLocalAverageInput, submit: (v) => setLocalAverage(v), successToast: '当地平均数已保存', then: onSaved })
  return (
    <View className='tg__card' data-testid='local-average-card'>
      <Text className='tg__title'>当地平均数（创业活动指数）</Text>
      <Text className='tg__value' data-testid='local-average-value'>{a ? `${a.percent}%` : '未公布'}</Text>
      <Text className='tg__meta'>
        {a ? `${a.sourceLabel}${a.num !== null && a.den ? `：参与创业 ${a.num} 人 ÷ 劳动年龄人口 ${a.den} 人` : ''}。` : ''}
        创建标准要求社区的劳动者创业指数高于当地平均数；各社区看板按它比较，并在市民创业状况调查结果页公布。
      </Text>
      {d.canSet ? (
        <View className='tg__form'>
          <View className='tg__input-row'>
            <Input className='tg__input' type='digit' value={text} onInput={(ev) => setText(ev.detail.value)} placeholder='如统计部门的数字' data-testid='local-average-input' />
            <Text>%</Text>
          </View>
          {form.errors.percent ? <Text className='tg__error' data-testid='local-average-error'>{form.errors.percent}</Text> : null}
          <View className='tg__chips'>
            <AtButton size='small' type='primary' disabled={Boolean(form.busy)} onClick={() => void form.run({ year: d.year, percent: text.trim() === '' ? Number.NaN : Number(text) })}>
              保存录入的平均数
            </AtButton>
            <AtButton size='small' disabled={Boolean(form.busy)} onClick={() => void form.run({ year: d.year, percent: null })}>
              按全市数据计算
            </AtButton>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function SourceChip({ source }: { source: TargetSource }) {
  return <Chip small tone={source === 'local' ? 'warning' : 'success'} label={source === 'local' ? '自定' : TARGET_SOURCE_SHORT[source]} />
}

function Row({ d, r, open, onToggle, onSaved }: { d: TargetsOutput; r: TargetRow; open: boolean; onToggle: () => void; onSaved: () => void }) {
  const e = r.effective
  return (
    <View className='tg__card' data-testid={`target-row-${r.index}`}>
      <View className='tg__head' onClick={onToggle}>
        <Text className='tg__title tg__grow'>{r.label}</Text>
        {e ? <SourceChip source={e.source} /> : null}
      </View>
      <Text className='tg__value' data-testid={`target-value-${r.index}`}>{e ? e.text : '未设目标'}</Text>
      <Text className='tg__meta'>
        {e ? `${e.sourceLabel}${e.inherited ? '；沿用上级目标' : ''}${e.fromYear < d.year ? `；${e.fromYear} 年设定，沿用至今` : ''}` : r.split === 'sum' ? '数量目标由上级分解下达' : ''}
        {r.split === 'sum' && r.childSum !== null ? ` · 下级分解合计 ${r.childSum}` : ''}
      </Text>
      {open ? (
        <View>
          {d.canSet ? <SetForm d={d} r={r} onSaved={onSaved} /> : null}
          {d.canSplit && e ? <SplitForm d={d} r={r} onSaved={onSaved} /> : null}
          <View className='tg__children'>
            {r.children.map((c) => (
              <View key={c.org._id} className='tg__child' onClick={() => void Taro.navigateTo({ url: routes.staffTargets({ org: c.org._id, year: d.year }) })}>
                <Text className='tg__grow'>{c.org.name}</Text>
                <Text>{c.effective ? c.effective.text : '未分解'}{c.effective?.inherited ? '（沿用）' : ''} ›</Text>
              </View>
            ))}
          </View>
        </View>
      ) : d.canSet || d.canSplit || r.children.length ? (
        <Text className='tg__link' onClick={onToggle}>{d.canSet || d.canSplit ? '设定 / 分解 ›' : '查看下级 ›'}</Text>
      ) : null}
    </View>
  )
}

function SetForm({ d, r, onSaved }: { d: TargetsOutput; r: TargetRow; onSaved: () => void }) {
  const [text, setText] = useState(shown(r.unit, r.effective?.value))
  const [source, setSource] = useState<TargetSource>(r.own?.source ?? 'local')
  const form = useFormSubmit({ schema: setTargetInput, submit: (v) => setTarget(v), successToast: '目标已保存', then: onSaved })
  return (
    <View className='tg__form' data-testid={`set-${r.index}`}>
      <Text className='tg__label'>本级目标</Text>
      {r.kind === 'aboveLast' ? (
        <Text className='tg__meta'>这个指标的目标是“高于上年同期”，不填数值。</Text>
      ) : (
        <View className='tg__input-row'>
          <Input className='tg__input' type='digit' value={text} onInput={(ev) => setText(ev.detail.value)} placeholder='目标值' />
          <Text>{unitSuffix(r.unit)}</Text>
        </View>
      )}
      {form.errors.value ? <Text className='tg__error'>{form.errors.value}</Text> : null}
      <View className='tg__chips'>
        {TARGET_SOURCES.map((s) => (
          <Chip key={s} small label={s === 'local' ? '本级自定' : TARGET_SOURCE_SHORT[s]} active={source === s} onClick={() => setSource(s)} />
        ))}
      </View>
      <AtButton size='small' type='primary' disabled={Boolean(form.busy)} onClick={() => void form.run({ index: r.index, year: d.year, value: r.kind === 'aboveLast' ? null : parsed(r.unit, text), source })}>
        保存本级目标
      </AtButton>
    </View>
  )
}

function SplitForm({ d, r, onSaved }: { d: TargetsOutput; r: TargetRow; onSaved: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(r.children.map((c) => [c.org._id, shown(r.unit, c.own?.value)])))
  const form = useFormSubmit({ schema: splitTargetInput, submit: (v) => splitTarget(v), successToast: '已分解到下级', then: onSaved })
  if (r.kind === 'aboveLast') return null
  const total = r.children.reduce((n, c) => n + (parsed(r.unit, values[c.org._id] ?? '') ?? 0), 0)
  const shares = r.children.map((c) => ({ orgId: c.org._id, value: parsed(r.unit, values[c.org._id] ?? '') }))
  return (
    <View className='tg__form' data-testid={`split-${r.index}`}>
      <Text className='tg__label'>{r.split === 'sum' ? `分解到下级（合计须等于 ${r.effective?.value ?? 0}）` : '下级单独目标（留空则沿用本级）'}</Text>
      {r.children.map((c, i) => (
        <View key={c.org._id} className='tg__input-row'>
          <Text className='tg__grow'>{c.org.name}</Text>
          <Input className='tg__input' type='digit' value={values[c.org._id] ?? ''} placeholder={r.split === 'sum' ? '分解数' : '沿用'} onInput={(ev) => setValues({ ...values, [c.org._id]: ev.detail.value })} nativeProps={{ 'data-testid': `share-${c.org._id}` }} />
          <Text>{unitSuffix(r.unit)}</Text>
          {form.errors[`shares.${i}.value`] ? <Text className='tg__error'>{form.errors[`shares.${i}.value`]}</Text> : null}
        </View>
      ))}
      {r.split === 'sum' ? <Text className={total === r.effective?.value ? 'tg__meta' : 'tg__error'} data-testid={`split-total-${r.index}`}>合计 {total}</Text> : null}
      {form.errors.shares ? <Text className='tg__error'>{form.errors.shares}</Text> : null}
      <AtButton size='small' disabled={Boolean(form.busy)} onClick={() => void form.run({ index: r.index, year: d.year, orgId: d.org._id, shares })}>
        保存分解
      </AtButton>
    </View>
  )
}
