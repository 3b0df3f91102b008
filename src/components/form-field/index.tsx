import type { ReactNode } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import './index.scss'

export interface FormFieldProps {
  /** Field label. */
  label: string
  /** Marks the field as required. Default false. */
  required?: boolean
  /** Message under the control when the value is wrong. Default none. */
  error?: string
  /** Help text under the control, hidden while an error shows. Default none. */
  hint?: string
  /** Something at the right of the label row (a counter, a switch). Default none. */
  extra?: ReactNode
  /** `data-testid` of the whole field (label, control, message). Default none. */
  testId?: string
  /** The control. */
  children: ReactNode
}

/** A labelled form row with its error message beside the control. */
export default function FormField({ label, required = false, error, hint, extra, testId, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}`} data-testid={testId} data-invalid={error ? 'true' : 'false'}>
      <View className='form-field__head'>
        <Text className='form-field__label'>
          {label}
          {required ? <Text className='form-field__required'> *</Text> : null}
        </Text>
        {extra ? <View className='form-field__extra'>{extra}</View> : null}
      </View>
      <View className='form-field__control'>{children}</View>
      {error ? (
        <Text className='form-field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : hint ? (
        <Text className='form-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}

export interface FieldTextareaProps {
  /** The text. */
  value: string
  /** Called with the new text as it is typed. */
  onInput: (value: string) => void
  /** Most characters allowed. */
  maxlength: number
  /** Shown while empty. Default none. */
  placeholder?: string
  /** `data-testid` of the text area. Default none. */
  testId?: string
  /** Its accessible name where the field's label is not next to it. Default none. */
  ariaLabel?: string
  /** A class added to the text area (a page's height for it). Default none. */
  className?: string
}

/**
 * A text area inside a FormField: the bordered wrapper that looks the same in WeChat (where the
 * text area is native) and in a browser, the placeholder's colour, the test id and the name.
 */
export function FieldTextarea({ value, onInput, maxlength, placeholder, testId, ariaLabel, className }: FieldTextareaProps) {
  return (
    <View className='form-field__textarea'>
      <Textarea
        className={className ? `form-field__textarea-input ${className}` : 'form-field__textarea-input'}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='form-field__placeholder'
        onInput={(e) => onInput(e.detail.value)}
        nativeProps={{ ...(testId ? { 'data-testid': testId } : {}), ...(ariaLabel ? { 'aria-label': ariaLabel } : {}) }}
      />
    </View>
  )
}
