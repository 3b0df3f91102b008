import { useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Me } from '@shared/contracts/profile'
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, type PolicyCategory } from '@shared/domain/policy'
import CardSkeleton from '../../components/card-skeleton'
import Chip from '../../components/chip'
import HScroll from '../../components/h-scroll'
import NoticeBanner from '../../components/notice-banner'
import PolicyCard from '../../components/policy-card'
import SearchBox from '../../components/search-box'
import StaleNotice from '../../components/stale-notice'
import ServiceHome from '../../components/service-home'
// H5: fetched after the first screen (deferred.h5.tsx); WeChat: the components themselves.
import HotlineCard from '../../components/hotline-card/deferred'
import ListFooter from '../../components/list-footer/deferred'
import PageState from '../../components/page-state/deferred'
import SurveyEntry from '../../components/survey-entry/deferred'
import { useListPage, usePagedList } from '../../hooks/use-paged-list'
import { listPolicies } from '../../services/policy/policy'
import { getMe, peekMe } from '../../services/profile/profile'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'
import { withCareMode } from '../../components/care-root'
import { pageUrl } from '@shared/domain/pages'

const PAGE_SIZE = 10

/** 首页: the support policies a resident can use, with search, categories and 适合我. */
function IndexPage() {
  const [me, setMe] = useState<Me | null>(peekMe())
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const [category, setCategory] = useState<PolicyCategory | null>(null)
  const [forMe, setForMe] = useState(false)
  // Set when 适合我 sent the resident to fill in their profile; turned on when they come back.
  const forMeAfterProfile = useRef(false)

  const myGroups = me?.targetGroups ?? []
  const groupsKey = forMe ? myGroups.join(',') : ''

  const list = usePagedList(
    (after) =>
      listPolicies({
        view: 'resident',
        category: category ?? undefined,
        forMe: forMe || undefined,
        keyword: keyword || undefined,
        after,
        limit: PAGE_SIZE,
      }),
    [category, forMe, keyword, groupsKey],
    { cacheKey: `policies:${category ?? ''}:${forMe ? groupsKey : '-'}:${keyword}` },
  )

  useDidShow(() => {
    getMe()
      .then((m) => {
        setMe(m)
        if (forMeAfterProfile.current && m.targetGroups.length > 0) setForMe(true)
        forMeAfterProfile.current = false
      })
      // The list works without the profile; the banner and 适合我 wait for the next show.
      .catch(() => undefined)
  })

  // The list reloads on pull-down only (with the profile, for the banner and 适合我).
  useListPage(list, { refreshOnShow: false, alsoReload: () => getMe({ fresh: true }).then(setMe, () => undefined) })

  const toggleForMe = () => {
    if (forMe) {
      setForMe(false)
      return
    }
    if (me && me.targetGroups.length === 0) {
      forMeAfterProfile.current = true
      void Taro.navigateTo({ url: pageUrl('profileEdit', { from: 'forMe' }) })
      return
    }
    setForMe(true)
  }

  const profileEmpty = me !== null && me.kind === 'resident' && me.targetGroups.length === 0
  const filtered = Boolean(keyword || category || forMe)

  const subtitle = useMemo(() => {
    if (me?.communityName) return `${me.communityName}和上级部门发布的补贴、贷款、场地支持`
    return '找到适合你的补贴、贷款和场地支持'
  }, [me])

  return (
    <View className='home'>
      <View className='home__header'>
        <Text className='home__title'>创业扶持政策</Text>
        <Text className='home__subtitle'>{subtitle}</Text>
        <View className='home__search'>
          <SearchBox
            value={input}
            onChange={setInput}
            onSearch={(v) => setKeyword(v.trim())}
            placeholder='搜索政策，如 担保贷款、场租'
          />
        </View>
      </View>

      <View className='home__filters'>
        <HScroll className='home__chips' label='政策类别'>
          <View className='home__chips-inner'>
            <Chip label='全部' active={category === null} onClick={() => setCategory(null)} testId='chip-all' />
            {POLICY_CATEGORIES.map((c) => (
              <Chip
                key={c}
                label={POLICY_CATEGORY_LABELS[c]}
                active={category === c}
                onClick={() => setCategory(category === c ? null : c)}
                testId={`chip-${c}`}
              />
            ))}
          </View>
        </HScroll>
      </View>

      <View className='home__body'>
        {profileEmpty ? (
          <View className='home__banner'>
            <NoticeBanner
              text='设置我的情况，看看哪些政策适合我'
              actionText='去设置'
              onAction={() => void Taro.navigateTo({ url: pageUrl('profileEdit', { from: 'banner' }) })}
              testId='profile-banner'
            />
          </View>
        ) : null}

        <SurveyEntry />

        {me?.kind === 'staff' ? null : me?.hasIntent ? (
          <View className='home__banner' data-testid='my-case-banner'>
            <NoticeBanner text='你已登记创业意向，看看社区的帮扶进展' actionText='我的创业档案' onAction={() => void Taro.navigateTo({ url: pageUrl('myCase') })} />
          </View>
        ) : (
          <View className='home__banner' data-testid='intent-entry'>
            <NoticeBanner text='想创业？登记一下，社区创业指导员一对一帮你' actionText='去登记' onAction={() => void Taro.navigateTo({ url: pageUrl('intentForm') })} />
          </View>
        )}

        <ServiceHome />

        <HotlineCard />

        <View className='home__list-head'>
          <Text className='home__list-title'>{forMe ? '适合我的政策' : keyword ? `“${keyword}”的搜索结果` : '全部政策'}</Text>
          <View
            className={`home__for-me${forMe ? ' home__for-me--on' : ''}`}
            onClick={toggleForMe}
            data-testid='for-me-toggle'
            data-active={forMe ? 'true' : 'false'}
            role='switch'
            aria-checked={forMe}
          >
            <View className='home__for-me-knob' />
            <Text>适合我</Text>
          </View>
        </View>

        <StaleNotice list={list} />
        {list.status === 'loading' && list.items.length === 0 ? (
          <CardSkeleton count={3} />
        ) : list.status === 'loading' ? (
          <PageState kind='loading' compact />
        ) : list.status === 'error' ? (
          <PageState kind='error' title='政策加载失败' error={list.error} onAction={() => void list.refresh()} testId='list-error' />
        ) : list.items.length === 0 ? (
          filtered ? (
            <PageState
              kind='empty'
              title='没有找到符合条件的政策'
              description={forMe ? '暂时没有适合你所选人群的政策，可以看看全部政策' : '换个关键词或类别试试'}
              actionText='查看全部政策'
              onAction={() => {
                setInput('')
                setKeyword('')
                setCategory(null)
                setForMe(false)
              }}
              testId='list-empty'
            />
          ) : (
            <PageState kind='empty' title='暂时还没有政策' description='社区发布扶持政策后会在这里显示' testId='list-empty' />
          )
        ) : (
          <View className='home__list' data-testid='policy-list'>
            {list.items.map((p) => (
              <PolicyCard key={p._id} policy={p} onClick={() => void Taro.navigateTo({ url: pageUrl('policyDetail', { id: p._id }) })} />
            ))}
            <ListFooter list={list} testId='load-more' />
          </View>
        )}
      </View>
    </View>
  )
}

export default withCareMode(IndexPage)
