import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import type { FeedbackSubjectKind } from '@shared/domain/feedback'
import { feedbackRoutes } from '../../utils/feedback-routes'
import './index.scss'

export interface FeedbackLinkProps {
  /** What the feedback will be about. */
  about: { kind: FeedbackSubjectKind; id: string; title: string; communityId?: string }
  /** The line shown. Default `有问题或不满意？反馈/投诉`. */
  text?: string
  /** `data-testid`. Default `feedback-link`. */
  testId?: string
}

/** The 反馈/投诉 entry on a policy, an event or the resident's case: opens the form about it. */
export default function FeedbackLink({ about, text = '有问题或不满意？反馈/投诉', testId = 'feedback-link' }: FeedbackLinkProps) {
  return (
    <View className='feedback-link' onClick={() => void Taro.navigateTo({ url: feedbackRoutes.form(about) })} data-testid={testId}>
      <AtIcon value='message' size={18} color='#2861d8' />
      <Text className='feedback-link__text'>{text}</Text>
      <AtIcon value='chevron-right' size={16} color='#8f959e' />
    </View>
  )
}
