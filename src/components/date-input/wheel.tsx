import { Picker, Text, View } from '@tarojs/components'

export interface DateInputProps {
  /** `date` (YYYY-MM-DD) or `time` (HH:mm). Default `date`. */
  mode?: 'date' | 'time'
  /** The value; empty when none is chosen yet. */
  value: string
  /** Where the phone wheel starts while `value` is empty (today, say). Default none. */
  initial?: string
  /** What the box says while `value` is empty. Default empty. */
  placeholder?: string
  /** Earliest and latest value allowed. Default none. */
  start?: string
  end?: string
  onChange: (value: string) => void
  /** `data-testid` of the box. Default none. */
  testId?: string
  /** Read by screen readers. Default none. */
  label?: string
}

/** The phone's date or time wheel (Taro `Picker`) behind a box that looks like a form field. */
export function WheelInput({ mode = 'date', value, initial, placeholder = '', start, end, onChange, testId, label }: DateInputProps) {
  return (
    <Picker mode={mode} value={value || initial || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='form-field__picker' data-testid={testId} aria-label={label}>
        <Text>{value || placeholder}</Text>
      </View>
    </Picker>
  )
}
