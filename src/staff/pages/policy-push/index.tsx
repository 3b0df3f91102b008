import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { PushStatusOutput, PushView } from '@shared/contracts/notify'
import { POLICY_CATEGORY_LABELS } from '@shared/domain/policy'
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@shared/domain/target-groups'
import { minuteText } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import StatusTag from '../../../components/status-tag'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { getPushStatus, pushPolicy } from '../../../services/policy/notify'
import { getPolicy } from '../../../services/policy/policy'
import { getMe } from '../../../services/profile/profile'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** How often the page reads the counts while a push is sending. */
const POLL_MS = 1000
/** `push` sends for a while and returns; the page calls again until it is done (or gives up after this many calls). */
const MAX_CALLS = 20

/** One push: the counts staff watch while it sends, and what residents did after. */
function PushCard({ p, current, names }: { p: PushView; current: boolean; names: Map<string, string> }) {
  const settled = p.sent + p.failed
  const pct = p.recipients ? Math.round((settled / p.recipients) * 100) : 100
  const otherFailed = p.failed - p.failedNoQuota - p.failedRefused
  return (
    <View className='policy-push__card' data-testid='push-status' data-done={p.done ? 'true' : 'false'}>
      <View className='policy-push__card-head'>
        <Text className='policy-push__card-title'>{current ? '当前版本的推送' : `第 ${p.policyVersion} 版的推送`}</Text>
        <Text className={`policy-push__state${p.done ? '' : ' policy-push__state--running'}`}>{p.done ? '已完成' : '发送中'}</Text>
      </View>
      <Text className='policy-push__meta'>
        {minuteText(p.createdAt)} · {p.createdByName} · {p.communityIds.map((id) => names.get(id) ?? '其他社区').join('、')}
        {p.targetGroups.length ? ` · ${p.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、')}` : ''}
      </Text>
      <View className='policy-push__bar'>
        <View className='policy-push__bar-fill' style={{ width: `${pct}%` }} />
      </View>
      <View className='policy-push__counts'>
        <View className='policy-push__count'>
          <Text className='policy-push__num' data-testid='push-recipients'>{p.recipients}</Text>
          <Text className='policy-push__label'>订阅居民</Text>
        </View>
        <View className='policy-push__count'>
          <Text className='policy-push__num' data-testid='push-queued'>{p.queued}</Text>
          <Text className='policy-push__label'>排队中</Text>
        </View>
        <View className='policy-push__count'>
          <Text className='policy-push__num policy-push__num--ok' data-testid='push-sent'>{p.sent}</Text>
          <Text className='policy-push__label'>已发送提醒</Text>
        </View>
        <View className='policy-push__count'>
          <Text className='policy-push__num policy-push__num--warn' data-testid='push-failed'>{p.failed}</Text>
          <Text className='policy-push__label'>未送达</Text>
        </View>
      </View>
      {p.failed ? (
        <Text className='policy-push__note'>
          未送达的原因：{[p.failedNoQuota ? `${p.failedNoQuota} 人没有允许微信提醒` : '', p.failedRefused ? `${p.failedRefused} 人已拒收` : '', otherFailed ? `${otherFailed} 条发送失败` : ''].filter(Boolean).join('，')}。
          他们都能在“消息”里看到这条政策。
        </Text>
      ) : (
        <Text className='policy-push__note'>每位居民都会在“消息”里看到这条政策，同一版本只收到一次。</Text>
      )}
      <View className='policy-push__funnel' data-testid='push-funnel'>
        <Text className='policy-push__funnel-title'>效果</Text>
        <Text className='policy-push__funnel-step'>
          打开 <Text className='policy-push__funnel-num'>{p.opened}</Text> 人
        </Text>
        <Text className='policy-push__funnel-step'>
          之后登记创业意向 <Text className='policy-push__funnel-num'>{p.intentsAfter}</Text> 人
        </Text>
        <Text className='policy-push__funnel-step'>
          之后享受到这条政策 <Text className='policy-push__funnel-num'>{p.benefitsAfter}</Text> 人
        </Text>
      </View>
    </View>
  )
}

/** 推送政策: staff send a published policy to the subscribed residents of communities in their scope, and watch it go out. */
function PolicyPushPageBody() {
  const id = useRouter().params.id ?? ''
  const me = useLoad(() => getMe(), [])
  const isStaff = me.data?.kind === 'staff'
  const policy = useLoad(() => (isStaff && id ? getPolicy(id) : Promise.resolve(null)), [isStaff, id])
  const [status, setStatus] = useState<PushStatusOutput | null>(null)
  const [statusError, setStatusError] = useState<unknown>(null)
  const [communities, setCommunities] = useState<string[]>([])
  const [groups, setGroups] = useState<TargetGroup[]>([])
  const [sending, setSending] = useState(false)
  const poll = useRef<ReturnType<typeof setInterval> | null>(null)

  const refresh = async () => {
    try {
      const s = await getPushStatus(id)
      setStatus(s)
      setStatusError(null)
      return s
    } catch (e) {
      setStatusError(e)
      return null
    }
  }

  useEffect(() => {
    if (!isStaff || !id) return
    void refresh().then((s) => {
      // One community in scope: it is the target.
      if (s && s.targets.length === 1) setCommunities([s.targets[0]._id])
    })
    return () => {
      if (poll.current) clearInterval(poll.current)
    }
  }, [isStaff, id])

  if (me.status === 'error' && !me.data) return <PageState kind='error' title='没能读取你的信息' error={me.error} onAction={() => void me.reload()} />
  if (!me.data) return <PageState kind='loading' />
  if (!isStaff) return <StaffRequired description='推送政策需要工作人员账号' />
  if (!id) return <PageState kind='empty' title='没有指定政策' />
  if (policy.status === 'error') return <PageState kind='error' title='政策加载失败' error={policy.error} onAction={() => void policy.reload()} />
  if (statusError && !status) return <PageState kind='error' title='推送情况加载失败' error={statusError} onAction={() => void refresh()} />
  const p = policy.data
  if (!p || !status) return <PageState kind='loading' />

  const names = new Map(status.targets.map((t) => [t._id, t.name]))
  const labels = Object.fromEntries(status.targets.map((t) => [t._id, t.name]))
  const published = p.status === 'published'
  const current = status.pushes.find((x) => x.policyVersion === status.policyVersion)

  const send = async () => {
    if (sending || communities.length === 0) return
    const who = `${communities.map((c) => names.get(c)).join('、')}${groups.length ? `的${groups.map((g) => TARGET_GROUP_LABELS[g]).join('、')}` : ''}`
    if (!(await confirm('推送政策', `把“${p.title}”推送给${who}订阅了相关提醒的居民？同一位居民只会收到一次。`, '推送'))) return
    setSending(true)
    poll.current = setInterval(() => void refresh(), POLL_MS)
    try {
      let view = await pushPolicy({ policyId: p._id, communityIds: communities, targetGroups: groups })
      for (let calls = 1; !view.done && calls < MAX_CALLS; calls++) {
        view = await pushPolicy({ policyId: p._id, communityIds: communities, targetGroups: groups })
      }
      toastSuccess(view.done ? `已推送给 ${view.recipients} 位居民` : '还在发送，稍后回来看看')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      if (poll.current) clearInterval(poll.current)
      poll.current = null
      setSending(false)
      await refresh()
    }
  }

  return (
    <View className='policy-push' data-testid='policy-push'>
      <View className='policy-push__policy'>
        <View className='policy-push__policy-head'>
          <StatusTag status={p.status} />
          <Text className='policy-push__category'>{POLICY_CATEGORY_LABELS[p.category]}</Text>
        </View>
        <Text className='policy-push__title'>{p.title}</Text>
        <Text className='policy-push__summary'>{p.summary}</Text>
      </View>

      {published ? null : <NoticeBanner tone='warning' text='这条政策还没有发布，发布后才能推送' testId='push-unpublished' />}
      {/* The function's own configuration decides this: without a template, nothing goes to WeChat. */}
      {status.subscribeTemplate.configured ? null : <NoticeBanner tone='warning' text={status.subscribeTemplate.note} testId='push-template-unset' />}

      <View className='policy-push__form'>
        <Text className='policy-push__label-strong'>推送到哪些社区</Text>
        {status.targets.length ? (
          <ChoiceChips multiple options={status.targets.map((t) => t._id)} labels={labels} value={communities} onChange={(v) => setCommunities(v as string[])} testIdPrefix='push-community' />
        ) : (
          <Text className='policy-push__hint'>你的管辖范围内没有能看到这条政策的社区</Text>
        )}
        <Text className='policy-push__label-strong'>只推送给这些人群（可不选）</Text>
        <Text className='policy-push__hint'>不选时，按这条政策的适用人群推送</Text>
        <ChoiceChips multiple options={TARGET_GROUPS} labels={TARGET_GROUP_LABELS} value={groups} onChange={(v) => setGroups(v as TargetGroup[])} testIdPrefix='push-group' />
        <View className='policy-push__send' data-testid='push-button'>
          <AtButton type='primary' loading={sending} disabled={!published || sending || communities.length === 0} onClick={() => void send()}>
            {current ? '再推送一次（只发给还没收到的居民）' : '推送给订阅居民'}
          </AtButton>
        </View>
      </View>

      <Text className='policy-push__section'>推送记录</Text>
      {status.pushes.length === 0 ? (
        <Text className='policy-push__hint policy-push__hint--center' data-testid='push-none'>
          还没有推送过
        </Text>
      ) : (
        status.pushes.map((x) => <PushCard key={x._id} p={x} current={x.policyVersion === status.policyVersion} names={names} />)
      )}
    </View>
  )
}

export default function PolicyPushPage() {
  return (
    <StaffLayout page='policyPush'>
      <PolicyPushPageBody />
    </StaffLayout>
  )
}
