import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyActivity } from '@shared/contracts/event'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { usePageLoad } from '../../../hooks/use-page-load'
import { cancelSignup, eventErrorMessage, myActivities } from '../../../services/event/event'
import { cancelCourse, trainingErrorMessage } from '../../../services/event/training'
import { routes } from '../../../utils/routes'
import { eventTimeLabel, startLabel } from '../../../utils/event-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** `12月7日 周一 14:00–16:00` (an event) or `12月7日 周一 14:00` (a course's first session), Shanghai time. */
function when(a: MyActivity): string {
  return a.kind === 'event' ? eventTimeLabel(a.startAt, a.endAt) : startLabel(a.startAt)
}

/** 我的活动: the events and courses I signed up for — when, where, my 报名号 — and cancel where allowed. */
function MyActivitiesPage() {
  const data = usePageLoad(() => myActivities(), [])
  const [busy, setBusy] = useState('')

  const cancel = async (a: MyActivity) => {
    if (!(await confirm('取消报名', `确定不参加“${a.title}”了吗？名额会让给候补的居民。`, '取消报名'))) return
    setBusy(a.id)
    try {
      if (a.kind === 'event') await cancelSignup(a.id)
      else await cancelCourse(a.id)
      toastSuccess('已取消报名')
      await data.reload()
    } catch (e) {
      toastText(a.kind === 'event' ? eventErrorMessage(e) : trainingErrorMessage(e))
    } finally {
      setBusy('')
    }
  }

  if (data.status === 'error' && !data.data) return <PageState kind='error' title='没能打开我的活动' error={data.error} onAction={() => void data.reload()} />
  if (!data.data) return <PageState kind='loading' />
  const { upcoming, past } = data.data
  if (!upcoming.length && !past.length) {
    return (
      <PageState
        kind='empty'
        icon='calendar'
        title='还没有报名活动或培训'
        description='社区的创业沙龙、政策宣讲和创业培训都可以在这里查看'
        actionText='去看看活动'
        onAction={() => void Taro.switchTab({ url: routes.events })}
        testId='my-activities-empty'
      />
    )
  }
  const card = (a: MyActivity, ended: boolean) => (
    <View key={`${a.kind}:${a.id}`} className={`my-activities__card${ended ? ' my-activities__card--past' : ''}`} data-testid='my-activity' data-kind={a.kind}>
      <View className='my-activities__head' role='button' onClick={() => void Taro.navigateTo({ url: a.url })}>
        <Chip small tone={a.kind === 'event' ? 'primary' : 'success'} label={a.kind === 'event' ? '活动' : '培训'} />
        <Text className='my-activities__title'>{a.title}</Text>
      </View>
      <Text className='my-activities__line'>时间：{when(a)}</Text>
      <Text className='my-activities__line'>地点：{a.place}</Text>
      <View className='my-activities__foot'>
        <Text className='my-activities__status'>{a.status}</Text>
        {a.code ? (
          <Text className='my-activities__code' data-testid='my-activity-code'>
            {a.code}
          </Text>
        ) : null}
      </View>
      {a.canCancel ? (
        <View className='my-activities__cancel' role='button' aria-disabled={busy === a.id} onClick={() => busy ? undefined : void cancel(a)} data-testid='my-activity-cancel'>
          <Text>{busy === a.id ? '正在取消…' : '取消报名'}</Text>
        </View>
      ) : null}
    </View>
  )
  return (
    <View className='my-activities' data-testid='my-activities'>
      <Text className='my-activities__section'>即将开始</Text>
      {upcoming.length ? upcoming.map((a) => card(a, false)) : <Text className='my-activities__none'>近期没有要参加的活动</Text>}
      {past.length ? (
        <>
          <Text className='my-activities__section'>已经结束</Text>
          {past.map((a) => card(a, true))}
        </>
      ) : null}
      <Text className='my-activities__hint'>到场后扫现场屏幕上的二维码签到；扫不了时把报名号告诉工作人员。</Text>
    </View>
  )
}

export default withCareMode(MyActivitiesPage)
