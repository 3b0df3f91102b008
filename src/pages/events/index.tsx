import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { AtLoadMore } from 'taro-ui'
import CardSkeleton from '../../components/card-skeleton'
import EventCard from '../../components/event-card'
import PageState from '../../components/page-state'
import StaleNotice from '../../components/stale-notice'
import { usePagedList } from '../../hooks/use-paged-list'
import { listEvents } from '../../services/event'
import { eventRoutes } from '../../utils/event-routes'
import 'taro-ui/lib/style/components/load-more.scss'
import './index.scss'
import { withCareMode } from '../../components/care-root'

/** 活动: upcoming promotion events of my community and the offices above it, soonest first. */
function EventsPage() {
  const list = usePagedList((after) => listEvents({ view: 'resident', after, limit: 10 }), [], { cacheKey: 'events' })
  const shown = useRef(false)

  useDidShow(() => {
    // Back from an event page: show the sign-up just made.
    if (shown.current) void list.refresh({ quiet: true })
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.refresh({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (list.hasMore && !list.moreFailed) void list.loadMore()
  })

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
            <EventCard key={e._id} event={e} onClick={() => void Taro.navigateTo({ url: eventRoutes.event(e._id) })} />
          ))}
          {list.hasMore || list.loadingMore || list.moreFailed ? (
            <AtLoadMore
              status={list.loadingMore ? 'loading' : 'more'}
              moreText={list.moreFailed ? '加载失败，点击重试' : '查看更多'}
              onClick={() => void list.loadMore()}
            />
          ) : null}
        </View>
      )}
    </View>
  )
}

export default withCareMode(EventsPage)
