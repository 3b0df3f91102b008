import { useEffect, useState } from 'react'
import { Image, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import { feedbackSubmitInput } from '@shared/contracts/feedback'
import type { OrgNode } from '@shared/contracts/org'
import {
  FEEDBACK_KIND_HINTS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_SUBJECT_KINDS,
  FEEDBACK_TEXT_MAX,
  type FeedbackKind,
  type FeedbackSubjectKind,
  MAX_PHOTOS,
} from '@shared/domain/feedback'
import ChoiceChips from '../../../components/choice-chips'
import CommunityPicker from '../../../components/community-picker'
import FormField, { FieldTextarea } from '../../../components/form-field'
import NoticeBanner from '../../../components/notice-banner'
import PrivacyPrompt from '../../../components/privacy-prompt'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { submitFeedback } from '../../../services/feedback/feedback'
import { uploadFeedbackPhoto } from '../../../services/feedback/feedback-photo'
import { getOrgTree } from '../../../services/staff/org'
import { getMe } from '../../../services/profile/profile'
import { feedbackRoutes } from '../../../utils/feedback-routes'
import { choosePhotos, uploadProblem } from '../../../utils/photos'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

interface Photo {
  /** What the page shows (a local temp path). */
  preview: string
  ref: string
}

const SUBJECT_PREFIX: Record<FeedbackSubjectKind, string> = { policy: '政策', event: '活动', case: '我的创业档案' }

/** 反馈/投诉: what kind, to which community, what happened, up to three photos, optionally anonymous. */
function FeedbackFormPage() {
  const { params } = useRouter()
  const subjectKind = FEEDBACK_SUBJECT_KINDS.find((k) => k === params.subject) ?? null
  const subject = subjectKind && params.id ? { kind: subjectKind, id: params.id } : null
  const subjectTitle = params.title ? decodeURIComponent(params.title) : ''
  const [kind, setKind] = useState<FeedbackKind | null>(null)
  const [communityId, setCommunityId] = useState<string | null>(params.communityId ?? null)
  const [orgs, setOrgs] = useState<OrgNode[]>([])
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [contactName, setContactName] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [uploading, setUploading] = useState(false)
  const form = useFormSubmit({
    schema: feedbackSubmitInput,
    submit: submitFeedback,
    successToast: '已提交',
    then: (saved) => void Taro.redirectTo({ url: feedbackRoutes.detail(saved._id) }),
  })
  const { errors, setErrors } = form
  const busy = form.busy !== null

  useEffect(() => {
    void getOrgTree().then(setOrgs).catch(() => setOrgs([]))
    if (!params.communityId) {
      void getMe()
        .then((me) => {
          if (me.kind === 'resident' && me.communityId) setCommunityId((c) => c ?? me.communityId)
        })
        .catch(() => undefined)
    }
  }, [params.communityId])

  const edit = form.clear

  const addPhotos = async () => {
    const room = MAX_PHOTOS - photos.length
    if (room <= 0 || uploading) return
    const chosen = await choosePhotos(room)
    if (!chosen) return // The resident closed the picker.
    setUploading(true)
    edit('photos')
    try {
      for (const path of chosen) {
        const ref = await uploadFeedbackPhoto(path)
        setPhotos((p) => [...p, { preview: path, ref }])
      }
    } catch (e) {
      setErrors((m) => ({ ...m, photos: uploadProblem(e) }))
    } finally {
      setUploading(false)
    }
  }

  const submit = async () => {
    if (busy || uploading) return
    const input = {
      kind: kind ?? '',
      communityId: communityId ?? '',
      text,
      anonymous,
      contactName: anonymous ? '' : contactName,
      photos: photos.map((p) => p.ref),
      subject: anonymous && subject?.kind === 'case' ? null : subject,
    }
    await form.run(input)
  }

  const photoError = errors.photos ?? Object.entries(errors).find(([p]) => p.startsWith('photos.'))?.[1]

  return (
    <View className='feedback-form'>
      <PrivacyPrompt purpose='选择照片' />
      <NoticeBanner text='社区会在规定时间内答复：投诉 3 个工作日，咨询 5 个工作日，建议 10 个工作日。' />
      {subject ? (
        <View className='feedback-form__about' data-testid='feedback-subject'>
          <Text className='feedback-form__about-label'>关于{SUBJECT_PREFIX[subject.kind] === '我的创业档案' ? '' : SUBJECT_PREFIX[subject.kind]}</Text>
          <Text className='feedback-form__about-title'>{subjectTitle || SUBJECT_PREFIX[subject.kind]}</Text>
        </View>
      ) : null}

      <View className='feedback-form__card'>
        <FormField label='想说的是' required error={errors.kind} testId='field-kind'>
          <ChoiceChips options={FEEDBACK_KINDS} labels={FEEDBACK_KIND_LABELS} value={kind} onChange={(v) => { setKind(v as FeedbackKind); edit('kind') }} testIdPrefix='kind' />
          {kind ? <Text className='feedback-form__hint'>{FEEDBACK_KIND_HINTS[kind]}</Text> : null}
        </FormField>

        <FormField label='交给哪个社区' required error={errors.communityId} testId='field-community'>
          <CommunityPicker orgs={orgs} value={communityId} onChange={(id) => { setCommunityId(id); edit('communityId') }} invalid={Boolean(errors.communityId)} />
        </FormField>

        <FormField
          label='具体情况'
          required
          error={errors.text}
          hint='说清楚什么时间、在哪里、遇到了什么事，社区好尽快处理'
          extra={<Text className='feedback-form__count'>{text.length}/{FEEDBACK_TEXT_MAX}</Text>}
          testId='field-text'
        >
          <FieldTextarea value={text} onInput={(v) => { setText(v); edit('text') }} maxlength={FEEDBACK_TEXT_MAX} placeholder='至少 5 个字' testId='feedback-text' className='feedback-form__textarea' />
        </FormField>

        <FormField label='照片' error={photoError} hint={`可选，最多 ${MAX_PHOTOS} 张，JPG、PNG 或 WebP，每张不超过 2 MB`} testId='field-photos'>
          <View className='feedback-form__photos'>
            {photos.map((p, i) => (
              <View className='feedback-form__photo' key={p.ref} data-testid='feedback-photo'>
                <Image className='feedback-form__photo-img' src={p.preview} mode='aspectFill' />
                <View className='feedback-form__photo-remove' onClick={() => setPhotos((all) => all.filter((_, k) => k !== i))}>
                  <AtIcon value='close' size={12} color='#fff' />
                </View>
              </View>
            ))}
            {photos.length < MAX_PHOTOS ? (
              <View className='feedback-form__photo feedback-form__photo--add' onClick={() => void addPhotos()} data-testid='feedback-add-photo'>
                <AtIcon value={uploading ? 'loading-3' : 'camera'} size={24} color='#8f959e' />
                <Text className='feedback-form__photo-note'>{uploading ? '上传中' : '添加照片'}</Text>
              </View>
            ) : null}
          </View>
        </FormField>
      </View>

      <View className='feedback-form__card'>
        <View className='feedback-form__switch-row'>
          <View className='feedback-form__switch-text'>
            <Text className='feedback-form__switch-title'>匿名提交</Text>
            <Text className='feedback-form__switch-note'>社区看不到你是谁，答复只有你能看到</Text>
          </View>
          <Switch checked={anonymous} color='#2861d8' onChange={(e) => setAnonymous(e.detail.value)} nativeProps={{ 'data-testid': 'feedback-anonymous', 'aria-label': '匿名提交（社区看不到你是谁）' }} />
        </View>
        {anonymous && subject?.kind === 'case' ? (
          <Text className='feedback-form__warn' data-testid='feedback-anonymous-case'>匿名时不会关联你的创业档案</Text>
        ) : null}
        {anonymous ? null : (
          <FormField label='怎么称呼你' error={errors.contactName} hint='可选，如“李先生”' testId='field-contactName'>
            <Input
              className='form-field__input'
              value={contactName}
              maxlength={20}
              placeholder='选填'
              placeholderClass='form-field__placeholder'
              onInput={(e) => { setContactName(e.detail.value); edit('contactName') }}
            />
          </FormField>
        )}
      </View>

      <View className='feedback-form__submit' data-testid='feedback-submit'>
        <AtButton type='primary' loading={busy} disabled={busy || uploading} onClick={() => void submit()}>
          提交
        </AtButton>
      </View>
    </View>
  )
}

export default withCareMode(FeedbackFormPage)
