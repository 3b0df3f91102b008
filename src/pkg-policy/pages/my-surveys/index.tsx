import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import { pageUrl } from '@shared/domain/pages'
import PageState from '../../../components/page-state'
import { SurveyRow } from '../../../components/survey-entry/row'
import { useLoad } from '../../../hooks/use-load'
import { useReloadOnShow } from '../../../hooks/use-page-load'
import { openSurveys } from '../../../services/survey/open'
import { withCareMode } from '../../../components/care-root'
import './index.scss'

/**
 * 满意度调查, opened from 我的: my community's open surveys to answer, the closed ones' results, and
 * the city's 市民创业状况 results anyone may read. A page of its own so the 我的 tab, which every
 * resident downloads with the main package, does not carry it (issue 24); the home keeps its
 * 请你评一评 card of open surveys.
 */
function MySurveysPage() {
  const data = useLoad(() => openSurveys(), [])
  // Back from answering: the row says 已填写.
  useReloadOnShow(data.reload)
  const d = data.data

  return (
    <View className='my-surveys' data-testid='my-surveys'>
      <View className='survey-entry survey-entry--mine' data-testid='survey-entry'>
        <View className='survey-entry__head'>
          <Text className='survey-entry__heading'>我的社区</Text>
        </View>
        {!d && data.status === 'error' ? (
          <PageState kind='error' title='问卷没有加载出来' error={data.error} onAction={() => void data.reload()} compact />
        ) : !d ? (
          <PageState kind='loading' compact />
        ) : d.needsCommunity ? (
          <View role='button' className='survey-entry__empty' onClick={() => void Taro.navigateTo({ url: pageUrl('profileEdit') })} data-testid='my-surveys-community'>
            <Text>选择所在社区后，这里会显示社区的满意度调查。去选择 ›</Text>
          </View>
        ) : !d.open.length && !d.closed.length ? (
          <View className='survey-entry__empty'>
            <Text>社区暂时没有进行中的调查</Text>
          </View>
        ) : (
          <>
            {d.open.map((c) => (
              <SurveyRow key={c._id} card={c} />
            ))}
            {d.closed.map((c) => (
              <SurveyRow key={c._id} card={c} result />
            ))}
          </>
        )}
      </View>
      <View className='survey-entry survey-entry--mine'>
        <View role='link' className='survey-entry__row' onClick={() => void Taro.navigateTo({ url: pageUrl('census') })} data-testid='census-entry'>
          <View className='survey-entry__main'>
            <Text className='survey-entry__title'>全市市民创业状况</Text>
            <Text className='survey-entry__meta'>创业状况调查的汇总结果，人人可看</Text>
          </View>
          <Text className='survey-entry__action survey-entry__action--quiet'>看结果</Text>
          <AtIcon value='chevron-right' size={14} color='#8f959e' />
        </View>
      </View>
    </View>
  )
}

export default withCareMode(MySurveysPage)
