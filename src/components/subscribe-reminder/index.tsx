import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { AtButton, AtFloatLayout, AtIcon } from 'taro-ui'
import type { PreferencesOutput } from '@shared/contracts/notify'
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, type PolicyCategory } from '@shared/domain/policy'
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@shared/domain/target-groups'
import ChoiceChips from '../choice-chips'
import NoticeBanner from '../notice-banner'
import { ErrorCodes, errorMessage, isApiError } from '../../services/core/cloud'
import { getPreferences, subscribe } from '../../services/policy/notify'
import { askConsent, wechatReminders } from '../../services/policy/subscribe-consent'
import { routes } from '../../utils/routes'
import { toastSuccess, toastText } from '../../utils/toast'
import 'taro-ui/lib/style/components/float-layout.scss'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

export interface SubscribeReminderProps {
  /** A line under the title when not yet subscribed. Default: what reminders are for. */
  intro?: string
  /** Topics to tick in advance for a first subscription (e.g. the category of the policy on screen). Default none. */
  suggest?: { categories?: PolicyCategory[]; targetGroups?: TargetGroup[] }
  /** `data-testid` prefix: `<testId>`, `<testId>-button`, `<testId>-confirm`. Default `'subscribe'`. */
  testId?: string
}

function summary(p: PreferencesOutput): string {
  const s = p.subscription
  if (!s?.active) return ''
  const topics = [...s.categories.map((c) => POLICY_CATEGORY_LABELS[c]), ...s.targetGroups.map((g) => TARGET_GROUP_LABELS[g])]
  const what = topics.length ? topics.slice(0, 3).join('、') + (topics.length > 3 ? ` 等 ${topics.length} 项` : '') : '全部政策'
  const left = p.templates[0]?.remaining ?? 0
  return s.channel === 'weapp' ? `已订阅：${what} · 还能收到 ${left} 条微信提醒` : `已订阅：${what} · 提醒会放在“消息”里`
}

/**
 * The "订阅政策提醒" card: pick topics (policy categories, groups; none = everything), then in
 * WeChat allow the reminder (each "允许" is one message). Used on a policy page, after an
 * intent registration and on 我的.
 */
export default function SubscribeReminder({ intro = '有适合你的新政策或政策有变化时提醒你', suggest, testId = 'subscribe' }: SubscribeReminderProps) {
  const [prefs, setPrefs] = useState<PreferencesOutput | null>(null)
  /** Shown once the server answered; staff (who get reminders no more than an inbox) never see it. */
  const [shown, setShown] = useState<'wait' | 'show' | 'hide'>('wait')
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [categories, setCategories] = useState<PolicyCategory[]>([])
  const [groups, setGroups] = useState<TargetGroup[]>([])

  const load = () => {
    getPreferences()
      .then((p) => {
        setPrefs(p)
        setShown('show')
      })
      // The card is an offer, not the page's content: without preferences it still opens the sheet.
      .catch((e: unknown) => setShown(isApiError(e) && e.code === ErrorCodes.forbidden ? 'hide' : 'show'))
  }
  // On mount, and on every show: the community may have just been chosen on 我的情况.
  useEffect(load, [])
  useDidShow(load)
  if (shown !== 'show') return null

  const active = prefs?.subscription?.active === true
  const openSheet = () => {
    const s = prefs?.subscription
    setCategories(s ? s.categories : (suggest?.categories ?? []))
    setGroups(s ? s.targetGroups : (suggest?.targetGroups ?? []))
    setOpen(true)
  }

  const save = async (on: boolean) => {
    if (busy) return
    setBusy(true)
    try {
      // WeChat only shows its prompt from a tap, so it is asked here, before any network call.
      const consent = on ? await askConsent((prefs?.templates ?? []).map((t) => t.templateId)) : { channel: prefs?.subscription?.channel ?? 'h5', accepted: [] }
      const next = await subscribe({ categories, targetGroups: groups, channel: consent.channel, accepted: consent.accepted, active: on })
      setPrefs(next)
      setOpen(false)
      toastSuccess(on ? '已订阅政策提醒' : '已关闭提醒')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const buttonText = !active ? '订阅政策提醒' : wechatReminders && (prefs?.templates[0]?.remaining ?? 0) === 0 ? '再次允许提醒' : '修改'
  return (
    <View className='subscribe-reminder' data-testid={testId} data-active={active ? 'true' : 'false'}>
      <View className='subscribe-reminder__icon'>
        <AtIcon value='bookmark' size={18} color='#2861d8' />
      </View>
      <View className='subscribe-reminder__main'>
        <Text className='subscribe-reminder__title'>政策提醒</Text>
        <Text className='subscribe-reminder__note' data-testid={`${testId}-summary`}>
          {prefs && active ? summary(prefs) : intro}
        </Text>
      </View>
      <View className='subscribe-reminder__action' data-testid={`${testId}-button`}>
        <AtButton size='small' type={active ? 'secondary' : 'primary'} onClick={openSheet}>
          {buttonText}
        </AtButton>
      </View>

      <AtFloatLayout isOpened={open} title='订阅政策提醒' onClose={() => setOpen(false)}>
        <View className='subscribe-reminder__sheet' data-testid={`${testId}-sheet`}>
          {prefs?.needsCommunity ? (
            <NoticeBanner
              tone='warning'
              text='先选择你所在的社区，才能收到社区推送的政策'
              actionText='去选择'
              onAction={() => void Taro.navigateTo({ url: routes.profileEdit('banner') })}
              testId={`${testId}-needs-community`}
            />
          ) : null}
          <Text className='subscribe-reminder__hint'>选你关心的，不选就是全部都提醒</Text>
          <Text className='subscribe-reminder__label'>政策类别</Text>
          <ChoiceChips multiple options={POLICY_CATEGORIES} labels={POLICY_CATEGORY_LABELS} value={categories} onChange={(v) => setCategories(v as PolicyCategory[])} testIdPrefix={`${testId}-category`} />
          <Text className='subscribe-reminder__label'>适用人群</Text>
          <ChoiceChips multiple options={TARGET_GROUPS} labels={TARGET_GROUP_LABELS} value={groups} onChange={(v) => setGroups(v as TargetGroup[])} testIdPrefix={`${testId}-group`} />
          <Text className='subscribe-reminder__how'>
            {wechatReminders
              ? '点“订阅”后微信会问你是否允许发提醒：每允许一次，可以收到一条微信提醒。所有提醒也都会放在“我的 → 消息”里。'
              : '提醒会放在“我的 → 消息”里，有新提醒时会显示红点。'}
          </Text>
          <View data-testid={`${testId}-confirm`}>
            <AtButton type='primary' loading={busy} disabled={busy || prefs?.needsCommunity === true} onClick={() => void save(true)}>
              {active ? '保存' : '订阅'}
            </AtButton>
          </View>
          {active ? (
            <View className='subscribe-reminder__off' onClick={() => void save(false)} data-testid={`${testId}-off`}>
              <Text>关闭政策提醒</Text>
            </View>
          ) : null}
        </View>
      </AtFloatLayout>
    </View>
  )
}
