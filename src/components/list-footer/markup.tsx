import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PagedList } from '../../hooks/use-paged-list'
import { moreFailedText } from './more-failed'

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

/**
 * taro-ui's load-more look drawn on plain views (its component pulls AtButton and a `<button>` into
 * the main package: issue 24): 加载更多 (or what failed and 重试), `loading` while the next page
 * loads, or 没有更多了. Both builds' footers draw it; they differ only in what shows while loading.
 */
export function ListFooterMarkup({ list, moreText = '加载更多', showEnd = true, testId, loading }: ListFooterProps & { loading: ReactNode }) {
  if (!showEnd && !list.hasMore && !list.loadingMore && !list.moreFailed) return null
  return (
    <View className='list-footer' data-testid={testId}>
      <View className='at-load-more'>
        {list.loadingMore ? (
          loading
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
