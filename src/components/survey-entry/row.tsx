import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import type { SurveyCard } from '@shared/contracts/survey'
import { pageUrl } from '@shared/domain/pages'
import { SURVEY_KIND_LABELS } from '@shared/domain/survey-kinds'
import { dayText } from '@shared/domain/time'
import './index.scss'

function closesLabel(closesOn: string): string {
  return `${dayText(closesOn)} 截止`
}

/** One survey: open ones to answer (or already answered), closed ones to read the results of. */
export function SurveyRow({ card, result }: { card: SurveyCard; result?: boolean }) {
  return (
    <View
      role='button'
      className='survey-entry__row'
      onClick={() => void Taro.navigateTo({ url: pageUrl('survey', { id: card._id }) })}
      data-testid='survey-entry-row'
      data-id={card._id}
    >
      <View className='survey-entry__main'>
        <Text className='survey-entry__title'>{card.title}</Text>
        <Text className='survey-entry__meta'>
          {result ? `${card.orgName} · 已结束` : `${SURVEY_KIND_LABELS[card.kind]} · ${card.questionCount} 道题 · ${closesLabel(card.closesOn)}`}
        </Text>
      </View>
      {result ? (
        <Text className='survey-entry__action survey-entry__action--quiet'>看结果</Text>
      ) : card.answered ? (
        <Text className='survey-entry__action survey-entry__action--done'>已填写</Text>
      ) : (
        <Text className='survey-entry__action'>去填写</Text>
      )}
      <AtIcon value='chevron-right' size={14} color='#8f959e' />
    </View>
  )
}
