import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { SearchGroup } from '@shared/contracts/service'
import PageState from '../../components/page-state'
import { searchAll } from '../../services/service/service'
import { useLoad } from '../../hooks/use-load'
import './index.scss'
import { withCareMode } from '../../components/care-root'

/** What residents most often look for: one tap instead of typing (older residents especially). */
const SUGGESTIONS = ['创业担保贷款', '一次性创业补贴', '创业培训', '场地', '个体工商户', '社保补贴']

/** 搜索: policies, guides, courses, sites and stories in one place. */
function SearchPage() {
  const [q, setQ] = useState(decodeURIComponent(useRouter().params.q ?? ''))
  const [asked, setAsked] = useState(q)
  const result = useLoad<SearchGroup[]>(() => (asked.trim() ? searchAll(asked.trim()) : Promise.resolve([])), [asked])
  return (
    <View className='search'>
      <View className='search__bar'>
        <Input className='search__input' value={q} focus placeholder='搜政策、指南、培训、场地' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => setAsked(q)} nativeProps={{ 'data-testid': 'search-input', 'aria-label': '搜索政策、指南、培训、场地' }} />
        <View className='search__go' role='button' onClick={() => setAsked(q)}>
          <Text>搜索</Text>
        </View>
      </View>
      {asked ? null : (
        <View className='search__suggest' data-testid='search-suggestions'>
          <Text className='search__suggest-title'>大家常搜</Text>
          <View className='search__suggest-list'>
            {SUGGESTIONS.map((w) => (
              <View
                key={w}
                className='search__suggest-item'
                role='button'
                onClick={() => {
                  setQ(w)
                  setAsked(w)
                }}
              >
                <Text>{w}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
      {result.status === 'error' ? (
        <PageState kind='error' error={result.error} />
      ) : !result.data ? (
        <PageState kind='loading' />
      ) : result.data.length === 0 && !asked ? null : result.data.length === 0 ? (
        <PageState kind='empty' icon='search' title={asked ? '没有找到相关内容' : '输入想找的内容'} description={asked ? '换个词试试，比如“贷款”“补贴”“培训”' : undefined} />
      ) : (
        result.data.map((g) => (
          <View key={g.kind} className='search__card' data-testid='search-group'>
            <Text className='search__card-title'>{g.label}</Text>
            {g.items.map((hit) => (
              <View key={hit.id} className='search__hit' onClick={() => void Taro.navigateTo({ url: hit.url })}>
                <Text className='search__hit-title'>{hit.title}</Text>
                <Text className='search__line'>{hit.summary}</Text>
              </View>
            ))}
          </View>
        ))
      )}
    </View>
  )
}

export default withCareMode(SearchPage)
