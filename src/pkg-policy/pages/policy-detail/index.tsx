import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtCheckbox, AtIcon } from 'taro-ui'
import type { PolicyView } from '@shared/contracts/policy'
import { POLICY_CATEGORY_LABELS, validityLabel } from '@shared/domain/policy'
import { TARGET_GROUP_LABELS } from '@shared/domain/target-groups'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import NoticeBanner from '../../../components/notice-banner'
import FeedbackLink from '../../../components/feedback-link'
import PageState from '../../../components/page-state'
import SubscribeReminder from '../../../components/subscribe-reminder'
import ShareBar from '../../../components/share-bar'
import { useLoad } from '../../../hooks/use-load'
import { useShare } from '../../../hooks/use-share'
import { ErrorCodes, isApiError } from '../../../services/core/cloud'
import { markPushOpened } from '../../../services/policy/notify'
import { getPolicy } from '../../../services/policy/policy'
import { listGuides } from '../../../services/service/service'
import { routes } from '../../../utils/routes'
import { toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/checkbox.scss'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** Why a policy someone opened does not apply today, in plain words; null when it does. */
function outOfForceNotice(p: PolicyView, today: string): { text: string; tone: 'info' | 'warning' | 'danger' } | null {
  if (p.status === 'draft') return { text: '这是草稿，居民暂时看不到这条政策', tone: 'info' }
  if (p.status === 'archived') return { text: '这条政策已下架，内容仅供参考', tone: 'danger' }
  if (p.inForce) return null
  if (p.validFrom > today) return { text: `这条政策将于 ${p.validFrom} 起施行`, tone: 'warning' }
  return { text: `这条政策已于 ${p.validTo ?? ''} 到期，内容仅供参考`, tone: 'danger' }
}

/** One policy, everything a resident needs to apply. */
function PolicyDetailPage() {
  const params = useRouter().params
  const id = params.id ?? ''
  const push = params.push
  const policy = useLoad(() => getPolicy(id), [id])
  // The 办事指南 that walk through applying for this policy; none (or a failed load) shows nothing.
  const guides = useLoad(() => (id ? listGuides(id) : Promise.resolve(null)), [id])
  useEffect(() => {
    // Opened from a WeChat reminder (its page carries the push): mark that message read and count the open.
    if (push) markPushOpened(push).catch(() => undefined)
  }, [push])
  const [ready, setReady] = useState<string[]>([])
  const shown = policy.data?.status === 'published' ? policy.data : null
  const shareRef = useShare(shown ? { kind: 'policy', id: shown._id, title: shown.title } : null, params.ref)

  if (!id) {
    return <PageState kind='empty' title='没有找到这条政策' description='链接可能不完整' actionText='看看其他政策' onAction={() => void Taro.switchTab({ url: routes.index })} testId='policy-not-found' />
  }
  if (policy.status === 'loading' && !policy.data) return <PageState kind='loading' />
  if (policy.status === 'error') {
    if (isApiError(policy.error) && policy.error.code === ErrorCodes.notFound) {
      return (
        <PageState
          kind='empty'
          title='这条政策找不到了'
          description='它可能已被下架或删除，看看其他政策吧'
          actionText='看看其他政策'
          onAction={() => void Taro.switchTab({ url: routes.index })}
          testId='policy-not-found'
        />
      )
    }
    return <PageState kind='error' title='政策加载失败' error={policy.error} onAction={() => void policy.reload()} />
  }
  const p = policy.data
  if (!p) return <PageState kind='loading' />

  const notice = outOfForceNotice(p, shanghaiDate(new Date()))
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: p.contact.phone }).catch(() => toastText(`咨询电话：${p.contact.phone}`))
  }

  return (
    <View className='policy-detail' data-testid='policy-detail' data-id={p._id}>
      {notice ? (
        <View className='policy-detail__notice' data-testid='policy-out-of-force'>
          <NoticeBanner text={notice.text} tone={notice.tone} />
        </View>
      ) : null}

      <View className='policy-detail__hero'>
        <Chip small label={POLICY_CATEGORY_LABELS[p.category]} />
        <Text className='policy-detail__title'>{p.title}</Text>
        <Text className='policy-detail__summary'>{p.summary}</Text>
        <View className='policy-detail__meta'>
          <Text className='policy-detail__meta-label'>发布单位</Text>
          <Text className='policy-detail__meta-value'>{p.orgName}</Text>
        </View>
        <View className='policy-detail__meta'>
          <Text className='policy-detail__meta-label'>有效期</Text>
          <Text className='policy-detail__meta-value'>{validityLabel(p)}</Text>
        </View>
      </View>

      <View className='policy-detail__benefit'>
        <Text className='policy-detail__benefit-label'>扶持内容</Text>
        <Text className='policy-detail__benefit-text'>{p.benefit}</Text>
      </View>

      <View className='policy-detail__section'>
        <Text className='policy-detail__heading'>适用人群</Text>
        <View className='policy-detail__tags'>
          {p.targetGroups.map((g) => (
            <Chip key={g} small tone='neutral' label={TARGET_GROUP_LABELS[g]} />
          ))}
        </View>
      </View>

      <View className='policy-detail__section'>
        <Text className='policy-detail__heading'>申请条件</Text>
        {p.eligibility.map((line, i) => (
          <View className='policy-detail__bullet' key={i}>
            <View className='policy-detail__dot' />
            <Text className='policy-detail__bullet-text'>{line}</Text>
          </View>
        ))}
      </View>

      <View className='policy-detail__section'>
        <View className='policy-detail__heading-row'>
          <Text className='policy-detail__heading'>所需材料</Text>
          <Text className='policy-detail__progress'>
            已准备 {ready.length}/{p.materials.length}
          </Text>
        </View>
        <Text className='policy-detail__tip'>准备好一项就勾一项，办理时不漏带</Text>
        <AtCheckbox
          options={p.materials.map((m, i) => ({ value: String(i), label: m }))}
          selectedList={ready}
          onChange={(list: string[]) => setReady(list)}
        />
      </View>

      <View className='policy-detail__section'>
        <Text className='policy-detail__heading'>办理流程</Text>
        {p.process.map((step, i) => (
          <View className='policy-detail__step' key={i}>
            <View className='policy-detail__step-no'>
              <Text>{i + 1}</Text>
            </View>
            {i < p.process.length - 1 ? <View className='policy-detail__step-line' /> : null}
            <Text className='policy-detail__step-text'>{step}</Text>
          </View>
        ))}
      </View>

      {guides.data?.items.length ? (
        <View className='policy-detail__section' data-testid='policy-guides'>
          <Text className='policy-detail__heading'>办事指南</Text>
          {guides.data.items.map((g) => (
            <View
              key={g._id}
              role='button'
              aria-label={`办事指南：${g.title}`}
              className='policy-detail__guide'
              onClick={() => void Taro.navigateTo({ url: routes.guide(g._id) })}
              data-testid='policy-guide'
            >
              <View className='policy-detail__guide-main'>
                <Text className='policy-detail__guide-title'>{g.title}</Text>
                <Text className='policy-detail__guide-meta'>
                  {g.steps.length} 个步骤 · {g.duration}
                </Text>
              </View>
              <AtIcon value='chevron-right' size={16} color='#8f959e' />
            </View>
          ))}
        </View>
      ) : null}

      <View className='policy-detail__section'>
        <Text className='policy-detail__heading'>咨询方式</Text>
        <View className='policy-detail__contact-row'>
          <AtIcon value='home' size={18} color='#5f6672' />
          <Text className='policy-detail__contact-text'>{p.contact.department}</Text>
        </View>
        <View role='button' className='policy-detail__contact-row policy-detail__contact-row--tap' onClick={call} data-testid='call-button'>
          <AtIcon value='phone' size={18} color='#2861d8' />
          <Text className='policy-detail__contact-text policy-detail__contact-text--link'>{p.contact.phone}</Text>
          <Text className='policy-detail__call'>拨打</Text>
        </View>
        <View className='policy-detail__contact-row'>
          <AtIcon value='map-pin' size={18} color='#5f6672' />
          <Text className='policy-detail__contact-text'>{p.contact.address}</Text>
        </View>
      </View>

      {p.status === 'published' ? (
        <View className='policy-detail__share'>
          <ShareBar
            item={{ kind: 'policy', id: p._id, title: p.title }}
            shareRef={shareRef}
            poster={{
              badge: '创业扶持政策',
              title: p.title,
              facts: [
                { label: '扶持内容', value: p.benefit },
                { label: '适用人群', value: p.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、') },
                { label: '有效期', value: validityLabel(p) },
              ],
              org: `${p.orgName} 发布`,
            }}
          />
        </View>
      ) : null}
      {p.editable ? null : (
        <View className='policy-detail__subscribe'>
          <SubscribeReminder testId='policy-subscribe' intro='这类政策有新消息时提醒你' suggest={{ categories: [p.category] }} />
        </View>
      )}
      <FeedbackLink about={{ kind: 'policy', id: p._id, title: p.title }} text='该享受的没享受到，或有疑问？反馈/投诉' testId='policy-feedback' />

      {p.editable ? (
        <View className='policy-detail__staff' data-testid='detail-edit'>
          <AtButton type='secondary' onClick={() => void Taro.navigateTo({ url: routes.policyEdit(p._id) })}>
            编辑这条政策
          </AtButton>
        </View>
      ) : null}
    </View>
  )
}

export default withCareMode(PolicyDetailPage)
