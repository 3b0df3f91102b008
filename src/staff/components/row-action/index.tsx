import { Text, View } from '@tarojs/components'

export interface RowActionProps {
  /** The list page's BEM block (`staff-policies`): its `cy-staff-row-actions` mixin styles the action. */
  block: string
  label: string
  /** `primary` for the step the row waits for, `danger` for one that takes something away. */
  tone?: 'primary' | 'danger'
  /** A write in flight on this row: dimmed, and a tap does nothing. */
  busy?: boolean
  /** Another row's write is in flight: a tap does nothing (nothing dimmed). */
  locked?: boolean
  testId?: string
  onClick: () => void
}

/** One action under a staff list row (编辑, 发布, 下架 …), in the row's action bar. */
export default function RowAction({ block, label, tone, busy = false, locked = false, testId, onClick }: RowActionProps) {
  const className = `${block}__action${tone ? ` ${block}__action--${tone}` : ''}${busy ? ` ${block}__action--busy` : ''}`
  return (
    <View className={className} role='button' data-testid={testId} onClick={() => !busy && !locked && onClick()}>
      <Text>{label}</Text>
    </View>
  )
}
