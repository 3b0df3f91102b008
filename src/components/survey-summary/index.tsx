import { Text, View } from '@tarojs/components'
import { LOW_CONFIDENCE_N, type SatisfactionIndex } from '@shared/domain/survey'
import { percentText } from '@shared/domain/percent'
import './index.scss'

export interface SurveySummaryProps {
  /** The index to show. */
  index: SatisfactionIndex
  /** Previous quarter's index, to show changes. Default none. */
  previous?: SatisfactionIndex | null
  /** Label of the previous quarter (`2026 年第三季度`). Default `'上季度'`. */
  previousLabel?: string
}

/** `75.4` → `75.4`; no score → `—`. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1)
}

export function formatRate(rate: number | null): string {
  return percentText(rate)
}

function Delta({ now, before }: { now: number | null; before: number | null | undefined }) {
  if (now === null || before === null || before === undefined) return null
  const d = now - before
  const tone = Math.abs(d) < 0.05 ? 'flat' : d > 0 ? 'up' : 'down'
  return (
    <Text className={`survey-summary__delta survey-summary__delta--${tone}`} data-testid='summary-delta'>
      {tone === 'flat' ? '持平' : `${d > 0 ? '↑' : '↓'} ${Math.abs(d).toFixed(1)}`}
    </Text>
  )
}

/**
 * The satisfaction index at a glance: the composite (0–100), 满意率, how many answered, a warning
 * when fewer than 30 did, and a bar per dimension, optionally against the previous quarter.
 */
export default function SurveySummary({ index, previous, previousLabel = '上季度' }: SurveySummaryProps) {
  const prevDim = new Map((previous?.dimensions ?? []).map((d) => [d.key, d.score]))
  return (
    <View className='survey-summary' data-testid='survey-summary'>
      <View className='survey-summary__head'>
        <View className='survey-summary__main'>
          <Text className='survey-summary__label'>综合满意度</Text>
          <View className='survey-summary__score-row'>
            <Text className='survey-summary__score' data-testid='summary-composite'>
              {formatScore(index.composite)}
            </Text>
            <Text className='survey-summary__unit'>分</Text>
            <Delta now={index.composite} before={previous?.composite} />
          </View>
          {previous ? (
            <Text className='survey-summary__prev'>
              {previousLabel} {formatScore(previous.composite)} 分
            </Text>
          ) : null}
        </View>
        <View className='survey-summary__side'>
          <View className='survey-summary__stat'>
            <Text className='survey-summary__stat-value' data-testid='summary-rate'>
              {formatRate(index.satisfactionRate)}
            </Text>
            <Text className='survey-summary__stat-label'>满意率</Text>
          </View>
          <View className='survey-summary__stat'>
            <Text className='survey-summary__stat-value' data-testid='summary-n'>
              {index.n}
            </Text>
            <Text className='survey-summary__stat-label'>份答卷</Text>
          </View>
        </View>
      </View>
      {index.lowConfidence ? (
        <Text className='survey-summary__warn' data-testid='summary-low-confidence'>
          答卷少于 {LOW_CONFIDENCE_N} 份，结果仅供参考
        </Text>
      ) : null}
      <View className='survey-summary__dims'>
        {index.dimensions.map((d) => (
          <View className='survey-summary__dim' key={d.key} data-testid={`summary-dim-${d.key}`}>
            <View className='survey-summary__dim-head'>
              <Text className='survey-summary__dim-label'>{d.label}</Text>
              <View className='survey-summary__dim-value'>
                <Text className='survey-summary__dim-score'>{formatScore(d.score)}</Text>
                <Delta now={d.score} before={prevDim.get(d.key)} />
              </View>
            </View>
            <View className='survey-summary__bar'>
              <View className='survey-summary__bar-fill' style={{ width: `${d.score ?? 0}%` }} />
              {prevDim.get(d.key) != null ? (
                <View className='survey-summary__bar-prev' style={{ left: `${prevDim.get(d.key)}%` }} />
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
