import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import { unreadCount } from '../../services/policy/unread'
import './index.scss'
import { pageUrl } from '@shared/domain/pages'

export interface InboxEntryProps {
  /** `data-testid` of the row; the badge gets `<testId>-badge`. Default `'inbox-entry'`. */
  testId?: string
}

/** The 消息 row on 我的, with the number of unread messages; refreshed whenever the page shows. */
export default function InboxEntry({ testId = 'inbox-entry' }: InboxEntryProps) {
  const [unread, setUnread] = useState(0)
  const refresh = () => {
    unreadCount()
      .then(setUnread)
      // The badge is a hint; the inbox itself shows errors.
      .catch(() => undefined)
  }
  // On mount (the page's first show may come before this component subscribes), then on every show.
  useEffect(refresh, [])
  useDidShow(refresh)
  return (
    <View role='button' className='inbox-entry' data-testid={testId} onClick={() => void Taro.navigateTo({ url: pageUrl('inbox') })}>
      <View className='inbox-entry__icon'>
        <AtIcon value='bell' size={18} color='#2861d8' />
      </View>
      <View className='inbox-entry__main'>
        <Text className='inbox-entry__title'>消息</Text>
        <Text className='inbox-entry__note'>{unread ? `你有 ${unread} 条未读消息` : '政策提醒、活动通知都在这里'}</Text>
      </View>
      {unread ? (
        <View className='inbox-entry__badge' data-testid={`${testId}-badge`}>
          <Text>{unread > 99 ? '99+' : unread}</Text>
        </View>
      ) : null}
      <AtIcon value='chevron-right' size={16} color='#8f959e' />
    </View>
  )
}
