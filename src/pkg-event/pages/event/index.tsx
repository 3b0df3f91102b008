import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import * as v from 'valibot'
import { type EventView, type MySignup, type Permit, signupInput } from '@shared/contracts/event'
import { EVENT_PHASE_LABELS } from '@shared/domain/event'
import Chip from '../../../components/chip'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import ShareBar from '../../../components/share-bar'
import { useLoad } from '../../../hooks/use-load'
import { useShare } from '../../../hooks/use-share'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { ErrorCodes, isApiError } from '../../../services/core/cloud'
import { minuteText } from '@shared/domain/time'
import { cancelSignup, checkInByScan, eventErrorMessage, forgetPendingSignup, getEvent, pendingSignup, resolveScene, signUp } from '../../../services/event/event'
import { eventRoutes, eventTimeLabel } from '../../../utils/event-routes'
import { permitFromPhase } from '../../../utils/event-permit'
import FeedbackLink from '../../../components/feedback-link'
import { routes } from '../../../utils/routes'
import { getHotline } from '../../../services/service/service'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** The sign-up form: the shared schema without the request id (the reliable send adds its own). */
const signupForm = v.omit(signupInput, ['requestId'])

/** What the page knows after opening: the event, how it was reached, and what I may do. */
interface Opened {
  event: EventView
  /** The scanned scene's kind, or null when opened from a list or a link. */
  via: 'poster' | 'checkin' | null
  signup: Permit
  checkin: Permit | null
  prefill: { name: string; phone: string } | null
}

/**
 * 活动: opened by scanning a code (`?scene=`, verified by the server) or from a list (`?id=`).
 * Sign up in one tap; a fresh check-in code checks me in on arrival; then the survey and intent
 * registration are offered.
 */
function EventPage() {
  const params = useRouter().params
  const scene = params.scene ? decodeURIComponent(params.scene) : ''
  const id = params.id ?? ''
  const opened = useLoad(async (): Promise<Opened> => {
    if (scene) {
      const r = await resolveScene(scene)
      return { event: r.event, via: r.scene.kind, signup: r.signup, checkin: r.checkin, prefill: r.prefill }
    }
    const { prefill, ...event } = await getEvent(id)
    return { event, via: null, signup: permitFromPhase(event), checkin: null, prefill }
  }, [scene, id])
  const shown = opened.data?.event ?? null
  const shareRef = useShare(shown ? { kind: 'event', id: shown._id, title: shown.title } : null, params.ref)

  if (!scene && !id) {
    return <PageState kind='empty' title='没有找到这场活动' description='二维码或链接可能不完整' actionText='看看其他活动' onAction={() => void Taro.switchTab({ url: routes.events })} testId='event-not-found' />
  }
  if (opened.status === 'error' && !opened.data) {
    const e = opened.error
    if (isApiError(e) && (e.code === ErrorCodes.notFound || e.code === ErrorCodes.validation)) {
      return (
        <PageState
          kind='empty'
          icon='alert-circle'
          title={e.code === 'VALIDATION' ? '二维码无法识别' : '这场活动找不到了'}
          description={eventErrorMessage(e)}
          actionText='看看其他活动'
          onAction={() => void Taro.switchTab({ url: routes.events })}
          testId='event-not-found'
        />
      )
    }
    return <PageState kind='error' title='活动加载失败' error={e} description={eventErrorMessage(e)} onAction={() => void opened.reload()} />
  }
  if (!opened.data) return <PageState kind='loading' />
  return (
    <EventBody
      key={`${opened.data.event._id}:${opened.data.event.mine?.status ?? 'none'}`}
      opened={opened.data}
      scene={scene}
      shareRef={shareRef}
      onReload={() => void opened.reload()}
    />
  )
}

interface EventBodyProps {
  opened: Opened
  scene: string
  shareRef: string | null
  onReload: () => void
}

function EventBody({ opened, scene, shareRef, onReload }: EventBodyProps) {
  // The poster's 咨询电话: the nearest office's hotline (hotline records), if it loads.
  const hotline = useLoad(() => getHotline().catch(() => null), [])
  const { event } = opened
  const [mine, setMine] = useState<MySignup | null>(event.mine)
  const [name, setName] = useState(opened.prefill?.name ?? '')
  const [phone, setPhone] = useState(opened.prefill?.phone ?? '')
  const [busy, setBusy] = useState<'checkin' | 'cancel' | null>(null)
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'warning' | 'danger' } | null>(
    opened.checkin && !opened.checkin.ok && opened.checkin.reason !== 'not_signed_up' && opened.checkin.reason !== 'already_checked_in'
      ? { text: opened.checkin.message, tone: 'warning' }
      : null,
  )
  const [justCheckedIn, setJustCheckedIn] = useState(false)
  // The sign-up is saved on the phone and being retried after a lost connection.
  const [sending, setSending] = useState(false)
  const autoTried = useRef(false)

  const atVenue = opened.via === 'checkin'
  // Kept from each sign-up's answer: the places left move with the resident's own sign-up.
  const [counts, setCounts] = useState(event.counts)
  useEffect(() => setCounts(event.counts), [event.counts])
  const left = Math.max(0, counts.capacity - counts.confirmed)
  const fillPct = Math.min(100, Math.round((counts.confirmed / Math.max(1, counts.capacity)) * 100))

  const checkIn = async () => {
    setBusy('checkin')
    try {
      const out = await checkInByScan(event._id, scene)
      setMine(out.mine)
      setJustCheckedIn(true)
      setNotice(null)
    } catch (e) {
      setNotice({ text: eventErrorMessage(e), tone: 'danger' })
    } finally {
      setBusy(null)
    }
  }

  // Scanning the fresh check-in code is the intent: check in on arrival, no extra tap.
  useEffect(() => {
    if (autoTried.current || !opened.checkin?.ok) return
    autoTried.current = true
    void checkIn()
  }, [])

  // The sign-up (typed here, or saved on the phone from an earlier visit) on the one form pipeline:
  // messages on the fields without a toast, the outcome and any failure said in the notice.
  const form = useFormSubmit({
    schema: signupForm,
    submit: (request) => signUp(request, { onWaiting: () => setSending(true) }).finally(() => setSending(false)),
    invalidToast: false,
    then: (out) => {
      setMine(out.mine)
      setCounts(out.counts)
      if (out.outcome === 'checked_in') {
        setJustCheckedIn(true)
        setNotice(null)
      } else if (out.outcome === 'waitlisted') {
        setNotice({ text: '名额已满，你已进入候补名单，有人取消时会按顺序递补，并在“消息”里通知你', tone: 'info' })
      } else {
        toastSuccess('报名成功')
        setNotice(null)
      }
    },
    onError: (e) => {
      if (isApiError(e) && e.code === ErrorCodes.network) {
        setNotice({ text: '网络一直没有恢复，报名还没送达。已保存在手机上，下次打开这个页面会自动再发', tone: 'warning' })
      } else setNotice({ text: eventErrorMessage(e), tone: 'danger' })
    },
  })
  const { errors } = form
  const working = busy ?? (form.busy ? 'signup' : null)
  const submit = () => {
    if (working) return
    void form.run({ eventId: event._id, name, phone, ...(atVenue ? { scene } : {}) })
  }

  // A sign-up sent before the app was closed (or the signal lost) goes out again, same request id.
  useEffect(() => {
    const pending = pendingSignup(event._id)
    if (!pending) return
    if (mine) forgetPendingSignup(event._id)
    else if (opened.signup.ok) void form.run(pending)
  }, [])

  const cancel = async () => {
    if (!(await confirm('取消报名', mine?.status === 'waitlisted' ? '取消后你将离开候补名单。' : '取消后名额会让给候补的居民。', '取消报名'))) return
    setBusy('cancel')
    try {
      await cancelSignup(event._id)
      toastSuccess('已取消报名')
      onReload()
    } catch (e) {
      toastText(eventErrorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const mayCancel = mine && (mine.status === 'confirmed' || mine.status === 'waitlisted') && event.phase !== 'ended' && event.phase !== 'cancelled'

  return (
    <View className='event-page' data-testid='event-page' data-event-id={event._id}>
      <View className='event-page__hero'>
        <View className='event-page__chips'>
          <Chip small tone={event.phase === 'cancelled' ? 'danger' : event.phase === 'ongoing' ? 'success' : 'primary'} label={EVENT_PHASE_LABELS[event.phase]} />
          {event.walkIn ? <Chip small tone='neutral' label='可现场报名' /> : null}
        </View>
        <Text className='event-page__title'>{event.title}</Text>
        <View className='event-page__fact'>
          <AtIcon value='clock' size={15} color='#5f6672' />
          <Text className='event-page__fact-text'>{eventTimeLabel(event.startAt, event.endAt)}</Text>
        </View>
        <View className='event-page__fact'>
          <AtIcon value='map-pin' size={15} color='#5f6672' />
          <Text className='event-page__fact-text'>{event.place}</Text>
        </View>
        <View className='event-page__fact'>
          <AtIcon value='home' size={15} color='#5f6672' />
          <Text className='event-page__fact-text'>{event.orgName} 主办</Text>
        </View>
        <View className='event-page__seats' data-testid='event-seats'>
          <View className='event-page__bar'>
            <View className='event-page__bar-fill' style={{ width: `${fillPct}%` }} />
          </View>
          <Text className='event-page__seats-text'>
            已报名 {counts.confirmed}/{counts.capacity}
            {counts.waitlisted ? ` · 候补 ${counts.waitlisted} 人` : left ? ` · 还剩 ${left} 个名额` : ' · 名额已满'}
          </Text>
        </View>
      </View>

      {event.status === 'cancelled' ? (
        <View className='event-page__banner'>
          <NoticeBanner tone='danger' text={`活动已取消${event.cancelReason ? `：${event.cancelReason}` : ''}`} testId='event-cancelled' />
        </View>
      ) : null}
      {sending ? (
        <View className='event-page__banner' data-testid='sending-state' role='status'>
          <NoticeBanner tone='info' text='已保存，正在发送…网络恢复后会自动送达，不用重复点' />
        </View>
      ) : null}
      {notice ? (
        <View className='event-page__banner' data-testid='event-notice'>
          <NoticeBanner tone={notice.tone} text={notice.text} />
        </View>
      ) : null}

      {mine?.status === 'checked_in' ? (
        <View className='event-page__card event-page__done' data-testid='checkin-success'>
          <View className='event-page__done-icon'>
            <AtIcon value='check' size={30} color='#ffffff' />
          </View>
          <Text className='event-page__done-title'>{justCheckedIn ? '签到成功' : '你已签到'}</Text>
          <Text className='event-page__done-sub'>
            {mine.name} · {mine.checkedInAt ? minuteText(mine.checkedInAt) : ''} 签到，欢迎参加！
          </Text>
          <View className='event-page__next'>
            {event.surveyId ? (
              <View role='button' className='event-page__next-item' data-testid='survey-link' onClick={() => void Taro.navigateTo({ url: eventRoutes.survey(event.surveyId ?? '') })}>
                <View className='event-page__next-main'>
                  <Text className='event-page__next-title'>说说你的感受</Text>
                  <Text className='event-page__next-note'>填一份满意度问卷，约 1 分钟，匿名</Text>
                </View>
                <AtIcon value='chevron-right' size={16} color='#8f959e' />
              </View>
            ) : null}
            <View role='button' className='event-page__next-item' data-testid='intent-link' onClick={() => void Taro.navigateTo({ url: eventRoutes.intentForm(event._id) })}>
              <View className='event-page__next-main'>
                <Text className='event-page__next-title'>我也想创业</Text>
                <Text className='event-page__next-note'>登记创业意向，社区创业指导员会一对一联系你</Text>
              </View>
              <AtIcon value='chevron-right' size={16} color='#8f959e' />
            </View>
          </View>
        </View>
      ) : mine ? (
        <View className='event-page__card' data-testid='my-status' data-status={mine.status}>
          <View className='event-page__mine-head'>
            <Chip tone={mine.status === 'waitlisted' ? 'warning' : 'success'} label={mine.status === 'waitlisted' ? '候补中' : '已报名'} />
            <Text className='event-page__mine-who'>
              {mine.name} · {mine.phoneMasked}
            </Text>
          </View>
          <Text className='event-page__mine-text'>
            {mine.status === 'waitlisted'
              ? `名额已满，你在候补名单里${mine.waitlistAhead ? `，前面还有 ${mine.waitlistAhead} 人` : '，排在第一位'}。有人取消时会按顺序递补，结果会发到“消息”。`
              : '活动当天到现场，用微信扫一扫签到屏上的二维码即可签到。'}
          </Text>
          {atVenue && mine.status === 'confirmed' && opened.checkin?.ok ? (
            <View className='event-page__action' data-testid='checkin-button'>
              <AtButton type='primary' loading={working === 'checkin'} disabled={working !== null} onClick={() => void checkIn()}>
                签到
              </AtButton>
            </View>
          ) : null}
          {mayCancel ? (
            <View role='button' className='event-page__cancel' data-testid='cancel-signup' onClick={() => working === null && void cancel()}>
              <Text>{working === 'cancel' ? '正在取消…' : '取消报名'}</Text>
            </View>
          ) : null}
        </View>
      ) : opened.signup.ok ? (
        <View className='event-page__card' data-testid='signup-form'>
          <Text className='event-page__card-title'>{atVenue ? '现场报名' : '报名参加'}</Text>
          <Text className='event-page__card-note'>
            {opened.prefill ? '已帮你填好上次报名用的信息，确认后点一下就行' : '只用于活动联系，工作人员看到的手机号会隐去中间四位'}
          </Text>
          <View className={`event-page__field${errors.name ? ' event-page__field--error' : ''}`}>
            <Text className='event-page__field-label'>姓名</Text>
            <Input
              className='event-page__input'
              value={name}
              maxlength={20}
              placeholder='你的姓名'
              onInput={(e) => setName(e.detail.value)}
              nativeProps={{ 'data-testid': 'signup-name', 'aria-label': '姓名' }}
            />
          </View>
          {errors.name ? <Text className='event-page__error'>{errors.name}</Text> : null}
          <View className={`event-page__field${errors.phone ? ' event-page__field--error' : ''}`}>
            <Text className='event-page__field-label'>手机号</Text>
            <Input
              className='event-page__input'
              type='number'
              value={phone}
              maxlength={11}
              placeholder='11 位手机号'
              onInput={(e) => setPhone(e.detail.value)}
              nativeProps={{ 'data-testid': 'signup-phone', 'aria-label': '手机号', inputmode: 'tel' }}
            />
          </View>
          {errors.phone ? <Text className='event-page__error'>{errors.phone}</Text> : null}
          <View className='event-page__action' data-testid='signup-button'>
            <AtButton type='primary' loading={working === 'signup'} disabled={working !== null} onClick={submit}>
              {left === 0 ? '加入候补' : atVenue ? '报名并签到' : '立即报名'}
            </AtButton>
          </View>
        </View>
      ) : event.status !== 'cancelled' ? (
        <View className='event-page__banner' data-testid='signup-closed'>
          <NoticeBanner tone='info' text={opened.signup.message} />
        </View>
      ) : null}

      <View className='event-page__card'>
        <Text className='event-page__card-title'>活动介绍</Text>
        <Text className='event-page__desc'>{event.description}</Text>
      </View>

      {event.status !== 'cancelled' && event.phase !== 'ended' ? (
        <View className='event-page__share'>
          <ShareBar
            item={{ kind: 'event', id: event._id, title: event.title }}
            shareRef={shareRef}
            poster={{
              badge: '社区活动',
              title: event.title,
              facts: [
                { label: '时间', value: eventTimeLabel(event.startAt, event.endAt) },
                { label: '地点', value: event.place },
                { label: '名额', value: `共 ${counts.capacity} 人${left ? `，还剩 ${left} 个` : '，已满可候补'}` },
              ],
              description: event.description,
              contact: hotline.data?.phone,
              org: `${event.orgName} 主办`,
            }}
          />
        </View>
      ) : null}

      {event.policies.length ? (
        <View className='event-page__card'>
          <Text className='event-page__card-title'>活动讲解的政策</Text>
          {event.policies.map((p) => (
            <View role='button' key={p._id} className='event-page__policy' onClick={() => void Taro.navigateTo({ url: routes.policyDetail(p._id) })}>
              <Text className='event-page__policy-title'>{p.title}</Text>
              <AtIcon value='chevron-right' size={16} color='#8f959e' />
            </View>
          ))}
        </View>
      ) : null}

      <FeedbackLink about={{ kind: 'event', id: event._id, title: event.title }} testId='event-feedback' />
    </View>
  )
}

export default withCareMode(EventPage)
