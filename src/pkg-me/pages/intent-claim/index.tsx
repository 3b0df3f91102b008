import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { claimConfirmInput, claimStartInput } from '@shared/contracts/intent'
import CommunityPicker from '../../../components/community-picker'
import FormField from '../../../components/form-field'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage, isApiError } from '../../../services/core/cloud'
import { claimChannel, confirmClaim, startClaim } from '../../../services/intent/intent'
import { askConsent } from '../../../services/policy/subscribe-consent'
import { getMe } from '../../../services/profile/profile'
import { getOrgTree } from '../../../services/staff/org'
import { intentRoutes } from '../../../utils/intent-routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'

/**
 * 认领登记: a resident whom a community worker registered at the office (代登记) links that record
 * to themselves: the phone number on it, and the one-time code sent for it. Nothing is created;
 * the record becomes their 我的创业档案.
 */
export default function IntentClaimPage() {
  const data = useLoad(async () => {
    const [orgs, me] = await Promise.all([getOrgTree(), getMe()])
    // Residents only: the template the code is sent with, to allow before asking for it.
    const channel = me.kind === 'staff' ? { templateId: null } : await claimChannel()
    return { orgs, me, templateId: channel.templateId }
  }, [])
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='认领页没能打开' error={data.error} onAction={() => void data.reload()} />
  if (!data.data) return <PageState kind='loading' />
  const { orgs, me, templateId } = data.data
  if (me.kind === 'staff') return <PageState kind='empty' title='这里是居民认领登记' description='工作人员请在“帮扶台帐”里代登记' />
  return <ClaimBody orgs={orgs} communityId={me.communityId} templateId={templateId} />
}

function ClaimBody({ orgs, communityId: initial, templateId }: { orgs: Parameters<typeof CommunityPicker>[0]['orgs']; communityId: string | null; templateId: string | null }) {
  const [communityId, setCommunityId] = useState<string | null>(initial)
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const sending = useFormSubmit({
    schema: claimStartInput,
    submit: (value) => startClaim(value.communityId, value.phone),
    then: (out) => setSentTo(out.phoneMasked),
    onError: (e) => setProblem(errorMessage(e)),
  })
  const confirming = useFormSubmit({
    schema: claimConfirmInput,
    submit: (value) => confirmClaim(value.communityId, value.phone, value.code),
    successToast: '已认领，这是你的创业档案',
    then: () => void Taro.redirectTo({ url: intentRoutes.myCase }),
    delayMs: 700,
    onError: (e) => setProblem(isApiError(e) && e.fields.length ? e.fields[0].message : errorMessage(e)),
  })
  const errors = { ...sending.errors, ...confirming.errors }
  const input = { communityId: communityId ?? '', phone: phone.trim() }

  return (
    <View className='claim' data-testid='intent-claim'>
      <View className='claim__card'>
        <Text className='claim__title'>认领社区帮你做的登记</Text>
        <Text className='claim__sub'>如果你在社区办事时，工作人员帮你登记了创业意向，填上当时留的手机号，收到验证码后就能在“我的创业档案”里看到进展。</Text>
        {problem ? <NoticeBanner tone='danger' text={problem} testId='claim-problem' /> : null}
        <FormField label='所在社区' required error={errors.communityId} testId='claim-community'>
          <CommunityPicker orgs={orgs} value={communityId} onChange={(id) => setCommunityId(id)} invalid={Boolean(errors.communityId)} />
        </FormField>
        <FormField label='登记时留的手机号' required error={errors.phone} testId='claim-phone'>
          <Input className='form-field__input' type='number' value={phone} maxlength={11} placeholder='11 位手机号' onInput={(e) => setPhone(e.detail.value)} nativeProps={{ 'data-testid': 'claim-phone-input', 'aria-label': '手机号', inputmode: 'tel' }} />
        </FormField>
        <View className='claim__button' data-testid='claim-send'>
          <AtButton
            type={sentTo ? 'secondary' : 'primary'}
            loading={sending.busy !== null}
            disabled={sending.busy !== null}
            onClick={() => {
              setProblem(null)
              // In WeChat the code arrives as a subscribe message, which the resident must allow
              // first, inside this tap (requestSubscribeMessage), as on 我的 → 消息提醒. Declining
              // still asks: the answer then says to allow it. H5 asks nothing (templateId is null,
              // askConsent is a no-op there).
              void (async () => {
                if (templateId) await askConsent([templateId])
                await sending.run(input)
              })()
            }}
          >
            {sentTo ? '重新获取验证码' : '获取验证码'}
          </AtButton>
        </View>
        {sentTo ? (
          <View data-testid='claim-sent'>
            <Text className='claim__sub'>如果社区用 {sentTo} 为你登记过，验证码已经发给你（10 分钟内有效）。</Text>
            <FormField label='验证码' required error={errors.code} testId='claim-code'>
              <Input className='form-field__input' type='number' value={code} maxlength={6} placeholder='6 位数字' onInput={(e) => setCode(e.detail.value)} nativeProps={{ 'data-testid': 'claim-code-input', 'aria-label': '验证码', inputmode: 'numeric', autocomplete: 'one-time-code' }} />
            </FormField>
            <View className='claim__button' data-testid='claim-confirm'>
              <AtButton
                type='primary'
                loading={confirming.busy !== null}
                disabled={confirming.busy !== null}
                onClick={() => {
                  setProblem(null)
                  void confirming.run({ ...input, code: code.trim() })
                }}
              >
                认领
              </AtButton>
            </View>
          </View>
        ) : null}
      </View>
    </View>
  )
}
