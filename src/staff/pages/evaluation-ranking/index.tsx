import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { RankingRow } from '@shared/contracts/evaluation'
import { EVALUATION_STATUS_LABELS } from '@shared/domain/evaluation'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { evaluationRanking, getApplication, selectApplication } from '../../../services/staff/evaluation'
import { currentYear, EVALUATION_STATUS_TONES, evaluationRoutes, percent } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** Certified communities ranked by their spot-check results; the city selects demonstration communities here. */
function EvaluationRankingPageBody() {
  const { params } = useRouter()
  const year = Number(params.year) || currentYear()
  const data = useLoad(() => evaluationRanking(year), [year])
  const [choosing, setChoosing] = useState<string | null>(null)
  const [opinion, setOpinion] = useState('')
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开排名' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const select = async (r: RankingRow) => {
    try {
      const app = await getApplication(r.id)
      await selectApplication(r.id, app.version, opinion)
      toastSuccess(`${r.communityName} 已评为示范社区`)
      setChoosing(null)
      setOpinion('')
      await data.reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return (
    <View className='ev' data-testid='evaluation-ranking'>
      <View className='ev__card'>
        <Text className='ev__title'>{year} 年抽查排名</Text>
        <Text className='ev__meta'>综合得分 = 确认受帮扶比例、回访满意度、问卷指数三项的平均（百分制）</Text>
      </View>
      {data.data.rows.length ? null : <PageState kind='empty' title='还没有认定的社区' />}
      {data.data.rows.map((r) => (
        <View key={r.id} className='ev__card' data-testid={`rank-${r.communityId}`}>
          <View className='ev__head'>
            <Text className='ev__title'>{r.rank}</Text>
            <Text className='ev__grow ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.spotCheck(r.id) })}>{r.communityName}</Text>
            <Chip small tone={EVALUATION_STATUS_TONES[r.status]} label={EVALUATION_STATUS_LABELS[r.status]} />
          </View>
          <Text className='ev__meta'>
            综合 {r.summary.score === null ? '—' : r.summary.score.toFixed(1)} · 接通 {percent(r.summary.reachedRate)} · 确认 {percent(r.summary.confirmationRate)} · 满意度 {r.summary.meanSatisfaction?.toFixed(2) ?? '—'} · 问卷 {r.summary.questionnaireIndex?.toFixed(1) ?? '—'}（{r.summary.questionnaireN} 份）
          </Text>
          {r.status === 'spot_checked' ? (
            choosing === r.id ? (
              <View>
                <Textarea className='ev__textarea' value={opinion} maxlength={1000} placeholder='评选理由' onInput={(e) => setOpinion(e.detail.value)} nativeProps={{ 'data-testid': 'select-opinion' }} />
                <View className='ev__actions'>
                  <AtButton size='small' onClick={() => setChoosing(null)}>取消</AtButton>
                  <View className='ev__btn' data-testid='select-confirm'><AtButton size='small' type='primary' onClick={() => void select(r)}>确认评为示范社区</AtButton></View>
                </View>
              </View>
            ) : (
              <View className='ev__actions'>
                <View className='ev__btn' data-testid='select-start'><AtButton size='small' type='primary' onClick={() => setChoosing(r.id)}>评为示范社区</AtButton></View>
              </View>
            )
          ) : null}
        </View>
      ))}
    </View>
  )
}

export default function EvaluationRankingPage() {
  return (
    <StaffLayout page='evaluationRanking'>
      <EvaluationRankingPageBody />
    </StaffLayout>
  )
}
