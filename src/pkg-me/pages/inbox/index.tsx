import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { InboxItem } from '@shared/contracts/notify'
import { INBOX_KIND_LABELS } from '@shared/domain/inbox'
import { minuteText } from '@shared/domain/time'
import CardSkeleton from '../../../components/card-skeleton'
import PageState from '../../../components/page-state'
import ListFooter from '../../../components/list-footer'
import StaleNotice from '../../../components/stale-notice'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { errorMessage } from '../../../services/core/cloud'
import { listInbox, markAllRead, markRead } from '../../../services/policy/notify'
import { toastText } from '../../../utils/toast'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 消息: what the community told me (a policy pushed, an event cancelled, a place freed up), newest first. */
function InboxPage() {
  const [unread, setUnread] = useState<number | null>(null)
  const list = usePagedList(async (after) => {
    const page = await listInbox({ after, limit: 20 })
    setUnread(page.unreadCount)
    return page
  }, [], { cacheKey: 'inbox' })

  useListPage(list)

  const open = async (m: InboxItem) => {
    if (!m.readAt) {
      list.replace((x) => x._id === m._id, { ...m, readAt: new Date().toISOString() })
      markRead([m._id])
        .then((r) => setUnread(r.unreadCount))
        .catch(() => undefined)
    }
    // Offline, the page may not open (its code not loaded yet): say so rather than nothing.
    if (m.link) Taro.navigateTo({ url: m.link }).catch((e: unknown) => toastText(errorMessage(e)))
  }

  const readAll = async () => {
    try {
      const r = await markAllRead()
      setUnread(r.unreadCount)
      await list.refresh({ quiet: true })
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View className='inbox'>
      <View className='inbox__head'>
        <Text className='inbox__title'>消息</Text>
        {unread ? (
          <View className='inbox__read-all' role='button' onClick={() => void readAll()} data-testid='inbox-read-all'>
            <Text>全部标为已读（{unread}）</Text>
          </View>
        ) : null}
      </View>
      <StaleNotice list={list} />
      {list.status === 'loading' ? (
        <CardSkeleton count={3} />
      ) : list.status === 'error' ? (
        <View className='inbox__card'>
          <PageState kind='error' title='消息加载失败' error={list.error} onAction={() => void list.refresh()} />
        </View>
      ) : list.items.length === 0 ? (
        <View className='inbox__card'>
          <PageState kind='empty' icon='bell' title='暂时没有消息' description='政策提醒、活动变动和候补递补的通知会发到这里' testId='inbox-empty' />
        </View>
      ) : (
        <View data-testid='inbox-list'>
          {list.items.map((m) => (
            <View key={m._id} className={`inbox__item${m.readAt ? '' : ' inbox__item--unread'}`} data-testid='inbox-item' data-read={m.readAt ? 'true' : 'false'} role='button' onClick={() => void open(m)}>
              <View className='inbox__item-head'>
                <Text className='inbox__kind'>{INBOX_KIND_LABELS[m.kind]}</Text>
                {/* The dot is colour; the word says it too. */}
                {m.readAt ? null : <Text className='inbox__unread'>未读</Text>}
                <Text className='inbox__time'>{minuteText(m.createdAt)}</Text>
              </View>
              <View className='inbox__item-title-row'>
                {m.readAt ? null : <View className='inbox__dot' />}
                <Text className='inbox__item-title'>{m.title}</Text>
              </View>
              <Text className='inbox__body'>{m.body}</Text>
              {m.link ? <Text className='inbox__link'>查看详情 ›</Text> : null}
            </View>
          ))}
          <ListFooter list={list} moreText='查看更多' showEnd={false} />
        </View>
      )}
    </View>
  )
}

export default withCareMode(InboxPage)
