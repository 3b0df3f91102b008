import { Text, View } from '@tarojs/components'
import PageState from '../../components/page-state'
import './index.scss'

/**
 * 活动: promotion events arrive with a later feature. Until then the tab says so plainly
 * instead of showing made-up events.
 */
export default function EventsPage() {
  return (
    <View className='events'>
      <View className='events__header'>
        <Text className='events__title'>社区活动</Text>
        <Text className='events__subtitle'>创业培训、项目沙龙、政策宣讲</Text>
      </View>
      <View className='events__card'>
        <PageState kind='empty' icon='calendar' title='近期暂无活动' description='活动发布后会在这里显示，到时记得来看看' testId='events-empty' />
      </View>
    </View>
  )
}
