import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChipProps {
  /** The label. */
  label: string
  /** Selected look. Default false. */
  active?: boolean
  /** Tap handler; without it the chip is static. */
  onClick?: () => void
  /** Smaller text and padding (tags inside cards). Default false. */
  small?: boolean
  /** Colour family. Default `'primary'`. */
  tone?: 'primary' | 'neutral' | 'success' | 'warning' | 'danger'
  /** Shows a check mark when active (multi-select). Default false. */
  checkable?: boolean
  /** `data-testid`. Default none. */
  testId?: string
}

/** A pill used for filters, multi-select options and small labels. */
export default function Chip({
  label,
  active = false,
  onClick,
  small = false,
  tone = 'primary',
  checkable = false,
  testId,
}: ChipProps) {
  const cls = [
    'chip',
    `chip--${tone}`,
    active ? 'chip--active' : '',
    small ? 'chip--small' : '',
    onClick ? 'chip--clickable' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={cls}
      onClick={onClick}
      data-testid={testId}
      data-active={active ? 'true' : 'false'}
      role={onClick ? (checkable ? 'checkbox' : 'button') : undefined}
      aria-checked={checkable ? active : undefined}
      aria-pressed={!checkable && onClick ? active : undefined}
    >
      {checkable && active ? <Text className='chip__check'>✓</Text> : null}
      <Text>{label}</Text>
    </View>
  )
}
