import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import FormField from '../../../components/form-field'
import NoticeBanner from '../../../components/notice-banner'
import type { FieldError } from '@shared/contracts/common'
import { toFieldErrorMap } from '../../../utils/field-errors'
import { scrollToFirstError } from '../../../utils/scroll-to-error'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'

/** Why the last save failed, and whether reloading the stored record is the way out. */
export interface DraftFormError {
  text: string
  /** Someone else changed the record: the banner offers 刷新. */
  conflict: boolean
}

export interface DraftErrorBannerProps {
  /** The page's BEM block; the banner sits in `<block>__banner` (`cy-form-page`). */
  block: string
  /** The failure to show, or null for none. */
  error: DraftFormError | null
  /** Loads the stored record again (offered on a conflict). */
  onReload: () => void
}

/** The red banner over a staff editor saying why saving failed (`data-testid='form-error'`). */
export function DraftErrorBanner({ block, error, onReload }: DraftErrorBannerProps) {
  if (!error) return null
  return (
    <View className={`${block}__banner`} data-testid='form-error' data-conflict={error.conflict ? 'true' : 'false'}>
      <NoticeBanner tone='danger' text={error.text} actionText={error.conflict ? '刷新' : undefined} onAction={error.conflict ? onReload : undefined} />
    </View>
  )
}

export interface DraftBarProps {
  /** The page's BEM block; the bar is `<block>__bar` with `__bar-inner` and `__button` (`cy-form-bar`). */
  block: string
  /** The button being submitted, or null when idle (both are disabled meanwhile). */
  busy: 'save' | 'publish' | null
  /** Saving is not allowed (a read-only record). Default false. */
  disabled?: boolean
  /** The save button's text. Default `'保存草稿'`. */
  saveText?: string
  /** Offer 保存并发布 (the save button then turns secondary). */
  publish: boolean
  /** Saves, and publishes too when `andPublish`. */
  onSubmit: (andPublish: boolean) => void
  /** More buttons between save and publish, each in a `<block>__button`. Default none. */
  children?: ReactNode
}

/** The bar at the foot of a staff editor of drafts (政策, 问卷): 保存草稿 and 保存并发布. */
export function DraftBar({ block, busy, disabled = false, saveText = '保存草稿', publish, onSubmit, children }: DraftBarProps) {
  return (
    <View className={`${block}__bar`}>
      <View className={`${block}__bar-inner`}>
        <View className={`${block}__button`} data-testid='save-button'>
          <AtButton type={publish ? 'secondary' : 'primary'} loading={busy === 'save'} disabled={disabled || busy !== null} onClick={() => onSubmit(false)}>
            {saveText}
          </AtButton>
        </View>
        {children}
        {publish ? (
          <View className={`${block}__button`} data-testid='publish-button'>
            <AtButton type='primary' loading={busy === 'publish'} disabled={disabled || busy !== null} onClick={() => onSubmit(true)}>
              保存并发布
            </AtButton>
          </View>
        ) : null}
      </View>
    </View>
  )
}

export interface DraftTitleFieldProps {
  label: string
  value: string
  /** The most characters, counted beside the label (`12/40`). */
  max: number
  placeholder: string
  error?: string
  onInput: (value: string) => void
}

/** The required title of a draft (政策, 问卷, 活动): `field-title` / `field-title-input` for tests. */
export function DraftTitleField({ label, value, max, placeholder, error, onInput }: DraftTitleFieldProps) {
  return (
    <FormField label={label} required error={error} extra={<Text>{value.length}/{max}</Text>} testId='field-title'>
      <Input
        className='form-field__input'
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
        nativeProps={{ 'data-testid': 'field-title-input' }}
      />
    </FormField>
  )
}

/**
 * How a draft editor's `useFormSubmit` answers (政策, 问卷): after saving, leave 0.7 s later (the
 * toast stays readable); refused fields are counted in the toast and the first one scrolled to.
 */
export const DRAFT_SUBMIT = {
  delayMs: 700,
  invalidToast: (fields: readonly FieldError[]) => `还有 ${Object.keys(toFieldErrorMap(fields)).length} 处需要修改`,
  onInvalid: scrollToFirstError,
}
