import { useMemo, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { AtFloatLayout, AtIcon } from 'taro-ui'
import type { OrgNode } from '@shared/contracts/org'
import { groupCommunities } from '../../services/staff/org'
import 'taro-ui/lib/style/components/float-layout.scss'
import './index.scss'

export interface CommunityPickerProps {
  /** The org tree (any levels; only communities are offered). */
  orgs: readonly OrgNode[]
  /** Selected community id, or null. */
  value: string | null
  /** Called with the chosen community id. */
  onChange: (id: string) => void
  /** Text while nothing is chosen. Default `'请选择你所在的社区'`. */
  placeholder?: string
  /** Red border (the form shows the message). Default false. */
  invalid?: boolean
  /** `data-testid` of the field that opens the list; rows get `community-option-<id>`. Default `'community-picker'`. */
  testId?: string
}

/** Picks a community from a searchable list grouped by district and street. */
export default function CommunityPicker({
  orgs,
  value,
  onChange,
  placeholder = '请选择你所在的社区',
  invalid = false,
  testId = 'community-picker',
}: CommunityPickerProps) {
  const [open, setOpen] = useState(false)
  const [keyword, setKeyword] = useState('')
  const groups = useMemo(() => groupCommunities(orgs), [orgs])
  const selected = value ? orgs.find((o) => o._id === value) : undefined
  const shown = useMemo(() => {
    const k = keyword.trim()
    if (!k) return groups
    return groups
      .map((g) => ({ ...g, communities: g.communities.filter((c) => c.fullName.includes(k) || g.title.includes(k)) }))
      .filter((g) => g.communities.length > 0)
  }, [groups, keyword])

  return (
    <View className='community-picker'>
      <View
        role='button'
        className={`community-picker__field${invalid ? ' community-picker__field--invalid' : ''}`}
        data-testid={testId}
        data-value={value ?? ''}
        onClick={() => setOpen(true)}
      >
        <View className='community-picker__value'>
          {selected ? (
            <>
              <Text className='community-picker__name'>{selected.name}</Text>
              <Text className='community-picker__path'>{selected.fullName}</Text>
            </>
          ) : (
            <Text className='community-picker__placeholder'>{placeholder}</Text>
          )}
        </View>
        <AtIcon value='chevron-right' size={18} color='#8f959e' />
      </View>

      <AtFloatLayout isOpened={open} title='选择社区' onClose={() => setOpen(false)}>
        <View className='community-picker__search'>
          <AtIcon value='search' size={16} color='#8f959e' />
          <Input
            className='community-picker__search-input'
            value={keyword}
            placeholder='输入社区或街道名称'
            onInput={(e) => setKeyword(e.detail.value)}
            nativeProps={{ 'data-testid': `${testId}-search`, 'aria-label': '搜索社区或街道' }}
          />
        </View>
        {shown.length === 0 ? (
          <View className='community-picker__empty'>
            <Text>{groups.length === 0 ? '暂时没有可选的社区' : '没有找到这个社区，换个字试试'}</Text>
          </View>
        ) : (
          shown.map((group) => (
            <View className='community-picker__group' key={group.title}>
              <Text className='community-picker__group-title'>{group.title}</Text>
              {group.communities.map((c) => (
                <View
                  key={c._id}
                  role='option'
                  aria-selected={c._id === value}
                  className={`community-picker__option${c._id === value ? ' community-picker__option--active' : ''}`}
                  data-testid={`community-option-${c._id}`}
                  onClick={() => {
                    onChange(c._id)
                    setOpen(false)
                    setKeyword('')
                  }}
                >
                  <Text>{c.name}</Text>
                  {c._id === value ? <AtIcon value='check' size={16} color='#2861d8' /> : null}
                </View>
              ))}
            </View>
          ))
        )}
      </AtFloatLayout>
    </View>
  )
}
