import { Input } from '@tarojs/components'

export interface FieldInputProps {
  value: string
  placeholder: string
  maxLength: number
  testId: string
  onChange: (value: string) => void
  onSearch: (value: string) => void
}

/** The search box's text field: WeChat's `<input>` with the keyboard's 搜索 key. H5: field-input.h5.tsx. */
export default function FieldInput({ value, placeholder, maxLength, testId, onChange, onSearch }: FieldInputProps) {
  return (
    <Input
      className='search-box__input'
      type='text'
      confirmType='search'
      value={value}
      placeholder={placeholder}
      placeholderClass='search-box__placeholder'
      maxlength={maxLength}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={(e) => onSearch(e.detail.value)}
      nativeProps={{ 'data-testid': testId, 'aria-label': placeholder, enterkeyhint: 'search' }}
    />
  )
}
