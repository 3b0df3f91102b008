import { Text, View } from '@tarojs/components'
import type { PagedList } from '../../hooks/use-paged-list'
import { describeError } from '../../services/core/cloud-core'
import './index.scss'

export interface StaleNoticeProps {
  /** The list whose kept copy may be on screen. */
  list: Pick<PagedList<unknown>, 'stale' | 'error' | 'refresh'>
}

/**
 * Under a list's heading while it shows last time's copy: "updating" while the fresh page loads,
 * or why it could not be loaded (the network, or what else happened), with tap-to-retry only
 * when retrying can help. Says it in words.
 */
export default function StaleNotice({ list }: StaleNoticeProps) {
  if (!list.stale) return null
  const failure = list.error !== null ? describeError(list.error) : null
  const retry = failure?.retryable ?? false
  const text = !failure
    ? '正在更新…'
    : failure.kind === 'network'
      ? '网络不太好，显示的是上次的内容'
      : `没能更新：${failure.message.replace(/[。；]+$/, '')}。显示的是上次的内容`
  return (
    <View
      className={`stale-notice${failure ? ' stale-notice--failed' : ''}`}
      role={retry ? 'button' : 'status'}
      onClick={retry ? () => void list.refresh({ quiet: true }) : undefined}
      data-testid='stale-notice'
      data-failed={failure ? 'true' : 'false'}
    >
      <Text>{retry ? `${text} · 点此重试` : text}</Text>
    </View>
  )
}
