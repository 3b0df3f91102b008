import { View } from '@tarojs/components'
import { TARGET_GROUPS, TARGET_GROUP_LABELS, type TargetGroup } from '@shared/domain/target-groups'
import Chip from '../chip'
import './index.scss'

export interface GroupPickerProps {
  /** Selected groups (controlled). */
  value: readonly TargetGroup[]
  /** Called with the new selection, in the canonical order of TARGET_GROUPS. */
  onChange: (value: TargetGroup[]) => void
  /** Prefix of option test ids: `<prefix>-<group>`. Default `'group'`. */
  testIdPrefix?: string
}

/** Multi-select of the groups the programme supports (高校毕业生, 返乡农民工, …). */
export default function GroupPicker({ value, onChange, testIdPrefix = 'group' }: GroupPickerProps) {
  const toggle = (g: TargetGroup) => {
    const set = new Set(value)
    if (set.has(g)) set.delete(g)
    else set.add(g)
    onChange(TARGET_GROUPS.filter((x) => set.has(x)))
  }
  return (
    <View className='group-picker'>
      {TARGET_GROUPS.map((g) => (
        <Chip
          key={g}
          label={TARGET_GROUP_LABELS[g]}
          active={value.includes(g)}
          checkable
          onClick={() => toggle(g)}
          testId={`${testIdPrefix}-${g}`}
        />
      ))}
    </View>
  )
}
