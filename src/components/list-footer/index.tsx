import { View } from '@tarojs/components'
import { AtLoadMore } from 'taro-ui'
import type { PagedList } from '../../hooks/use-paged-list'
import 'taro-ui/lib/style/components/load-more.scss'

export interface ListFooterProps {
  /** The paged list this footer loads more of. */
  list: Pick<PagedList<unknown>, 'loadingMore' | 'hasMore' | 'moreFailed' | 'loadMore'>
  /** `data-testid` of the footer. Default none. */
  testId?: string
}

/** The end of a paged list: 加载更多 (or 重试 after a failure), a spinner, or 没有更多了. */
export default function ListFooter({ list, testId }: ListFooterProps) {
  return (
    <View className='list-footer' data-testid={testId}>
      <AtLoadMore
        status={list.loadingMore ? 'loading' : list.hasMore ? 'more' : 'noMore'}
        moreText={list.moreFailed ? '加载失败，点击重试' : '加载更多'}
        loadingText='正在加载…'
        noMoreText='没有更多了'
        onClick={() => void list.loadMore()}
      />
    </View>
  )
}
