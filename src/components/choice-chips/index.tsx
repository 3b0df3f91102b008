import { View } from '@tarojs/components'
import Chip from '../chip'
import './index.scss'

export interface ChoiceChipsProps<K extends string> {
  /** The options, in display order. */
  options: readonly K[]
  /** Label of each option. */
  labels: Record<K, string>
  /** Selected option(s): one key, or a list when `multiple`. */
  value: K | null | readonly K[]
  /** Called with the new selection: the tapped key, or the new list when `multiple` (in option order). */
  onChange: (value: K | K[]) => void
  /** Many may be chosen. Default false. */
  multiple?: boolean
  /** Prefix of option test ids: `<prefix>-<key>`. Default `'choice'`. */
  testIdPrefix?: string
}

/** A row of chips to pick one option (or several) from a short fixed list. */
export default function ChoiceChips<K extends string>({ options, labels, value, onChange, multiple = false, testIdPrefix = 'choice' }: ChoiceChipsProps<K>) {
  const selected = new Set<K>(Array.isArray(value) ? (value as readonly K[]) : value ? [value as K] : [])
  const tap = (k: K) => {
    if (!multiple) return onChange(k)
    const next = new Set(selected)
    if (next.has(k)) next.delete(k)
    else next.add(k)
    onChange(options.filter((o) => next.has(o)))
  }
  return (
    <View className='choice-chips' role={multiple ? 'group' : 'radiogroup'}>
      {options.map((k) => (
        <Chip key={k} label={labels[k]} active={selected.has(k)} checkable={multiple} onClick={() => tap(k)} testId={`${testIdPrefix}-${k}`} />
      ))}
    </View>
  )
}
