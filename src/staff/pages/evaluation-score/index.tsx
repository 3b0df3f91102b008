import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { FieldError } from '@shared/contracts/common'
import { scoreInput, type ScoreSheetOutput } from '@shared/contracts/evaluation'
import { RUBRIC_KIND_LABELS, SCORE_LEVEL_LABELS, SCORE_LEVELS, type ScoreLevel } from '@shared/domain/review-rubric'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { reopenScore, scoreCommunity, scoreSheet } from '../../../services/staff/evaluation'
import { currentYear } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

type Values = Record<string, { score: string; comment: string }>

/** One community's score sheet: the district's 评审内容, the live indices beside 定量 items, each level's scores. */
function EvaluationScorePageBody() {
  const { params } = useRouter()
  const communityId = params.community ?? ''
  const year = Number(params.year) || currentYear()
  const data = useLoad(() => scoreSheet(communityId, year), [communityId, year])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开评分表' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const s = data.data
  return <ScoreSheet key={`${s.mine ?? ''}:${s.mine ? (s.scores[s.mine]?.version ?? 0) : 0}:${s.closed}`} sheet={s} reload={() => void data.reload()} />
}

function ScoreSheet({ sheet: s, reload }: { sheet: ScoreSheetOutput; reload: () => void }) {
  const mine = s.mine ? s.scores[s.mine] : null
  const [values, setValues] = useState<Values>(() => Object.fromEntries((s.items ?? []).map((i) => {
    const given = mine?.items.find((x) => x.key === i.key)
    return [i.key, { score: given ? String(given.score) : '', comment: given?.comment ?? '' }]
  })))
  const items = s.items ?? []
  // The items sent, in rubric order: the server names a field by its place in this list.
  const filled = items.filter((i) => values[i.key]?.score.trim() !== '').map((i) => i.key)
  const form = useFormSubmit<typeof scoreInput, ScoreSheetOutput, 'save' | 'submit'>({
    schema: scoreInput,
    // Each score inside its item's range, as the server checks it.
    problems: (v) => v.items.flatMap((x, n): FieldError[] => {
      const item = items.find((i) => i.key === x.key)
      return item && (x.score < 0 || x.score > item.max) ? [{ path: `items.${n}.score`, message: `分数应在 0–${item.max} 之间` }] : []
    }),
    submit: (v) => scoreCommunity(v),
    successToast: (_r, mode) => (mode === 'submit' ? '评分已提交' : '评分已保存'),
    then: reload,
  })
  const send = (mode: 'save' | 'submit') =>
    void form.run(
      {
        communityId: s.communityId,
        year: s.year,
        version: mine?.version,
        submit: mode === 'submit',
        items: filled.map((key) => ({ key, score: Number(values[key].score), comment: values[key].comment })),
      },
      mode,
    )
  const errorOf = (key: string) => {
    const n = filled.indexOf(key)
    return n < 0 ? undefined : (form.errors[`items.${n}.score`] ?? form.errors[`items.${n}.key`])
  }
  const editing = s.may.score && s.mine !== null
  return (
    <View className='ev' data-testid='score-sheet'>
      <View className='ev__card'>
        <Text className='ev__title'>{s.communityName} · {s.year} 年评审评分</Text>
        <Text className='ev__meta'>{s.districtName}评审内容 · 总分 = Σ 权重 × 得分 ÷ 满分（百分制）</Text>
        {s.closed ? <Text className='ev__note' data-testid='score-closed'>本年度评审已关闭，不能再评分；如需修改请联系{s.districtName}创建办重新打开。</Text> : null}
        {SCORE_LEVELS.map((l) => {
          const x = s.scores[l]
          return (
            <View key={l} className='ev__row' data-testid={`score-total-${l}`}>
              <Text className='ev__label'>{SCORE_LEVEL_LABELS[l]}</Text>
              <Text className='ev__value'>{x ? `${x.total} 分 · ${x.status === 'submitted' ? '已提交' : '草稿'} · ${x.byName}` : '未评分'}</Text>
            </View>
          )
        })}
        {s.may.reopen.length ? <Reopen sheet={s} onDone={reload} /> : null}
      </View>
      {s.items === null ? <PageState kind='empty' title={`${s.districtName}还没有制定 ${s.year} 年的评审内容`} /> : null}
      {items.map((i, n) => (
        <View key={i.key} className='ev__card' data-testid={`score-item-${i.key}`}>
          <View className='ev__head'>
            <Text className='ev__grow ev__section'>{n + 1}. {i.label}</Text>
            <Chip small tone={i.kind === 'quantitative' ? 'primary' : 'neutral'} label={RUBRIC_KIND_LABELS[i.kind]} />
          </View>
          <Text className='ev__meta'>权重 {i.weight} 分 · 评分范围 0–{i.max}</Text>
          {(s.hints[i.key] ?? []).map((h) => (
            <Text key={h.key} className='ev-score__hint' data-testid={`score-hint-${i.key}-${h.key}`}>参考 {h.label}：{h.value}{h.detail ? `（${h.detail}）` : ''}</Text>
          ))}
          {SCORE_LEVELS.filter((l) => l !== s.mine || !editing).map((l) => {
            const g = s.scores[l]?.items.find((x) => x.key === i.key)
            return g ? <Text key={l} className='ev__meta'>{SCORE_LEVEL_LABELS[l]}：{g.score} 分{g.comment ? ` · ${g.comment}` : ''}</Text> : null
          })}
          {editing ? (
            <View className='ev-score__form'>
              <View className='ev__head'>
                <Text>{SCORE_LEVEL_LABELS[s.mine as ScoreLevel]}得分</Text>
                <Input
                  className='ev-score__input'
                  type='digit'
                  value={values[i.key]?.score ?? ''}
                  placeholder={`0–${i.max}`}
                  onInput={(e) => {
                    setValues((v) => ({ ...v, [i.key]: { ...v[i.key], score: e.detail.value } }))
                    form.clear('items')
                  }}
                  nativeProps={{ 'data-testid': `score-input-${i.key}` }}
                />
              </View>
              {errorOf(i.key) ? <Text className='ev-score__error' data-testid={`score-error-${i.key}`}>{errorOf(i.key)}</Text> : null}
              <Textarea
                className='ev__textarea ev-score__comment'
                value={values[i.key]?.comment ?? ''}
                maxlength={500}
                placeholder='评语'
                onInput={(e) => setValues((v) => ({ ...v, [i.key]: { ...v[i.key], comment: e.detail.value } }))}
                nativeProps={{ 'data-testid': `score-comment-${i.key}` }}
              />
            </View>
          ) : null}
        </View>
      ))}
      {editing && items.length ? (
        <View className='ev__card'>
          {form.errors.items ? <Text className='ev-score__error' data-testid='score-error-items'>{form.errors.items}</Text> : null}
          <Text className='ev__meta'>提交后不能再改；需要修改时请{s.mine === 'city' ? '市创建办' : '县(区)创建办'}退回。</Text>
          <View className='ev__actions'>
            <View className='ev__btn' data-testid='score-save'><AtButton loading={form.busy === 'save'} onClick={() => send('save')}>保存草稿</AtButton></View>
            <View className='ev__btn' data-testid='score-submit'><AtButton type='primary' loading={form.busy === 'submit'} onClick={() => send('submit')}>提交评分</AtButton></View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** The level above sends a submitted score back, with a reason. */
function Reopen({ sheet: s, onDone }: { sheet: ScoreSheetOutput; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const back = async (level: ScoreLevel) => {
    try {
      await reopenScore(s.communityId, s.year, level, reason)
      toastSuccess(`已退回${SCORE_LEVEL_LABELS[level]}评分`)
      onDone()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return (
    <View>
      <Textarea className='ev__textarea' value={reason} maxlength={200} placeholder='退回原因' onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'data-testid': 'reopen-reason' }} />
      <View className='ev__actions'>
        {s.may.reopen.map((l) => (
          <View key={l} className='ev__btn' data-testid={`reopen-${l}`}><AtButton size='small' onClick={() => void back(l)}>退回{SCORE_LEVEL_LABELS[l]}评分</AtButton></View>
        ))}
      </View>
    </View>
  )
}

export default function EvaluationScorePage() {
  return (
    <StaffLayout page='evaluationScore'>
      <EvaluationScorePageBody />
    </StaffLayout>
  )
}
