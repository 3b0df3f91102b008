import { Text, Textarea, View } from '@tarojs/components'
import './index.scss'

export interface TextListEditorProps {
  /** The rows (controlled). */
  items: string[]
  /** Called with the new rows after an edit, an add or a removal. */
  onChange: (items: string[]) => void
  /** Placeholder of each row. Default `'请输入'`. */
  placeholder?: string
  /** Messages per row index (from field paths like `materials.0`). Default none. */
  rowErrors?: Record<number, string>
  /** Most rows allowed; the add button hides at the limit. Default 12. */
  maxItems?: number
  /** Longest row. Default 200. */
  maxLength?: number
  /** Numbered rows (steps) instead of bullets. Default false. */
  numbered?: boolean
  /** Add button text. Default `'添加一条'`. */
  addText?: string
  /** Prefix of test ids: rows get `<testId>-<i>`, the add button `<testId>-add`. Default none. */
  testId?: string
}

/** An editable list of short texts: edit in place, add a row, remove a row. */
export default function TextListEditor({
  items,
  onChange,
  placeholder = '请输入',
  rowErrors = {},
  maxItems = 12,
  maxLength = 200,
  numbered = false,
  addText = '添加一条',
  testId,
}: TextListEditorProps) {
  const update = (index: number, value: string) => onChange(items.map((item, i) => (i === index ? value : item)))
  const remove = (index: number) => onChange(items.filter((_, i) => i !== index))
  const add = () => onChange([...items, ''])

  return (
    <View className='text-list-editor'>
      {items.map((item, index) => (
        <View className='text-list-editor__row' key={index}>
          <View className='text-list-editor__marker'>
            <Text>{numbered ? index + 1 : '•'}</Text>
          </View>
          <View className='text-list-editor__body'>
            <View className={`text-list-editor__input${rowErrors[index] ? ' text-list-editor__input--error' : ''}`}>
              <Textarea
                className='text-list-editor__textarea'
                value={item}
                placeholder={placeholder}
                placeholderClass='text-list-editor__placeholder'
                maxlength={maxLength}
                autoHeight
                onInput={(e) => update(index, e.detail.value)}
                nativeProps={{ 'aria-label': `第 ${index + 1} 条`, ...(testId ? { 'data-testid': `${testId}-${index}` } : {}) }}
              />
            </View>
            {rowErrors[index] ? <Text className='text-list-editor__error'>{rowErrors[index]}</Text> : null}
          </View>
          <View
            role='button'
            className='text-list-editor__remove'
            onClick={() => remove(index)}
            data-testid={testId ? `${testId}-${index}-remove` : undefined}
            ariaLabel='删除这一条'
          >
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {items.length < maxItems ? (
        <View role='button' className='text-list-editor__add' onClick={add} data-testid={testId ? `${testId}-add` : undefined}>
          <Text>+ {addText}</Text>
        </View>
      ) : null}
    </View>
  )
}
