import { Text, View } from '@tarojs/components'
import { lazyWithPlainFallback } from '../after-first-screen/index.h5'
import type { ListFooterProps } from './index'
import { moreFailedText } from './more-failed'
import 'taro-ui/lib/style/components/load-more.scss'

/**
 * Browser build, for the home: the list's foot (with taro-ui's activity indicator for the next
 * page's spinner) is fetched once the first screen is in (issue 24 item 3); until then,
 * or offline, the same footer in plain markup: 加载更多 (or what failed and 点击重试), 正在加载…,
 * 没有更多了, with taro-ui's load-more and button classes (their sheets are on the page).
 */
function PlainListFooter({ list, moreText = '加载更多', showEnd = true, testId }: ListFooterProps) {
  if (!showEnd && !list.hasMore && !list.loadingMore && !list.moreFailed) return null
  return (
    <View className='list-footer' data-testid={testId}>
      <View className='at-load-more'>
        {list.loadingMore ? (
          <Text className='at-load-more__tip'>正在加载…</Text>
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

export default lazyWithPlainFallback(() => import(/* webpackChunkName: "list-footer" */ './index'), PlainListFooter)
