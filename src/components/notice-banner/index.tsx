import { Text, View } from '@tarojs/components'
import './index.scss'

export interface NoticeBannerProps {
  /** The message. */
  text: string
  /** Colour family. Default `'info'`. */
  tone?: 'info' | 'warning' | 'danger'
  /** Link text at the right; the banner is tappable when `onAction` is set. Default none. */
  actionText?: string
  /** Tap handler. Default none. */
  onAction?: () => void
  /** `data-testid`. Default none. */
  testId?: string
}

/** A gentle one-line notice with an optional action, e.g. 设置我的情况. */
export default function NoticeBanner({ text, tone = 'info', actionText, onAction, testId }: NoticeBannerProps) {
  return (
    <View role='button' className={`notice-banner notice-banner--${tone}`} onClick={onAction} data-testid={testId}>
      <Text className='notice-banner__text'>{text}</Text>
      {actionText ? <Text className='notice-banner__action'>{actionText} ›</Text> : null}
    </View>
  )
}
