import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { GUIDE_TOPIC_LABELS } from '@shared/domain/service'
import HotlineCard from '../../../components/hotline-card'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { getGuide, listGuides } from '../../../services/service/service'
import { routes } from '../../../utils/routes'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 办事指南 list, or one guide (`?id=`): steps, materials, where to go, the policies it serves. */
function GuidePage() {
  const id = useRouter().params.id ?? ''
  return id ? <GuideDetail id={id} /> : <GuideList />
}

function GuideList() {
  const list = useLoad(() => listGuides(), [])
  return (
    <View className='guide'>
      <View className='guide__header'>
        <Text className='guide__title'>办事指南</Text>
        <Text className='guide__subtitle'>办执照、申请贷款、领补贴，一步步照着做，材料一次带齐</Text>
      </View>
      {list.status === 'error' ? (
        <PageState kind='error' error={list.error} onAction={() => void list.reload()} />
      ) : !list.data ? (
        <PageState kind='loading' />
      ) : (
        list.data.items.map((g) => (
          <View key={g._id} className='guide__card' data-testid='guide-card' onClick={() => void Taro.navigateTo({ url: routes.guide(g._id) })}>
            <View className='guide__tags'>
              <Text className='guide__tag'>{GUIDE_TOPIC_LABELS[g.topic]}</Text>
            </View>
            <Text className='guide__card-title'>{g.title}</Text>
            <Text className='guide__line'>{g.summary}</Text>
          </View>
        ))
      )}
      <HotlineCard />
    </View>
  )
}

function GuideDetail({ id }: { id: string }) {
  const guide = useLoad(() => getGuide(id), [id])
  if (guide.status === 'error') return <PageState kind='error' title='指南打不开' error={guide.error} onAction={() => void guide.reload()} />
  if (!guide.data) return <PageState kind='loading' />
  const g = guide.data
  return (
    <View className='guide' data-testid='guide-page'>
      <View className='guide__header'>
        <View className='guide__tags'>
          <Text className='guide__tag'>{GUIDE_TOPIC_LABELS[g.topic]}</Text>
          <Text className='guide__tag guide__tag--good'>{g.duration}</Text>
        </View>
        <Text className='guide__title'>{g.title}</Text>
        <Text className='guide__subtitle'>{g.summary}</Text>
      </View>
      <View className='guide__card'>
        <Text className='guide__card-title'>办理步骤</Text>
        {g.steps.map((s, i) => (
          <View key={i} className='guide__step' data-testid='guide-step'>
            <Text className='guide__step-no'>{i + 1}</Text>
            <View className='guide__step-main'>
              <Text className='guide__step-title'>{s.title}</Text>
              <Text className='guide__line'>{s.detail}</Text>
            </View>
          </View>
        ))}
      </View>
      <View className='guide__card'>
        <Text className='guide__card-title'>要带的材料</Text>
        {g.materials.map((m, i) => (
          <Text key={i} className='guide__material'>
            ☐ {m}
          </Text>
        ))}
      </View>
      <View className='guide__card'>
        <Text className='guide__card-title'>去哪里办</Text>
        <Text className='guide__line'>{g.where}</Text>
      </View>
      {g.policies.length ? (
        <View className='guide__card'>
          <Text className='guide__card-title'>相关政策</Text>
          {g.policies.map((p) => (
            <Text key={p._id} className='guide__link' onClick={() => void Taro.navigateTo({ url: routes.policyDetail(p._id) })}>
              {p.title} ›
            </Text>
          ))}
        </View>
      ) : null}
      <HotlineCard />
    </View>
  )
}

export default withCareMode(GuidePage)
