import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { getStory } from '../../../services/service/service'
import { routes } from '../../../utils/routes'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 创业故事: a local entrepreneur's story (published with their consent), the help and policies they used. */
function StoryPage() {
  const id = useRouter().params.id ?? ''
  const story = useLoad(() => getStory(id), [id])
  if (story.status === 'error') return <PageState kind='error' title='故事打不开' error={story.error} onAction={() => void story.reload()} />
  if (!story.data) return <PageState kind='loading' />
  const s = story.data
  return (
    <View className='story' data-testid='story-page'>
      <View className='story__header'>
        <Text className='story__title'>{s.title}</Text>
        <Text className='story__subtitle'>
          {s.person} · {s.business} · {s.orgName}
        </Text>
      </View>
      <View className='story__card'>
        <Text className='story__body'>{s.body}</Text>
        <View className='story__tags'>
          {s.helpUsed.map((h) => (
            <Text key={h} className='story__tag story__tag--good'>
              {h}
            </Text>
          ))}
        </View>
      </View>
      {s.honors?.length ? (
        <View className='story__card' data-testid='story-honors'>
          <Text className='story__card-title'>获得的表彰</Text>
          {s.honors.map((h) => (
            <Text key={`${h.year}${h.byOrgName}`} className='story__body'>
              {h.year} 年 {h.byOrgName}{h.kindLabel}：{h.citation}
            </Text>
          ))}
        </View>
      ) : null}
      {s.policies.length ? (
        <View className='story__card'>
          <Text className='story__card-title'>用到的政策</Text>
          {s.policies.map((p) => (
            <Text key={p._id} className='story__link' onClick={() => void Taro.navigateTo({ url: routes.policyDetail(p._id) })}>
              {p.title} ›
            </Text>
          ))}
        </View>
      ) : null}
      <Text className='story__note'>本文经主人公本人同意后发布</Text>
    </View>
  )
}

export default withCareMode(StoryPage)
