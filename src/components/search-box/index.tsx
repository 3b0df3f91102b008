import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import FieldInput from './field-input'
import './index.scss'

export interface SearchBoxProps {
  /** Current text (controlled). */
  value: string
  /** Called on every keystroke. */
  onChange: (value: string) => void
  /** Called with the text on the keyboard's search key or the 搜索 button, and with '' on clear. */
  onSearch: (value: string) => void
  /** Placeholder. Default `'搜索'`. */
  placeholder?: string
  /** Longest text. Default 30 (the policy list's keyword limit). */
  maxLength?: number
  /** `data-testid` of the text input itself (fillable in browser tests). Default `'search-input'`. */
  testId?: string
}

/** A rounded search field with a clear button and a 搜索 button. */
export default function SearchBox({
  value,
  onChange,
  onSearch,
  placeholder = '搜索',
  maxLength = 30,
  testId = 'search-input',
}: SearchBoxProps) {
  return (
    <View className='search-box'>
      <View className='search-box__field'>
        <AtIcon value='search' size={16} color='#8f959e' />
        <FieldInput value={value} placeholder={placeholder} maxLength={maxLength} testId={testId} onChange={onChange} onSearch={onSearch} />
        {value ? (
          <View
            role='button'
            aria-label='清空搜索'
            className='search-box__clear'
            data-testid={`${testId}-clear`}
            onClick={() => {
              onChange('')
              onSearch('')
            }}
          >
            <AtIcon value='close-circle' size={16} color='#c0c4cc' />
          </View>
        ) : null}
      </View>
      <View role='button' className='search-box__button' data-testid={`${testId}-submit`} onClick={() => onSearch(value)}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
