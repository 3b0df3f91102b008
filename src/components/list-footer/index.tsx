import { Text, View } from '@tarojs/components'
import { AtActivityIndicator } from 'taro-ui'
import type { PagedList } from '../../hooks/use-paged-list'
import { moreFailedText } from './more-failed'
import 'taro-ui/lib/style/components/load-more.scss'
import 'taro-ui/lib/style/components/activity-indicator.scss'
import 'taro-ui/lib/style/components/button.scss'

export interface ListFooterProps {
  /** The paged list this footer loads more of. */
  list: Pick<PagedList<unknown>, 'loadingMore' | 'hasMore' | 'moreFailed' | 'moreError' | 'loadMore'>
  /** The button's words while more rows wait. Default 加载更多. */
  moreText?: string
  /** Say 没有更多了 once every row is shown; false shows nothing then. Default true. */
  showEnd?: boolean
  /** `data-testid` of the footer. Default none. */
  testId?: string
}

export { moreFailedText } from './more-failed'

/** The end of a paged list: 加载更多 (or what went wrong and 重试 after a failure), a spinner, or 没有更多了. */
export default function ListFooter({ list, moreText = '加载更多', showEnd = true, testId }: ListFooterProps) {
  if (!showEnd && !list.hasMore && !list.loadingMore && !list.moreFailed) return null
  return (
    <View className='list-footer' data-testid={testId}>
      {/* taro-ui's load-more look, drawn here: its component pulls AtButton and a <button> into the main package (issue 24). */}
      <View className='at-load-more'>
        {list.loadingMore ? (
          <AtActivityIndicator mode='center' content='正在加载…' />
        ) : list.hasMore || list.moreFailed ? (
          <View className='at-load-more__cnt'>
            <View role='button' className='at-button at-button--full' onClick={() => void list.loadMore()}>
              <View className='at-button__text'>{list.moreFailed ? moreFailedText(list.moreError) : moreText}</View>
            </View>
          </View>
        ) : (
          <Text className='at-load-more__tip'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
