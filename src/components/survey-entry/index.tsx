import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { useLoad } from '../../hooks/use-load'
import { useReloadOnShow } from '../../hooks/use-page-load'
import { openSurveys } from '../../services/survey/open'
import { SurveyRow } from './row'
import './index.scss'

/**
 * The home's 请你评一评 card: my community's open satisfaction surveys, refreshed whenever the page
 * shows; nothing at all when there are none (or on error). Past results and the reasons a list is
 * empty are on 我的 → 满意度调查 (pkg-policy/pages/my-surveys).
 */
export default function SurveyEntry() {
  const data = useLoad(() => openSurveys(), [])
  useReloadOnShow(data.reload)

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
        <SurveyRow key={c._id} card={c} />
      ))}
    </View>
  )
}
