import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { CensusOutput } from '@shared/contracts/survey'
import { withCareMode } from '../../../components/care-root'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { censusResults } from '../../../services/survey/survey'
import { surveyRoutes } from '../../../utils/survey-routes'
import './index.scss'

function pct(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`
}

const HIDDEN_TEXT = {
  small: '回答不足，不公布',
  complementary: '为保护相邻小范围的回答，暂不公布',
} as const

/**
 * 市民创业状况调查 results (seed 001: 掌握并公布本市创业状况): the city's figures, or a district's
 * or street's, with how many answered; the 当地平均数 of the 创业活动指数 that each community is
 * compared with. Counts of groups only, never an answer: a group with fewer than `minN`
 * respondents shows its n and nothing else.
 */
function CensusPage() {
  const { orgId, year } = useRouter().params
  const data = useLoad(() => censusResults({ orgId: orgId || undefined, year: year ? Number(year) : undefined }), [orgId, year])
  if (data.status === 'loading') return <PageState kind='loading' />
  if (data.status === 'error' || !data.data) return <PageState kind='error' title='结果加载失败' error={data.error} onAction={() => void data.reload()} />
  const d: CensusOutput = data.data
  const f = d.figure
  const open = (id: string) => void Taro.navigateTo({ url: surveyRoutes.census(id) })
  return (
    <View className='census' data-testid='census-page'>
      <View className='census__header'>
        <Text className='census__title'>
          {d.org.name} {d.year} 年市民创业状况
        </Text>
        {d.trail.length > 1 ? (
          <View className='census__trail'>
            {d.trail.slice(0, -1).map((o) => (
              <View key={o._id} role='link' className='census__trail-link' onClick={() => open(o._id)} data-testid='census-trail'>
                <Text>{o.name} ›</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Text className='census__subtitle'>来自各社区开展的市民创业状况调查，匿名填写。这里只公布汇总数，不公布任何人的回答；不足 {d.minN} 人回答的范围不公布结果。</Text>
      </View>

      <View className='census__card' data-testid='census-figure'>
        <Text className='census__n' data-testid='census-n'>
          共 {f.n} 人回答{d.communitiesAnswered ? `（${d.communitiesAnswered} 个社区）` : ''}
        </Text>
        {f.hidden ? (
          <Text className='census__muted' data-testid='census-hidden'>
            {HIDDEN_TEXT[f.hiddenReason ?? 'small']}
          </Text>
        ) : (
          <View className='census__big'>
            <View className='census__stat'>
              <Text className='census__value' data-testid='census-engaged'>
                {pct(f.engaged)}
              </Text>
              <Text className='census__label'>正在创业或筹备创业</Text>
            </View>
            <View className='census__stat'>
              <Text className='census__value' data-testid='census-intending'>
                {pct(f.intending)}
              </Text>
              <Text className='census__label'>一年内打算创业</Text>
            </View>
          </View>
        )}
      </View>

      <View className='census__card' data-testid='census-average'>
        <Text className='census__card-title'>当地平均数：创业活动指数</Text>
        {d.average ? (
          <>
            <Text className='census__value census__value--average' data-testid='census-average-value'>
              {d.average.percent}%
            </Text>
            <Text className='census__line'>
              {d.average.sourceLabel}
              {d.average.num !== null && d.average.den ? `：参与创业 ${d.average.num} 人 ÷ 劳动年龄人口 ${d.average.den} 人` : ''}
            </Text>
            <Text className='census__line'>创业型社区要求本社区的劳动者创业指数高于这个平均数。</Text>
          </>
        ) : (
          <Text className='census__muted'>市创建办还没有公布 {d.year} 年的平均数。</Text>
        )}
      </View>

      {f.questions ? (
        <View data-testid='census-questions'>
          {f.questions.map((q) => (
            <View className='census__card' key={q.id} data-testid={`census-q-${q.id}`}>
              <Text className='census__dim'>{q.dimensionLabel}</Text>
              <Text className='census__card-title'>{q.text}</Text>
              {q.options.map((o) => (
                <View className='census__bar-row' key={o.label}>
                  <View className='census__bar-head'>
                    <Text className='census__bar-label'>{o.label}</Text>
                    <Text className='census__bar-num'>
                      {pct(o.share)} · {o.count} 人
                    </Text>
                  </View>
                  <View className='census__bar'>
                    <View className='census__bar-fill' style={{ width: `${Math.round((o.share ?? 0) * 100)}%` }} />
                  </View>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}

      {d.children.length ? (
        <View className='census__card' data-testid='census-children'>
          <Text className='census__card-title'>{d.org.level === 'city' ? '各区县' : '各街道'}</Text>
          {d.children.map((c) => (
            <View role='button' key={c.org._id} className='census__child' onClick={() => open(c.org._id)} data-testid='census-child' data-id={c.org._id}>
              <View className='census__child-main'>
                <Text className='census__child-name'>{c.org.name}</Text>
                <Text className='census__line'>
                  {c.n} 人回答 · {c.hidden ? HIDDEN_TEXT[c.hiddenReason ?? 'small'] : `正在创业或筹备 ${pct(c.engaged)} · 打算创业 ${pct(c.intending)}`}
                </Text>
              </View>
              <Text className='census__chevron'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

export default withCareMode(CensusPage)
