import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { MyFeedbackRow } from '@shared/contracts/feedback'
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS } from '@shared/domain/feedback'
import { minuteText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { myFeedback } from '../../../services/feedback/feedback'
import { FEEDBACK_STATUS_TONES, feedbackRoutes } from '../../../utils/feedback-routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 我的反馈: what the resident sent, where each stands, and which answers wait for a rating. */
function MyFeedbackPage() {
  const list = usePagedList<MyFeedbackRow>((after) => myFeedback(after), [])
  useListPage(list)
  const write = () => void Taro.navigateTo({ url: feedbackRoutes.form() })

  if (list.status === 'error' && !list.items.length) {
    return <PageState kind='error' title='没能打开我的反馈' error={list.error} onAction={() => void list.refresh()} />
  }
  if (list.status === 'loading' && !list.items.length) return <PageState kind='loading' />
  if (!list.items.length) {
    return (
      <PageState
        kind='empty'
        icon='message'
        title='还没有反馈'
        description='办事不顺、政策没落实，或者有好建议，都可以告诉社区'
        actionText='我要反馈'
        onAction={write}
        testId='my-feedback-empty'
      />
    )
  }
  return (
    <View className='my-feedback' data-testid='my-feedback'>
      {list.items.map((f) => (
        <View key={f._id} className='my-feedback__row' onClick={() => void Taro.navigateTo({ url: feedbackRoutes.detail(f._id) })} data-testid='my-feedback-row' data-status={f.status}>
          <View className='my-feedback__head'>
            <Text className='my-feedback__kind'>{FEEDBACK_KIND_LABELS[f.kind]}</Text>
            <Chip small tone={FEEDBACK_STATUS_TONES[f.status]} label={FEEDBACK_STATUS_LABELS[f.status]} />
          </View>
          <Text className='my-feedback__text'>{f.excerpt}</Text>
          <View className='my-feedback__meta'>
            <Text>
              {f.communityName} · {minuteText(f.createdAt)}
              {f.anonymous ? ' · 匿名' : ''}
            </Text>
            {f.awaitingRating ? <Text className='my-feedback__rate'>社区已答复，去评价</Text> : null}
          </View>
        </View>
      ))}
      <ListFooter list={list} />
      <View className='my-feedback__new'>
        <AtButton type='primary' onClick={write}>
          我要反馈
        </AtButton>
      </View>
    </View>
  )
}

export default withCareMode(MyFeedbackPage)
