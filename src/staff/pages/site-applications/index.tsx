import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { SiteApplicationView as SiteApplication } from '@shared/domain/service'
import { SITE_APPLICATION_STATUS_LABELS } from '@shared/domain/service'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { declineSite, listSiteApplications, placeSite } from '../../../services/service/service'
import { intentRoutes } from '../../../utils/intent-routes'
import { confirm, toastSuccess } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/**
 * 场地申请: residents' applications from my communities. 安排入驻 takes a vacancy and records the
 * placement on the case as 场地对接 help; 无法安排 answers with a reason.
 */
function SiteApplicationsPageBody() {
  const list = useLoad(() => listSiteApplications(), [])
  const [busy, setBusy] = useState<string | null>(null)

  const answer = async (a: SiteApplication, place: boolean) => {
    const reply = place ? `已安排入驻${a.siteName}，工作人员会联系你约定入驻时间` : '暂时没有合适的位置，社区会继续帮你留意'
    const ok = await confirm(place ? `安排入驻${a.siteName}？` : '答复无法安排？', place ? '会占用一个空位，并记入居民的帮扶台帐' : reply, place ? '安排入驻' : '答复')
    if (!ok) return
    setBusy(a._id)
    try {
      await (place ? placeSite(a._id, reply) : declineSite(a._id, reply))
      toastSuccess(place ? '已安排入驻' : '已答复')
      void list.reload()
    } catch (e) {
      void Taro.showModal({ title: '没能保存', content: errorMessage(e), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  return (
      <View className='site-apps'>
        <View className='site-apps__top'>
          <Text className='site-apps__title'>场地申请</Text>
          <Text className='site-apps__sub'>安排入驻会占用一个空位，并在居民的帮扶台帐里记一条“场地对接”</Text>
        </View>
        {list.status === 'error' ? (
          <PageState kind='error' error={list.error} onAction={() => void list.reload()} />
        ) : !list.data ? (
          <PageState kind='loading' />
        ) : list.data.items.length === 0 ? (
          <PageState kind='empty' title='还没有场地申请' />
        ) : (
          <View className='site-apps__list' data-testid='site-application-list'>
            {list.data.items.map((a) => (
              <View key={a._id} className='site-apps__card' data-testid='site-application-row' data-status={a.status}>
                <View className='site-apps__row'>
                  <Text className='site-apps__name'>{a.name}</Text>
                  <Text className={`site-apps__status site-apps__status--${a.status}`}>{SITE_APPLICATION_STATUS_LABELS[a.status]}</Text>
                </View>
                <Text className='site-apps__line'>申请：{a.siteName}</Text>
                <Text className='site-apps__line'>需求：{a.note}</Text>
                {a.reply ? <Text className='site-apps__line'>答复：{a.reply}（{a.handledByName}）</Text> : null}
                <View className='site-apps__actions'>
                  <Text className='site-apps__link' onClick={() => void Taro.navigateTo({ url: intentRoutes.staffCase(a.intentId) })}>
                    查看台帐 ›
                  </Text>
                  {a.status === 'pending' ? (
                    <View className='site-apps__buttons'>
                      <View data-testid='site-decline'>
                        <AtButton size='small' disabled={busy !== null} onClick={() => void answer(a, false)}>
                          无法安排
                        </AtButton>
                      </View>
                      <View data-testid='site-place'>
                        <AtButton type='primary' size='small' loading={busy === a._id} disabled={busy !== null} onClick={() => void answer(a, true)}>
                          安排入驻
                        </AtButton>
                      </View>
                    </View>
                  ) : null}
                </View>
              </View>
            ))}
          </View>
        )}
      </View>
  )
}

export default function SiteApplicationsPage() {
  return (
    <StaffLayout page='siteApplications'>
      <SiteApplicationsPageBody />
    </StaffLayout>
  )
}
