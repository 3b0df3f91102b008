import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { SearchHit, SearchResult } from '@shared/contracts/service'
import PageState from '../../../components/page-state'
import { searchAll } from '../../../services/service/service'
import { useLoad } from '../../../hooks/use-load'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** What residents most often look for: one tap instead of typing (older residents especially). */
const SUGGESTIONS = ['想开个小店有什么补贴', '失业了能贷款吗', '大学生创业场地', '创业培训', '最近有什么活动', '营业执照怎么办']

const NOTHING: SearchResult = { top: [], groups: [], hint: null }

/** 搜索: policies, guides, events, courses, sites and stories in one place; plain questions work. */
function SearchPage() {
  const [q, setQ] = useState(decodeURIComponent(useRouter().params.q ?? ''))
  const [asked, setAsked] = useState(q)
  const result = useLoad<SearchResult>(() => (asked.trim() ? searchAll(asked.trim()) : Promise.resolve(NOTHING)), [asked])
  const open = (hit: SearchHit) => void Taro.navigateTo({ url: hit.url })
  return (
    <View className='search'>
      <View className='search__bar'>
        <Input className='search__input' value={q} focus placeholder='说说你想做什么，如“开小店有什么补贴”' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => setAsked(q)} nativeProps={{ 'data-testid': 'search-input', 'aria-label': '搜索政策、办事指南、活动、培训、场地' }} />
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
      ) : !asked ? null : result.data.groups.length === 0 ? (
        <PageState kind='empty' icon='search' title='没有找到相关内容' description={result.data.hint ?? '换个说法试试，比如“贷款”“补贴”“培训”'} />
      ) : (
        <View>
          {result.data.hint ? <Text className='search__hint' data-testid='search-hint'>{result.data.hint}</Text> : null}
          <View className='search__card' data-testid='search-top'>
            <Text className='search__card-title'>最相关</Text>
            {result.data.top.map((hit) => (
              <View key={`${hit.kind}:${hit.id}`} className='search__hit' role='button' onClick={() => open(hit)}>
                <Text className='search__hit-title'>{hit.title}</Text>
                <Text className='search__line'>{result.data?.groups.find((g) => g.kind === hit.kind)?.label} · {hit.summary}</Text>
              </View>
            ))}
          </View>
          {result.data.groups.map((g) => (
            <View key={g.kind} className='search__card' data-testid='search-group'>
              <Text className='search__card-title'>{g.label}</Text>
              {g.items.map((hit) => (
                <View key={hit.id} className='search__hit' role='button' onClick={() => open(hit)}>
                  <Text className='search__hit-title'>{hit.title}</Text>
                  <Text className='search__line'>{hit.summary}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default withCareMode(SearchPage)
