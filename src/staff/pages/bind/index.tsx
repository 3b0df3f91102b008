import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { bindInput } from '@shared/contracts/org'
import { ROLE_LABELS } from '@shared/domain/roles'
import FormField from '../../../components/form-field'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { errorMessage } from '../../../services/core/cloud'
import { bindInvitation } from '../../../services/staff/org'
import { forgetMe } from '../../../services/profile/profile'
import { passwordSignIn, signIn } from '../../../services/core/session'
import { routes } from '../../../utils/routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'

type Field = 'code' | 'name' | 'username' | 'password'

/**
 * Redeeming a staff invitation. In WeChat the invitee's own WeChat account is bound; in the
 * browser build they also choose the account and password they will sign in with.
 */
export default function StaffBindPage() {
  // `cloud:admin --invite` and the team page hand out `staff/pages/bind/index?code=…`: the code is filled in.
  const invited = (useRouter().params.code ?? '').slice(0, 20)
  const [form, setForm] = useState({ code: invited, name: '', username: '', password: '' })
  const [formError, setFormError] = useState('')
  const binding = useFormSubmit({
    schema: bindInput,
    submit: async (input) => {
      setFormError('')
      const bound = await bindInvitation(input)
      forgetMe()
      // The code is spent now: a failed sign-in must not send them back to a form that cannot succeed.
      if (passwordSignIn && input.username && input.password) {
        const signedIn = await signIn(input.username, input.password).then(
          () => true,
          () => false,
        )
        if (!signedIn) return { bound, next: routes.staffLogin }
      }
      return { bound, next: routes.staffWorkbench }
    },
    invalidToast: false,
    successToast: ({ bound, next }) => `已成为${bound.orgName}${ROLE_LABELS[bound.role]}${next === routes.staffLogin ? '，请用新账号登录' : ''}`,
    then: ({ next }) => void Taro.redirectTo({ url: next }),
    // Anything but a field message (a used or expired code, no network) stays on the card.
    onError: (e) => setFormError(errorMessage(e)),
  })
  const errors: Partial<Record<Field, string>> = binding.errors
  const busy = binding.busy !== null
  const set = (key: Field) => (e: { detail: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.detail.value }))
    binding.clear(key)
  }
  const submit = () => binding.run(passwordSignIn ? form : { code: form.code, name: form.name })

  return (
    <View className='staff-bind'>
      <View className='staff-bind__card'>
        <Text className='staff-bind__title'>用邀请码加入</Text>
        <Text className='staff-bind__text'>
          {passwordSignIn
            ? '输入管理员给你的邀请码，再设置以后登录用的账号和密码。邀请码只能用一次。'
            : '输入管理员给你的邀请码，你的微信就会成为工作人员身份。邀请码只能用一次。'}
        </Text>
        <FormField label='邀请码' required error={errors.code} testId='bind-code-field'>
          <Input className='form-field__input staff-bind__code' value={form.code} placeholder='8 位字母或数字' maxlength={20} onInput={set('code')} nativeProps={{ 'data-testid': 'bind-code', autocapitalize: 'characters' }} />
        </FormField>
        <FormField label='姓名' required error={errors.name} testId='bind-name-field'>
          <Input className='form-field__input' value={form.name} placeholder='同事们怎么称呼你' maxlength={20} onInput={set('name')} nativeProps={{ 'data-testid': 'bind-name' }} />
        </FormField>
        {passwordSignIn ? (
          <>
            <FormField label='登录账号' required error={errors.username} hint='小写字母开头，3–32 位' testId='bind-username-field'>
              <Input className='form-field__input' value={form.username} placeholder='如 zhangli' maxlength={32} onInput={set('username')} nativeProps={{ 'data-testid': 'bind-username', autocomplete: 'username' }} />
            </FormField>
            <FormField label='密码' required error={errors.password} hint='至少 8 位，同时包含字母和数字' testId='bind-password-field'>
              <Input className='form-field__input' password value={form.password} placeholder='设置密码' maxlength={64} onInput={set('password')} nativeProps={{ 'data-testid': 'bind-password', autocomplete: 'new-password' }} />
            </FormField>
          </>
        ) : null}
        {formError ? (
          <Text className='staff-bind__error' data-testid='bind-error'>
            {formError}
          </Text>
        ) : null}
        <View className='staff-bind__actions' data-testid='bind-button'>
          <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
            加入
          </AtButton>
        </View>
      </View>
    </View>
  )
}
