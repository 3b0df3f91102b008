import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CardSkeleton from '../../components/card-skeleton'
import EventCard from '../../components/event-card'
import PageState from '../../components/page-state'
import ListFooter from '../../components/list-footer'
import StaleNotice from '../../components/stale-notice'
import { useListPage, usePagedList } from '../../hooks/use-paged-list'
import { listEvents } from '../../services/event/list'
import './index.scss'
import { withCareMode } from '../../components/care-root'
import { pageUrl } from '@shared/domain/pages'

/** 活动: upcoming promotion events of my community and the offices above it, soonest first. */
function EventsPage() {
  const list = usePagedList((after) => listEvents({ view: 'resident', after, limit: 10 }), [], { cacheKey: 'events' })

  // Back from an event page: show the sign-up just made.
  useListPage(list)

  return (
    <View className='events'>
      <View className='events__header'>
        <Text className='events__title'>社区活动</Text>
        <Text className='events__subtitle'>创业培训、项目沙龙、政策宣讲，到现场扫码就能签到</Text>
      </View>
      <View className='events__stale'>
        <StaleNotice list={list} />
      </View>
      {list.status === 'loading' ? (
        <CardSkeleton count={3} />
      ) : list.status === 'error' ? (
        <View className='events__card'>
          <PageState kind='error' title='活动加载失败' error={list.error} onAction={() => void list.refresh()} testId='events-error' />
        </View>
      ) : list.items.length === 0 ? (
        <View className='events__card'>
          <PageState kind='empty' icon='calendar' title='近期暂无活动' description='活动发布后会在这里显示，到时记得来看看' testId='events-empty' />
        </View>
      ) : (
        <View data-testid='event-list'>
          {list.items.map((e) => (
            <EventCard key={e._id} event={e} onClick={() => void Taro.navigateTo({ url: pageUrl('event', { id: e._id }) })} />
          ))}
          <ListFooter list={list} moreText='查看更多' showEnd={false} />
        </View>
      )}
    </View>
  )
}

export default withCareMode(EventsPage)
