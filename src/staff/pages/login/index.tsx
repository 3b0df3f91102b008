import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import FormField from '../../../components/form-field'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { getMe } from '../../../services/profile/profile'
import { changePassword, passwordSignIn, signIn } from '../../../services/core/session'
import { goBack, routes } from '../../../utils/routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'

/** After sign-in: back to the page that sent us here (`?back=1`), else the workbench. */
function proceed(back: boolean): void {
  if (back) goBack(routes.staffWorkbench)
  else void Taro.redirectTo({ url: routes.staffWorkbench })
}

/**
 * Staff sign-in. In the browser build: username and password. In WeChat staff are recognised by
 * their bound WeChat account, so this page either lets them through or says how to get bound.
 */
export default function StaffLoginPage() {
  const back = useRouter().params.back === '1'
  const me = useLoad(() => getMe({ fresh: true }), [])
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  /** Set after a sign-in with the initial password: the account must choose its own first. */
  const [mustChange, setMustChange] = useState(false)
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [fieldError, setFieldError] = useState('')

  const alreadyStaff = me.data?.kind === 'staff' && !mustChange
  useEffect(() => {
    if (alreadyStaff) proceed(back)
  }, [alreadyStaff, back])

  if (alreadyStaff || (me.status === 'loading' && !me.data)) return <PageState kind='loading' />

  if (!passwordSignIn) {
    if (me.status === 'error') {
      return <PageState kind='error' title='没能确认你的身份' error={me.error} onAction={() => void me.reload()} />
    }
    return (
      <View className='staff-login'>
        <View className='staff-login__card' data-testid='staff-not-bound'>
          <Text className='staff-login__title'>还不能进入工作人员入口</Text>
          <Text className='staff-login__text'>工作人员需要先把微信和工作账号绑定。请联系管理员获取邀请码，绑定后再打开这里就能进入工作台。</Text>
          <View className='staff-login__actions' data-testid='to-bind'>
            <AtButton type='primary' onClick={() => void Taro.navigateTo({ url: routes.staffBind })}>
              我有邀请码
            </AtButton>
          </View>
          <View className='staff-login__actions'>
            <AtButton type='secondary' onClick={() => goBack(routes.mine)}>
              返回
            </AtButton>
          </View>
        </View>
      </View>
    )
  }

  const submit = async () => {
    if (!username.trim() || !password) {
      setError(!username.trim() ? '请输入账号' : '请输入密码')
      return
    }
    setError('')
    setBusy(true)
    try {
      const { mustChangePassword } = await signIn(username.trim(), password)
      if (mustChangePassword) {
        setMustChange(true)
        return
      }
      const who = await getMe({ fresh: true })
      if (who.kind === 'staff') proceed(back)
      else setError('这个账号不是工作人员账号，请联系管理员')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const submitNewPassword = async () => {
    if (newPassword !== confirm) {
      setFieldError('两次输入的新密码不一致')
      return
    }
    setFieldError('')
    setError('')
    setBusy(true)
    try {
      await changePassword(password, newPassword)
      setMustChange(false)
      const who = await getMe({ fresh: true })
      if (who.kind === 'staff') proceed(back)
    } catch (e) {
      setFieldError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (mustChange) {
    return (
      <View className='staff-login'>
        <View className='staff-login__card' data-testid='change-password'>
          <Text className='staff-login__title'>请先设置新密码</Text>
          <Text className='staff-login__text'>这是管理员分配的初始密码。为了保护居民信息，请换成只有你知道的密码：至少 8 位，同时包含字母和数字。</Text>
          <FormField label='新密码' testId='new-password-field' error={fieldError}>
            <PasswordInput value={newPassword} onInput={setNewPassword} placeholder='至少 8 位，含字母和数字' native={{ 'data-testid': 'new-password', autocomplete: 'new-password' }} />
          </FormField>
          <FormField label='再输入一次' testId='confirm-password-field'>
            <PasswordInput
              value={confirm}
              onInput={setConfirm}
              onConfirm={() => void submitNewPassword()}
              placeholder='再输入一次新密码'
              native={{ 'data-testid': 'confirm-password', autocomplete: 'new-password' }}
            />
          </FormField>
          <View className='staff-login__actions' data-testid='change-password-button'>
            <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void submitNewPassword()}>
              保存并进入
            </AtButton>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='staff-login'>
      <View className='staff-login__card'>
        <Text className='staff-login__title'>社区工作人员</Text>
        <Text className='staff-login__text'>社区创业指导员和各级创建办工作人员使用，登录后进入工作台，查看今天要办的事。</Text>
        <FormField label='账号' testId='login-username-field'>
          <Input
            className='form-field__input'
            value={username}
            placeholder='请输入账号'
            maxlength={40}
            onInput={(e) => setUsername(e.detail.value)}
            nativeProps={{ 'data-testid': 'login-username', autocomplete: 'username', name: 'username' }}
          />
        </FormField>
        <FormField label='密码' testId='login-password-field'>
          <PasswordInput
            value={password}
            onInput={setPassword}
            onConfirm={() => void submit()}
            placeholder='请输入密码'
            native={{ 'data-testid': 'login-password', autocomplete: 'current-password', name: 'password' }}
          />
        </FormField>
        {error ? (
          <Text className='staff-login__error' data-testid='login-error'>
            {error}
          </Text>
        ) : null}
        <View className='staff-login__actions' data-testid='login-button'>
          <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
            登录
          </AtButton>
        </View>
        <Text className='staff-login__help'>
          没有账号？
          <Text className='staff-login__link' data-testid='to-bind' onClick={() => void Taro.navigateTo({ url: routes.staffBind })}>
            用邀请码加入
          </Text>
        </Text>
      </View>
    </View>
  )
}

/** A password box of the login card (at most 64 characters); `native` names it for the browser's password manager and tests. */
function PasswordInput(props: {
  value: string
  onInput: (value: string) => void
  onConfirm?: () => void
  placeholder: string
  native: Record<string, string>
}) {
  return (
    <Input
      className='form-field__input'
      password
      value={props.value}
      placeholder={props.placeholder}
      maxlength={64}
      onInput={(e) => props.onInput(e.detail.value)}
      onConfirm={props.onConfirm}
      nativeProps={props.native}
    />
  )
}
