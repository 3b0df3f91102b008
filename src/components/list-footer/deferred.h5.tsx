import { Text } from '@tarojs/components'
import { lazyWithPlainFallback } from '../after-first-screen/index.h5'
import { ListFooterMarkup, type ListFooterProps } from './markup'
import 'taro-ui/lib/style/components/load-more.scss'

/**
 * Browser build, for the home: the list's foot (with taro-ui's activity indicator for the next
 * page's spinner) is fetched once the first screen is in (issue 24 item 3); until then, or
 * offline, the same footer with 正在加载… as text instead of the spinner (taro-ui's load-more and
 * button sheets are on the page).
 */
function PlainListFooter(props: ListFooterProps) {
  return <ListFooterMarkup {...props} loading={<Text className='at-load-more__tip'>正在加载…</Text>} />
}

export default lazyWithPlainFallback(() => import(/* webpackChunkName: "list-footer" */ './index'), PlainListFooter)
