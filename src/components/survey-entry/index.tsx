import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import type { SurveyCard } from '@shared/contracts/survey'
import { SURVEY_KIND_LABELS } from '@shared/domain/survey-kinds'
import { dayText } from '@shared/domain/time'
import { useLoad } from '../../hooks/use-load'
import { useReloadOnShow } from '../../hooks/use-page-load'
import { describeError } from '../../services/core/cloud-core'
import { openSurveys } from '../../services/survey/open'
import { surveyRoutes } from '../../utils/survey-routes'
import './index.scss'

export interface SurveyEntryProps {
  /**
   * `'home'`: a quiet card of open surveys, nothing at all when there are none (or on error).
   * `'mine'`: 我的问卷 with open surveys, recent results and the reason when the list is empty.
   * Default `'home'`.
   */
  variant?: 'home' | 'mine'
}

function closesLabel(closesOn: string): string {
  return `${dayText(closesOn)} 截止`
}

function Row({ card, result }: { card: SurveyCard; result?: boolean }) {
  return (
    <View
      role='button'
      className='survey-entry__row'
      onClick={() => void Taro.navigateTo({ url: surveyRoutes.answer(card._id) })}
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

/** Open satisfaction surveys of my community (and past results), refreshed whenever the page shows. */
export default function SurveyEntry({ variant = 'home' }: SurveyEntryProps) {
  const data = useLoad(() => openSurveys(), [])
  useReloadOnShow(data.reload)

  if (variant === 'home') {
    const open = data.data?.open ?? []
    if (!open.length) return null
    return (
      <View className='survey-entry survey-entry--home' data-testid='survey-entry'>
        <View className='survey-entry__head'>
          <AtIcon value='message' size={16} color='#2861d8' />
          <Text className='survey-entry__heading'>请你评一评</Text>
          <Text className='survey-entry__sub'>匿名 · 一两分钟</Text>
        </View>
        {open.map((c) => (
          <Row key={c._id} card={c} />
        ))}
      </View>
    )
  }

  const d = data.data
  return (
    <View className='survey-entry survey-entry--mine' data-testid='survey-entry'>
      <View className='survey-entry__head'>
        <Text className='survey-entry__heading'>满意度调查</Text>
      </View>
      <View role='link' className='survey-entry__row' onClick={() => void Taro.navigateTo({ url: surveyRoutes.census() })} data-testid='census-entry'>
        <View className='survey-entry__main'>
          <Text className='survey-entry__title'>全市市民创业状况</Text>
          <Text className='survey-entry__meta'>创业状况调查的汇总结果，人人可看</Text>
        </View>
        <Text className='survey-entry__action survey-entry__action--quiet'>看结果</Text>
        <AtIcon value='chevron-right' size={14} color='#8f959e' />
      </View>
      {!d && data.status === 'error' ? (
        describeError(data.error).retryable ? (
          <View role='button' className='survey-entry__empty' onClick={() => void data.reload()}>
            <Text>问卷没有加载出来，点这里重试</Text>
          </View>
        ) : (
          <View className='survey-entry__empty'>
            <Text>问卷没有加载出来：{describeError(data.error).message}</Text>
          </View>
        )
      ) : !d ? (
        <View className='survey-entry__empty'>
          <Text>正在加载…</Text>
        </View>
      ) : d.needsCommunity ? (
        <View className='survey-entry__empty'>
          <Text>选择所在社区后，这里会显示社区的满意度调查</Text>
        </View>
      ) : !d.open.length && !d.closed.length ? (
        <View className='survey-entry__empty'>
          <Text>社区暂时没有进行中的调查</Text>
        </View>
      ) : (
        <>
          {d.open.map((c) => (
            <Row key={c._id} card={c} />
          ))}
          {d.closed.map((c) => (
            <Row key={c._id} card={c} result />
          ))}
        </>
      )}
    </View>
  )
}
