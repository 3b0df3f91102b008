import { Text, View } from '@tarojs/components'
import type { DocSection } from '@shared/domain/evaluation-form'

export interface DocSectionsProps {
  /** The titled label / value blocks to show (from `evaluation-form.ts`). */
  sections: DocSection[]
  /** `data-testid` prefix of each block: `<prefix>-<index>`. Default `'doc-section'`. */
  testIdPrefix?: string
}

/** The 申报表 or report blocks as rows on screen (class names from the shared `ev` styles). */
export default function DocSections({ sections, testIdPrefix = 'doc-section' }: DocSectionsProps) {
  return (
    <View>
      {sections.map((s, i) => (
        <View key={s.title} data-testid={`${testIdPrefix}-${i}`}>
          <Text className='ev__meta'>{s.title}</Text>
          {s.rows.map(([label, value], j) => (
            <View key={j} className='ev__row'>
              <Text className='ev__label'>{label}</Text>
              <Text className='ev__value'>{value}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
