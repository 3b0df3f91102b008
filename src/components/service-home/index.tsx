import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import { useLoad } from '../../hooks/use-load'
import { listStories } from '../../services/service/home'
import './index.scss'
import { pageUrl } from '@shared/domain/pages'

const ENTRIES = [
  { key: 'courses', label: '创业培训', icon: 'bookmark', url: pageUrl('courses') },
  { key: 'sites', label: '创业场地', icon: 'home', url: pageUrl('sites') },
  { key: 'guides', label: '办事指南', icon: 'file-generic', url: pageUrl('guide') },
  { key: 'search', label: '搜一搜', icon: 'search', url: pageUrl('search') },
] as const

/** The home page's service corner: training, sites, guides and search, and the latest success stories. */
export default function ServiceHome() {
  const stories = useLoad(() => listStories(2), [])
  return (
    <View className='service-home' data-testid='service-home'>
      <View className='service-home__entries'>
        {ENTRIES.map((e) => (
          <View key={e.key} className='service-home__entry' data-testid={`service-entry-${e.key}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
            <View className='service-home__icon'>
              <AtIcon value={e.icon} size='22' color='#2861d8' />
            </View>
            <Text className='service-home__label'>{e.label}</Text>
          </View>
        ))}
      </View>
      {stories.data?.items.length ? (
        <View className='service-home__stories'>
          <Text className='service-home__head'>身边的创业故事</Text>
          {stories.data.items.map((s) => (
            <View key={s._id} className='service-home__story' data-testid='story-card' onClick={() => void Taro.navigateTo({ url: pageUrl('story', { id: s._id }) })}>
              <Text className='service-home__story-title'>{s.title}</Text>
              <Text className='service-home__story-summary'>{s.summary}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
