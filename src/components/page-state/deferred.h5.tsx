import { Text, View } from '@tarojs/components'
import { describeError } from '../../services/core/cloud-core'
import { lazyWithPlainFallback } from '../after-first-screen/index.h5'
import type { PageStateProps } from './index'
import './index.scss'

/**
 * Browser build, for a page whose first screen rarely shows a state (the home: its list is
 * drawn from the answer inlined in the HTML): `PageState` with taro-ui's button, loading and
 * icon and Taro's `<button>` element is fetched once the first screen is in (issue 24 item 3).
 * Until it has arrived, or when it cannot (offline), the same state is drawn in plain markup with
 * the same texts, test ids and 重试 / action button (styled by taro-ui's button sheet, which the
 * page loads), so an error is never a blank area.
 */
function PlainPageState({ kind = 'loading', title, description, error, actionText, onAction, compact = false, testId = 'page-state' }: PageStateProps) {
  const failure = kind === 'error' && error !== undefined ? describeError(error) : null
  const action = actionText ?? (kind === 'error' && (!failure || failure.retryable) ? '重试' : undefined)
  const explanation = description ?? failure?.message
  const headline = title ?? { loading: '正在加载…', empty: '这里还没有内容', error: '加载失败' }[kind]
  return (
    <View className={`page-state page-state--${kind}${compact ? ' page-state--compact' : ''}`} data-testid={testId} data-state={kind} data-error-kind={failure?.kind}>
      <View className='page-state__body'>
        <Text className='page-state__title'>{headline}</Text>
        {explanation ? <Text className='page-state__description'>{explanation}</Text> : null}
        {action && onAction ? (
          <View className='page-state__action' data-testid={`${testId}-action`}>
            <View role='button' className={`at-button at-button--small ${kind === 'error' ? 'at-button--primary' : 'at-button--secondary'}`} onClick={onAction}>
              <View className='at-button__text'>{action}</View>
            </View>
          </View>
        ) : null}
      </View>
    </View>
  )
}

export default lazyWithPlainFallback(() => import(/* webpackChunkName: "page-state" */ './index'), PlainPageState)
