import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { SiteView } from '@shared/contracts/service'
import { INDUSTRY_LABELS } from '@shared/domain/case'
import { SITE_APPLICATION_STATUS_LABELS, SITE_KIND_LABELS } from '@shared/domain/service'
import HotlineCard from '../../../components/hotline-card'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { errorMessage } from '../../../services/core/cloud'
import { applySite, listSites } from '../../../services/service/service'
import { toastSuccess } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/**
 * 创业场地: 创业园、孵化基地 and low-rent shops of my community and the offices above it. When my
 * registration asked for a place, the ones that suit it come first and I can apply from here.
 */
function SitesPage() {
  const list = usePagedList((after) => listSites('resident', after), [])
  useListPage(list)
  const [open, setOpen] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const apply = async (s: SiteView) => {
    if (note.trim().length < 4) return void Taro.showToast({ title: '请写几句你的需求', icon: 'none' })
    setBusy(true)
    try {
      await applySite(s._id, note.trim())
      toastSuccess('已提交申请')
      setOpen(null)
      setNote('')
      void list.refresh({ quiet: true })
    } catch (e) {
      void Taro.showModal({ title: '没能提交', content: errorMessage(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='sites'>
      <View className='sites__header'>
        <Text className='sites__title'>创业场地</Text>
        <Text className='sites__subtitle'>创业园、孵化基地和低租金门面。登记创业意向时选了“场地”，适合你的会排在前面，可以直接申请。</Text>
      </View>
      {list.status === 'loading' ? (
        <PageState kind='loading' />
      ) : list.status === 'error' ? (
        <PageState kind='error' title='场地加载失败' error={list.error} onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <PageState kind='empty' icon='home' title='暂无场地信息' />
      ) : (
        <View data-testid='site-list'>
          {list.items.map((s) => (
            <View key={s._id} className='sites__card' data-testid='site-card'>
              <View className='sites__tags'>
                <Text className='sites__tag'>{SITE_KIND_LABELS[s.kind]}</Text>
                {s.matches ? <Text className='sites__tag sites__tag--warn'>适合你</Text> : null}
                <Text className={`sites__tag${s.vacancies > 0 ? ' sites__tag--good' : ''}`}>{s.vacancies > 0 ? `空余 ${s.vacancies} 个` : '暂无空位'}</Text>
              </View>
              <Text className='sites__card-title'>{s.name}</Text>
              <Text className='sites__line'>{s.address} · 共 {s.capacity} 个位置</Text>
              <Text className='sites__line'>{s.conditions}</Text>
              <Text className='sites__line'>
                {s.industries.length ? `接收：${s.industries.map((i) => INDUSTRY_LABELS[i]).join('、')}` : '各行业都可以'} · 联系 {s.contactName} {s.contactPhone}
              </Text>
              {s.mine ? (
                <Text className='sites__status' data-testid='site-application-status'>
                  我的申请：{SITE_APPLICATION_STATUS_LABELS[s.mine]}
                </Text>
              ) : s.matches ? (
                open === s._id ? (
                  <View className='sites__apply'>
                    <Textarea className='sites__textarea' value={note} maxlength={300} placeholder='说说你要做什么、需要多大的地方' onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'data-testid': 'site-note' }} />
                    <View className='sites__actions' data-testid='site-apply-submit'>
                      <AtButton type='primary' size='small' loading={busy} onClick={() => void apply(s)}>
                        提交申请
                      </AtButton>
                    </View>
                  </View>
                ) : (
                  <View className='sites__actions' data-testid='site-apply'>
                    <AtButton type='secondary' size='small' onClick={() => setOpen(s._id)}>
                      申请入驻
                    </AtButton>
                  </View>
                )
              ) : null}
            </View>
          ))}
          <ListFooter list={list} showEnd={false} />
        </View>
      )}
      <HotlineCard />
    </View>
  )
}

export default withCareMode(SitesPage)
