import { AtActivityIndicator } from 'taro-ui'
import { ListFooterMarkup, type ListFooterProps } from './markup'
import 'taro-ui/lib/style/components/load-more.scss'
import 'taro-ui/lib/style/components/activity-indicator.scss'
import 'taro-ui/lib/style/components/button.scss'

export type { ListFooterProps } from './markup'
export { moreFailedText } from './more-failed'

/** The end of a paged list: 加载更多 (or what went wrong and 重试 after a failure), a spinner, or 没有更多了. */
export default function ListFooter(props: ListFooterProps) {
  return <ListFooterMarkup {...props} loading={<AtActivityIndicator mode='center' content='正在加载…' />} />
}
