import { Text, View } from '@tarojs/components'
import './index.scss'

export interface SegmentTab<K extends string> {
  key: K
  label: string
}

export interface SegmentTabsProps<K extends string> {
  /** The tabs, left to right. */
  tabs: readonly SegmentTab<K>[]
  /** Key of the selected tab. */
  value: K
  /** Called with the tapped tab's key. */
  onChange: (key: K) => void
  /** Prefix of tab test ids: `<prefix>-<key>`. Default `'tab'`. */
  testIdPrefix?: string
}

/** A row of underlined tabs (e.g. 全部 / 草稿 / 已发布 / 已下架). */
export default function SegmentTabs<K extends string>({ tabs, value, onChange, testIdPrefix = 'tab' }: SegmentTabsProps<K>) {
  return (
    <View className='segment-tabs' role='tablist'>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          role='tab'
          aria-selected={tab.key === value}
          className={`segment-tabs__tab${tab.key === value ? ' segment-tabs__tab--active' : ''}`}
          data-testid={`${testIdPrefix}-${tab.key}`}
          onClick={() => onChange(tab.key)}
        >
          <Text>{tab.label}</Text>
        </View>
      ))}
    </View>
  )
}
