import { Text, View } from '@tarojs/components'
import { AtActivityIndicator, AtIcon } from 'taro-ui'
import 'taro-ui/lib/style/components/activity-indicator.scss'
import 'taro-ui/lib/style/components/loading.scss'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'
import { describeError } from '../../services/core/cloud-core'

export interface PageStateProps {
  /** Which state to show. Default `'loading'`. */
  kind?: 'loading' | 'empty' | 'error'
  /** Headline. Default: a sensible text for the kind. */
  title?: string
  /** A line of explanation under the headline. Default: what `error` says happened and what to do, else none. */
  description?: string
  /**
   * The failure behind an error state. It decides the default description (network, permission,
   * validation, server fault, rate limit, each with what to do next) and whether 重试 is offered:
   * only when retrying can help (`isRetryable`). Default none: the description and button as given.
   */
  error?: unknown
  /** Button text. Default `'重试'` for errors, none otherwise. */
  actionText?: string
  /**
   * Called when the button is tapped; no button without it. With `error` and no `actionText`, the
   * 重试 button appears only when retrying can help.
   */
  onAction?: () => void
  /** taro-ui icon name in the circle. Default `'file-generic'` when empty, `'alert-circle'` on error. */
  icon?: string
  /** Less padding, for a state inside a section rather than a whole page. Default false. */
  compact?: boolean
  /** `data-testid` on the root. Default `'page-state'`. */
  testId?: string
}

const DEFAULT_TITLES = { loading: '正在加载…', empty: '这里还没有内容', error: '加载失败' } as const
const ICONS = { empty: 'file-generic', error: 'alert-circle' } as const

/** Loading, empty and error states with one look everywhere; errors say what happened and offer 重试 where it helps. */
export default function PageState({
  kind = 'loading',
  title,
  description,
  error,
  actionText,
  onAction,
  icon,
  compact = false,
  testId = 'page-state',
}: PageStateProps) {
  const failure = kind === 'error' && error !== undefined ? describeError(error) : null
  // A retry that cannot help (a refusal, bad input, no permission) is not offered at all.
  const action = actionText ?? (kind === 'error' && (!failure || failure.retryable) ? '重试' : undefined)
  const explanation = description ?? failure?.message
  return (
    <View
      className={`page-state page-state--${kind}${compact ? ' page-state--compact' : ''}`}
      data-testid={testId}
      data-state={kind}
      data-error-kind={failure?.kind}
    >
      {kind === 'loading' ? (
        <AtActivityIndicator mode='center' size={48} color='#2861d8' content={title ?? DEFAULT_TITLES.loading} isOpened />
      ) : (
        <View className='page-state__body'>
          <View className='page-state__glyph'>
            <AtIcon value={icon ?? ICONS[kind]} size={28} color={kind === 'error' ? '#d03050' : '#2861d8'} />
          </View>
          <Text className='page-state__title'>{title ?? DEFAULT_TITLES[kind]}</Text>
          {explanation ? <Text className='page-state__description'>{explanation}</Text> : null}
          {action && onAction ? (
            <View className='page-state__action' data-testid={`${testId}-action`}>
              {/* taro-ui's button look (its sheet is imported above) on a plain view: the AtButton component
                  and the <button> it wraps stay out of the main package (issue 24); a tap is all this needs. */}
              <View role='button' className={`at-button at-button--small ${kind === 'error' ? 'at-button--primary' : 'at-button--secondary'}`} onClick={onAction}>
                <View className='at-button__text'>{action}</View>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
