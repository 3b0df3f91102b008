import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { defineRubricInput, type RubricOutput, type ScoreRankingOutput } from '@shared/contracts/evaluation'
import { RUBRIC_KIND_LABELS, RUBRIC_TOTAL, type RubricItem } from '@shared/domain/review-rubric'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { closeRubric, defineRubric, reviewRubric, scoreRanking } from '../../../services/staff/evaluation'
import { currentYear, evaluationRoutes } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/**
 * 评审内容与评分: the district's 评审内容 for the year (its officer edits it) and the ranking of
 * each district's communities by the reviewers' totals, the city's spot-check score beside.
 */
function EvaluationScoresPageBody() {
  const { params } = useRouter()
  const year = Number(params.year) || currentYear()
  const district = params.district || undefined
  // Opened from the workbench's 评审待打分 line: only the communities waiting for the caller's score.
  const [waitingOnly, setWaitingOnly] = useState(params.waiting === '1')
  const ranking = useLoad(() => scoreRanking(year), [year])
  // The city reads a district's rubric only when it names one.
  const rubric = useLoad(() => (district || ranking.data?.districts.length === 1 ? reviewRubric(year, district) : Promise.resolve(null)), [year, district, ranking.data?.districts.length])
  useDidShow(() => {
    if (ranking.data) void ranking.reload()
  })
  if (ranking.status === 'error' && !ranking.data) {
    return <PageState kind='error' title='没能打开评审评分' error={ranking.error} onAction={() => void ranking.reload()} />
  }
  if (!ranking.data) return <PageState kind='loading' />
  const r = rubric.data
  const list = <Ranking data={ranking.data} waitingOnly={waitingOnly} setWaitingOnly={setWaitingOnly} />
  return (
    <View className='ev' data-testid='evaluation-scores'>
      {/* The communities waiting for a score come first; the 评审内容 follows for reference. */}
      {waitingOnly ? list : null}
      {r ? <RubricCard key={`${r.version}:${r.closed}`} rubric={r} reload={() => void Promise.all([rubric.reload(), ranking.reload()])} /> : null}
      {rubric.status === 'error' ? <Text className='ev__note'>{errorMessage(rubric.error)}</Text> : null}
      {waitingOnly ? null : list}
    </View>
  )
}

function RubricCard({ rubric: r, reload }: { rubric: RubricOutput; reload: () => void }) {
  const [items, setItems] = useState<RubricItem[]>(() => r.items.map((i) => ({ ...i, indices: [...i.indices] })))
  const [text, setText] = useState<Record<string, { weight: string; max: string }>>(() => Object.fromEntries(r.items.map((i) => [i.key, { weight: String(i.weight), max: String(i.max) }])))
  const form = useFormSubmit({ schema: defineRubricInput, submit: (v) => defineRubric(v), successToast: '评审内容已保存', then: reload })
  const edit = r.mayEdit
  const current = items.map((i) => ({ ...i, weight: Number(text[i.key]?.weight ?? i.weight), max: Number(text[i.key]?.max ?? i.max) }))
  const sum = current.reduce((a, i) => a + (Number.isFinite(i.weight) ? i.weight : 0), 0)
  const patch = (key: string, p: Partial<RubricItem>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x)))
  const add = () => {
    let n = items.length + 1
    while (items.some((x) => x.key === `c${n}`)) n++
    const key = `c${n}`
    setItems((xs) => [...xs, { key, kind: 'qualitative', label: '', weight: 0, max: 10, indices: [] }])
    setText((t) => ({ ...t, [key]: { weight: '0', max: '10' } }))
  }
  const setClosed = async (closed: boolean) => {
    try {
      await closeRubric(r.year, closed)
      toastSuccess(closed ? '本年度评审已关闭' : '本年度评审已重新打开')
      reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  const err = (n: number, f: string) => form.errors[`items.${n}.${f}`]
  return (
    <View className='ev__card' data-testid='rubric'>
      <Text className='ev__title'>{r.districtName} {r.year} 年评审内容</Text>
      <Text className='ev__meta'>
        {r.custom ? `已制定（第 ${r.version} 版）` : '还没有制定：以下是市创建办文件中的五项定性、五项定量内容，可按本区实际修改后保存'} · 权重合计 {RUBRIC_TOTAL} 分
        {r.submitted ? ` · 已有 ${r.submitted} 份评分提交，评审内容不能再改` : ''}
      </Text>
      {r.closed ? <Text className='ev__note' data-testid='rubric-closed'>本年度评审已关闭，不能评分或修改；{r.districtName}创建办可以重新打开。</Text> : null}
      {current.map((i, n) => (
        <View key={i.key} className='ev__item' data-testid={`rubric-item-${i.key}`}>
          {edit ? (
            <View>
              <Input className='ev__input' value={i.label} placeholder='评审内容' onInput={(e) => patch(i.key, { label: e.detail.value })} nativeProps={{ 'data-testid': `rubric-label-${i.key}` }} />
              {err(n, 'label') ? <Text className='ev-rubric__error'>{err(n, 'label')}</Text> : null}
              <View className='ev__chips'>
                {(['qualitative', 'quantitative'] as const).map((k) => (
                  <Chip key={k} small checkable label={RUBRIC_KIND_LABELS[k]} active={i.kind === k} testId={`rubric-kind-${i.key}-${k}`} onClick={() => patch(i.key, { kind: k, indices: k === 'qualitative' ? [] : i.indices })} />
                ))}
                <Text className='ev-rubric__field'>权重</Text>
                <Input className='ev-rubric__num' type='number' value={text[i.key]?.weight ?? ''} onInput={(e) => setText((t) => ({ ...t, [i.key]: { ...t[i.key], weight: e.detail.value } }))} nativeProps={{ 'data-testid': `rubric-weight-${i.key}` }} />
                <Text className='ev-rubric__field'>满分</Text>
                <Input className='ev-rubric__num' type='number' value={text[i.key]?.max ?? ''} onInput={(e) => setText((t) => ({ ...t, [i.key]: { ...t[i.key], max: e.detail.value } }))} nativeProps={{ 'data-testid': `rubric-max-${i.key}` }} />
                <Text className='ev__link' onClick={() => setItems((xs) => xs.filter((x) => x.key !== i.key))}>删除</Text>
              </View>
              {err(n, 'weight') || err(n, 'max') ? <Text className='ev-rubric__error'>{err(n, 'weight') ?? err(n, 'max')}</Text> : null}
              {i.kind === 'quantitative' ? (
                <View className='ev__chips'>
                  <Text className='ev-rubric__field'>依据指数</Text>
                  {r.indexOptions.map((o) => (
                    <Chip
                      key={o.key}
                      small
                      checkable
                      label={o.label}
                      active={i.indices.includes(o.key)}
                      onClick={() => patch(i.key, { indices: i.indices.includes(o.key) ? i.indices.filter((x) => x !== o.key) : [...i.indices, o.key] })}
                    />
                  ))}
                </View>
              ) : null}
            </View>
          ) : (
            <View>
              <View className='ev__head'>
                <Text className='ev__grow'>{n + 1}. {i.label}</Text>
                <Chip small tone={i.kind === 'quantitative' ? 'primary' : 'neutral'} label={RUBRIC_KIND_LABELS[i.kind]} />
              </View>
              <Text className='ev__meta'>
                权重 {i.weight} 分 · 0–{i.max}
                {i.indices.length ? ` · 依据：${i.indices.map((k) => r.indexOptions.find((o) => o.key === k)?.label ?? k).join('、')}` : ''}
              </Text>
            </View>
          )}
        </View>
      ))}
      {edit ? (
        <View>
          <Text className={sum === RUBRIC_TOTAL ? 'ev__meta' : 'ev-rubric__error'} data-testid='rubric-sum'>权重合计 {sum} 分{sum === RUBRIC_TOTAL ? '' : `（应为 ${RUBRIC_TOTAL} 分）`}</Text>
          {form.errors.items ? <Text className='ev-rubric__error' data-testid='rubric-error'>{form.errors.items}</Text> : null}
          <View className='ev__actions'>
            <View className='ev__btn'><AtButton size='small' onClick={add}>添加一项</AtButton></View>
            <View className='ev__btn' data-testid='rubric-save'>
              <AtButton size='small' type='primary' loading={form.busy !== null} onClick={() => void form.run({ year: r.year, version: r.version || undefined, items: current })}>保存评审内容</AtButton>
            </View>
          </View>
        </View>
      ) : null}
      {r.mayClose ? (
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='rubric-close'><AtButton size='small' onClick={() => void setClosed(!r.closed)}>{r.closed ? '重新打开本年度评审' : '关闭本年度评审'}</AtButton></View>
        </View>
      ) : null}
    </View>
  )
}

function Ranking({ data, waitingOnly, setWaitingOnly }: { data: ScoreRankingOutput; waitingOnly: boolean; setWaitingOnly: (on: boolean) => void }) {
  const show = (x: number | null) => (x === null ? '—' : x.toFixed(1))
  const rows = data.districts.flatMap((d) => d.rows)
  // The caller's level scores: the rows say which wait for it, and the list can show only those.
  const scores = rows.some((r) => r.toScore !== undefined)
  const waiting = rows.filter((r) => r.toScore).length
  const only = scores && waitingOnly
  return (
    <>
      {scores ? (
        <View className='ev__chips' data-testid='score-filter'>
          <Chip checkable label={`待我打分 ${waiting}`} active={only} testId='score-filter-waiting' onClick={() => setWaitingOnly(true)} />
          <Chip checkable label={`全部社区 ${rows.length}`} active={!only} testId='score-filter-all' onClick={() => setWaitingOnly(false)} />
        </View>
      ) : null}
      {only && !waiting ? <PageState kind='empty' title='没有等你打分的社区' description={`${data.year} 年已申报的社区都已提交了评分`} /> : null}
      {data.districts.filter((d) => !only || d.rows.some((r) => r.toScore)).map((d) => (
        <View key={d.districtId} className='ev__card' data-testid={`score-ranking-${d.districtId}`}>
          <View className='ev__head'>
            <Text className='ev__grow ev__section'>{d.districtName} {data.year} 年评审排名</Text>
            {d.closed ? <Chip small tone='neutral' label='已关闭' /> : null}
            {data.districts.length > 1 ? <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.scores(data.year, d.districtId) })}>评审内容 ›</Text> : null}
          </View>
          <Text className='ev__meta'>{d.hasRubric ? '按评审员总分（街道初评与区县认定的平均）排名；市级抽查分列在旁边' : '还没有制定本年度评审内容'}</Text>
          <View className='ev__row ev-rubric__headrow'>
            <Text className='ev-rubric__rank'>名次</Text>
            <Text className='ev__grow'>社区</Text>
            <Text className='ev-rubric__col'>街道</Text>
            <Text className='ev-rubric__col'>区县</Text>
            <Text className='ev-rubric__col'>评审</Text>
            <Text className='ev-rubric__col'>市抽查</Text>
          </View>
          {d.rows.filter((row) => !only || row.toScore).map((row) => (
            <View key={row.communityId} className='ev__row ev__item' data-testid={`score-row-${row.communityId}`} onClick={() => void Taro.navigateTo({ url: evaluationRoutes.score(row.communityId, data.year) })}>
              <Text className='ev-rubric__rank'>{row.rank ?? '—'}</Text>
              <Text className='ev__grow ev__link'>
                {row.communityName}
                {row.toScore ? <Text className='ev-rubric__waiting' data-testid={`score-waiting-${row.communityId}`}> 待打分</Text> : null}
              </Text>
              <Text className='ev-rubric__col'>{show(row.street)}</Text>
              <Text className='ev-rubric__col'>{show(row.district)}</Text>
              <Text className='ev-rubric__col ev-rubric__strong' data-testid={`score-reviewers-${row.communityId}`}>{show(row.reviewers)}</Text>
              <Text className='ev-rubric__col'>{show(row.city)}</Text>
            </View>
          ))}
        </View>
      ))}
    </>
  )
}

export default function EvaluationScoresPage() {
  return (
    <StaffLayout page='evaluationScores'>
      <EvaluationScoresPageBody />
    </StaffLayout>
  )
}
