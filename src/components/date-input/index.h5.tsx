import { useState } from 'react'
import { type DateInputProps, WheelInput } from './wheel'
import { prefersNativeDateInput } from './native'
import './index.scss'

export type { DateInputProps } from './wheel'

/**
 * H5: on a desktop browser (a mouse, not a finger) the browser's own `<input type="date">` (or
 * `time`), which takes typing and shows a calendar, instead of the phone wheel Taro's `Picker`
 * draws; a phone browser keeps the wheel.
 */
export default function DateInput(props: DateInputProps) {
  const [native] = useState(() => prefersNativeDateInput(typeof window === 'undefined' ? undefined : window))
  if (!native) return <WheelInput {...props} />
  const { mode = 'date', value, start, end, onChange, testId, label } = props
  return (
    <input
      className='form-field__picker date-input'
      type={mode}
      value={value}
      min={start}
      max={end}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
