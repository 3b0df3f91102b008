import type { FieldInputProps } from './field-input'
import './field-input.h5.scss'

/**
 * H5: the browser's own `<input>`. Taro's Input is a web component (taro-input-core, 1.8 KB gzip
 * with its loader) that wraps the same element; the home's search box is on the first screen
 * (issue 24: H5 first screen), so it draws the element itself. Enter searches, except while an
 * input method is still composing (Chinese pinyin confirms its candidate with Enter).
 */
export default function FieldInput({ value, placeholder, maxLength, testId, onChange, onSearch }: FieldInputProps) {
  return (
    <input
      className='search-box__input search-box__input--web'
      type='text'
      inputMode='search'
      enterKeyHint='search'
      autoComplete='off'
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      aria-label={placeholder}
      data-testid={testId}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
        e.preventDefault()
        onSearch(e.currentTarget.value)
      }}
    />
  )
}
