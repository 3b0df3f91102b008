import { Text, View } from '@tarojs/components'
import type { PagedList } from '../../hooks/use-paged-list'
import './index.scss'

export interface StaleNoticeProps {
  /** The list whose kept copy may be on screen. */
  list: Pick<PagedList<unknown>, 'stale' | 'error' | 'refresh'>
}

/**
 * Under a list's heading while it shows last time's copy: "updating" while the fresh page loads,
 * or that the network is poor (tap to retry) when it could not be loaded. Says it in words.
 */
export default function StaleNotice({ list }: StaleNoticeProps) {
  if (!list.stale) return null
  const failed = list.error !== null
  return (
    <View
      className={`stale-notice${failed ? ' stale-notice--failed' : ''}`}
      role={failed ? 'button' : 'status'}
      onClick={failed ? () => void list.refresh({ quiet: true }) : undefined}
      data-testid='stale-notice'
      data-failed={failed ? 'true' : 'false'}
    >
      <Text>{failed ? '网络不太好，显示的是上次的内容 · 点此重试' : '正在更新…'}</Text>
    </View>
  )
}
