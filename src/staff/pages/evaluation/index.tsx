import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { DEADLINE_KEYS, DEADLINE_LABELS, EVALUATION_STATUS_LABELS } from '@shared/domain/evaluation'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { listApplications } from '../../../services/staff/evaluation'
import { currentYear, EVALUATION_STATUS_TONES, evaluationRoutes } from '../../../utils/evaluation-routes'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** 评估申报: the year's applications of the communities in the caller's scope, those waiting on them first. */
function EvaluationListPageBody() {
  const year = currentYear()
  const data = useLoad(() => listApplications(year), [year])
  useDidShow(() => {
    if (data.data) void data.reload()
  })
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开评估申报' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const d = data.data
  const own = d.mayApply ? d.items[0] : null
  return (
    <View className='ev' data-testid='evaluation-list'>
      <View className='ev__card'>
        <Text className='ev__title'>{year} 年创业型社区创建评估</Text>
        <View className='ev__chips'>
          {DEADLINE_KEYS.map((k) => (
            <Chip key={k} small tone='neutral' label={`${DEADLINE_LABELS[k]} ${d.deadlines[k].slice(5).replace('-', '月')}日前`} />
          ))}
        </View>
        {own ? (
          <View className='ev__actions'>
            <View className='ev__btn' data-testid='evaluation-open'><AtButton type='primary' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.edit(year) })}>
              {own.status === 'none' ? '开始申报' : own.status === 'draft' || own.status === 'returned' ? '继续填写申报' : '查看本社区申报'}
            </AtButton></View>
          </View>
        ) : null}
        {d.mayManage ? (
          <View className='ev__actions'>
            <View className='ev__btn' data-testid='evaluation-year-entry'><AtButton type='primary' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.year(year) })}>
              评估年度管理（截止日、延期、催办）
            </AtButton></View>
          </View>
        ) : null}
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='evaluation-scores-entry'><AtButton onClick={() => void Taro.navigateTo({ url: evaluationRoutes.scores(year) })}>
            评审内容与评分（定性/定量）
          </AtButton></View>
        </View>
        {d.items.some((i) => i.status === 'certified' || i.status === 'spot_checked' || i.status === 'selected') ? (
          <View className='ev__actions'>
            <View className='ev__btn' data-testid='evaluation-ranking-entry'><AtButton onClick={() => void Taro.navigateTo({ url: evaluationRoutes.ranking(year) })}>
              抽查结果排名
            </AtButton></View>
          </View>
        ) : null}
      </View>
      <View className='ev__card'>
        <Text className='ev__section'>各社区申报情况</Text>
        {d.items.length ? null : <Text className='ev__meta'>你的管理范围内还没有社区</Text>}
        {d.items.map((i) => (
          <View
            key={i.communityId}
            className='ev__item'
            data-testid={`evaluation-item-${i.communityId}`}
            onClick={() => {
              if (i.id) void Taro.navigateTo({ url: d.mayApply && (i.status === 'draft' || i.status === 'returned') ? evaluationRoutes.edit(year) : evaluationRoutes.detail(i.id) })
              else if (d.mayApply) void Taro.navigateTo({ url: evaluationRoutes.edit(year) })
            }}
          >
            <View className='ev__head'>
              <Text className='ev__grow'>{i.communityName}</Text>
              {i.mine ? <Chip small tone='warning' label='待你处理' /> : null}
              <Chip small tone={EVALUATION_STATUS_TONES[i.status]} label={i.status === 'none' ? '未申报' : EVALUATION_STATUS_LABELS[i.status]} testId={`evaluation-status-${i.communityId}`} />
            </View>
            {i.lastNote ? <Text className='ev__meta'>最近意见：{i.lastNote}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  )
}

export default function EvaluationListPage() {
  return (
    <StaffLayout page='evaluation'>
      <EvaluationListPageBody />
    </StaffLayout>
  )
}
