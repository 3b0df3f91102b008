import { useEffect, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { AtButton } from 'taro-ui'
import { policyDraftSchema, type PolicyDraftInput, type PolicyView } from '@shared/contracts/policy'
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, POLICY_STATUS_LABELS, type PolicyCategory, type PolicyStatus } from '@shared/domain/policy'
import { can, type StaffRole } from '@shared/domain/roles'
import type { TargetGroup } from '@shared/domain/target-groups'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import GroupPicker from '../../../components/group-picker'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import TextListEditor from '../../../components/text-list-editor'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { getPolicy, publishPolicy, savePolicy } from '../../../services/policy/policy'
import { forgetMe, getMe } from '../../../services/profile/profile'
import { clearField, rowErrors } from '../../../utils/field-errors'
import { fenToYuanText, yuanToFen } from '../../../utils/money'
import { goBack, routes } from '../../../utils/routes'
import { DraftBar, DraftErrorBanner, DraftTitleField, DRAFT_SUBMIT, type DraftFormError } from '../../components/draft-form'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** The form's values; `category` is null until chosen. */
interface PolicyForm {
  title: string
  category: PolicyCategory | null
  summary: string
  benefit: string
  targetGroups: TargetGroup[]
  eligibility: string[]
  materials: string[]
  process: string[]
  contact: { department: string; phone: string; address: string }
  validFrom: string
  validTo: string | null
  /** The cap per benefit or loan as typed, in yuan; '' for none. */
  capYuan: string
}

/** The lists of lines a policy holds (申请条件, 所需材料, 办理流程) and how each is edited. */
const LIST_FIELDS: { key: 'eligibility' | 'materials' | 'process'; label: string; placeholder: string; maxItems: number; maxLength: number; addText: string; numbered?: boolean }[] = [
  { key: 'eligibility', label: '申请条件', placeholder: '一条条件', maxItems: 12, maxLength: 200, addText: '添加条件' },
  { key: 'materials', label: '所需材料', placeholder: '一项材料', maxItems: 20, maxLength: 100, addText: '添加材料' },
  { key: 'process', label: '办理流程', placeholder: '一个步骤', maxItems: 12, maxLength: 200, addText: '添加步骤', numbered: true },
]

/** Where residents ask (咨询方式): the contact's three lines. */
const CONTACT_FIELDS: { key: keyof PolicyForm['contact']; label: string; hint?: string; maxlength: number; placeholder: string; inputmode?: 'tel' }[] = [
  { key: 'department', label: '咨询部门', maxlength: 40, placeholder: '例如：XX 街道劳动保障所' },
  { key: 'phone', label: '咨询电话', hint: '手机、座机（可带区号）或 12345', maxlength: 20, placeholder: '例如：029-12345678', inputmode: 'tel' },
  { key: 'address', label: '办理地点', maxlength: 100, placeholder: '例如：XX 路 1 号社区服务中心一楼' },
]

/** Which stored policy the form edits. */
interface Ident {
  id: string
  version: number
  status: PolicyStatus
}

function emptyForm(today: string): PolicyForm {
  return {
    title: '',
    category: null,
    summary: '',
    benefit: '',
    targetGroups: [],
    eligibility: [''],
    materials: [''],
    process: [''],
    contact: { department: '', phone: '', address: '' },
    validFrom: today,
    validTo: null,
    capYuan: '',
  }
}

function formOf(p: PolicyView): PolicyForm {
  return {
    title: p.title,
    category: p.category,
    summary: p.summary,
    benefit: p.benefit,
    targetGroups: [...p.targetGroups],
    eligibility: p.eligibility.length ? [...p.eligibility] : [''],
    materials: p.materials.length ? [...p.materials] : [''],
    process: p.process.length ? [...p.process] : [''],
    contact: { ...p.contact },
    validFrom: p.validFrom,
    validTo: p.validTo,
    capYuan: p.capFen == null ? '' : fenToYuanText(p.capFen),
  }
}

/** What goes to the schema: the draft shape, with the category possibly still unset. */
type DraftCandidate = Omit<PolicyDraftInput, 'category'> & { category?: PolicyCategory }

function draftOf(form: PolicyForm, ident: Ident | null): DraftCandidate {
  return {
    ...(ident ? { id: ident.id, version: ident.version } : {}),
    title: form.title,
    // Left out until chosen, so the schema's own "请选择政策类别" message shows.
    category: form.category ?? undefined,
    summary: form.summary,
    benefit: form.benefit,
    targetGroups: form.targetGroups,
    eligibility: form.eligibility,
    materials: form.materials,
    process: form.process,
    contact: form.contact,
    validFrom: form.validFrom,
    validTo: form.validTo,
    // Yuan in the form, fen stored; an empty field clears the cap (null), as the schema reads it.
    capFen: form.capYuan.trim() === '' ? null : yuanToFen(form.capYuan),
  }
}

/** 编辑政策: loads the policy (or starts a new one) and who is editing, then shows the form. */
function PolicyEditPageBody() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(async () => {
    const me = await getMe()
    const policy = id && me.kind === 'staff' ? await getPolicy(id) : null
    return { me, policy }
  }, [id])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑政策' : '新建政策' })
  }, [id])

  if (data.status === 'error' && !data.data) {
    const notFound = isApiError(data.error) && data.error.code === ErrorCodes.notFound
    return notFound ? (
      <PageState kind='empty' title='这条政策不存在' description='可能已被删除' actionText='返回列表' onAction={() => goBack(routes.staffPolicies)} />
    ) : (
      <PageState kind='error' title='政策加载失败' error={data.error} onAction={() => void data.reload()} />
    )
  }
  if (!data.data || (data.status === 'loading' && id && !data.data.policy)) return <PageState kind='loading' />
  const staff = data.data.me.kind === 'staff' ? data.data.me.staff : null
  if (!staff) {
    return (
      <StaffRequired />
    )
  }
  const policy = data.data.policy
  // A reloaded policy (after a conflict) mounts a fresh form with the stored values.
  return <PolicyEditor key={policy ? `${policy._id}@${policy.version}` : 'new'} policy={policy} role={staff.role} onReload={() => void data.reload()} />
}

interface PolicyEditorProps {
  /** The stored policy, or null for a new one. */
  policy: PolicyView | null
  role: StaffRole
  /** Loads the stored policy again (after someone else changed it). */
  onReload: () => void
}

/** The whole policy form, checked here and by the server with the same schema. */
function PolicyEditor({ policy, role, onReload }: PolicyEditorProps) {
  // Initial values are set once, at mount: Taro's H5 inputs fail when a value changes before
  // their first render, so the form never starts empty and then fills in.
  const [form, setForm] = useState<PolicyForm>(() => (policy ? formOf(policy) : emptyForm(shanghaiDate(new Date()))))
  const [ident, setIdent] = useState<Ident | null>(() => (policy ? { id: policy._id, version: policy.version, status: policy.status } : null))
  const [formError, setFormError] = useState<DraftFormError | null>(null)
  const saving = useFormSubmit<typeof policyDraftSchema, PolicyView, 'save' | 'publish'>({
    schema: policyDraftSchema,
    submit: async (value) => {
      const view = await savePolicy(value)
      // From here on the form edits the stored policy, even if publishing fails.
      setIdent({ id: view._id, version: view.version, status: view.status })
      return view
    },
    publish: async (view) => {
      if (view.status === 'published') return view
      const published = await publishPolicy(view._id)
      setIdent({ id: published._id, version: published.version, status: published.status })
      return published
    },
    successToast: (_view, mode) => (mode === 'publish' ? '已发布' : '已保存'),
    then: () => goBack(routes.staffPolicies),
    ...DRAFT_SUBMIT,
    onError: (e, { saved }) => {
      if (isApiError(e) && e.fields.length) {
        setFormError({ text: e.message || '有些内容需要修改，请看标红的地方', conflict: false })
      } else if (isApiError(e) && e.code === ErrorCodes.conflict) {
        setFormError({ text: '内容已被他人修改，请刷新后再改', conflict: true })
      } else if (isApiError(e) && e.code === ErrorCodes.unauthenticated) {
        forgetMe()
        setFormError({ text: '登录已过期，重新登录后回到这里再保存即可，填写的内容不会丢', conflict: false })
        void Taro.navigateTo({ url: routes.staffLoginThenBack })
      } else {
        const why = errorMessage(e)
        setFormError({ text: saved ? `已保存为草稿，但发布没有成功：${why}` : why, conflict: false })
      }
    },
  })
  const { errors, setErrors, busy } = saving
  const [lastValidTo, setLastValidTo] = useState<string | null>(null)

  const editable = policy ? policy.editable : can(role, 'policy.write')
  const mayPublish = can(role, 'policy.publish')
  const status = ident?.status ?? 'draft'

  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => clearField(e, key))
  }
  const setContact = (key: keyof PolicyForm['contact'], value: string) => {
    setForm((f) => ({ ...f, contact: { ...f.contact, [key]: value } }))
    setErrors((e) => clearField(clearField(e, `contact.${key}`), 'contact'))
  }
  const setForever = (forever: boolean) => {
    if (forever) {
      setLastValidTo(form.validTo)
      set('validTo', null)
    } else {
      set('validTo', lastValidTo ?? dayjs(form.validFrom).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'))
    }
  }

  const submit = async (andPublish: boolean) => {
    if (busy) return
    setFormError(null)
    await saving.run(draftOf(form, ident), andPublish ? 'publish' : 'save')
  }

  return (
    <View className='policy-edit'>
      <View className='policy-edit__status'>
        <Text className='policy-edit__status-text'>
          {ident ? `当前状态：${POLICY_STATUS_LABELS[status]}` : '新政策保存后为草稿，发布后居民才能看到'}
        </Text>
      </View>

      {!editable ? (
        <View className='policy-edit__banner'>
          <NoticeBanner tone='warning' text='你没有权限修改这条政策，只能查看' />
        </View>
      ) : null}
      <DraftErrorBanner block='policy-edit' error={formError} onReload={onReload} />

      <View className='policy-edit__section'>
        <Text className='policy-edit__section-title'>基本信息</Text>
        <DraftTitleField label='标题' value={form.title} max={60} placeholder='例如：高校毕业生一次性创业补贴' error={errors.title} onInput={(v) => set('title', v)} />
        <FormField label='政策类别' required error={errors.category} testId='field-category'>
          <View className='policy-edit__chips'>
            {POLICY_CATEGORIES.map((c) => (
              <Chip key={c} label={POLICY_CATEGORY_LABELS[c]} active={form.category === c} onClick={() => set('category', c)} testId={`category-${c}`} />
            ))}
          </View>
        </FormField>
        <FormField label='简介' required error={errors.summary} hint='一两句话说清楚这是什么政策，居民在列表里会看到' testId='field-summary'>
          <FieldTextarea value={form.summary} onInput={(v) => set('summary', v)} maxlength={120} placeholder='6–120 个字' testId='field-summary-input' />
        </FormField>
        <FormField label='扶持内容' required error={errors.benefit} hint='写清楚能得到什么：金额、比例、期限' testId='field-benefit'>
          <FieldTextarea value={form.benefit} onInput={(v) => set('benefit', v)} maxlength={200} placeholder='例如：一次性补贴 5000 元' testId='field-benefit-input' />
        </FormField>
        <FormField
          label='每笔金额上限（元）'
          error={errors.capFen}
          hint='登记享受这条政策或发放贷款时，金额不能超过它；不限就留空'
          testId='field-capFen'
        >
          <Input
            className='form-field__input'
            type='digit'
            value={form.capYuan}
            maxlength={13}
            placeholder='例如：300000'
            onInput={(e) => {
              set('capYuan', e.detail.value)
              setErrors((er) => clearField(er, 'capFen'))
            }}
            nativeProps={{ 'data-testid': 'field-capFen-input', inputmode: 'decimal' }}
          />
        </FormField>
        <FormField label='适用人群' required error={errors.targetGroups} testId='field-targetGroups'>
          <GroupPicker value={form.targetGroups} onChange={(v) => set('targetGroups', v)} />
        </FormField>
      </View>

      <View className='policy-edit__section'>
        <Text className='policy-edit__section-title'>申请与办理</Text>
        {LIST_FIELDS.map(({ key, label, ...list }) => (
          <FormField key={key} label={label} required error={errors[key]} testId={`field-${key}`}>
            <TextListEditor {...list} items={form[key]} onChange={(v) => set(key, v)} rowErrors={rowErrors(errors, key)} testId={`field-${key}`} />
          </FormField>
        ))}
      </View>

      <View className='policy-edit__section'>
        <Text className='policy-edit__section-title'>咨询方式</Text>
        {errors.contact ? <Text className='policy-edit__group-error'>{errors.contact}</Text> : null}
        {CONTACT_FIELDS.map(({ key, label, hint, maxlength, placeholder, inputmode }) => (
          <FormField key={key} label={label} required error={errors[`contact.${key}`]} hint={hint} testId={`field-contact-${key}`}>
            <Input
              className='form-field__input'
              value={form.contact[key]}
              maxlength={maxlength}
              placeholder={placeholder}
              onInput={(e) => setContact(key, e.detail.value)}
              nativeProps={{ 'data-testid': `field-contact-${key}-input`, ...(inputmode ? { inputmode } : {}) }}
            />
          </FormField>
        ))}
      </View>

      <View className='policy-edit__section'>
        <Text className='policy-edit__section-title'>有效期</Text>
        <FormField label='开始日期' required error={errors.validFrom} testId='field-validFrom'>
          <DateInput value={form.validFrom} placeholder='请选择日期' onChange={(v) => set('validFrom', v)} />
        </FormField>
        <FormField
          label='截止日期'
          required={form.validTo !== null}
          error={errors.validTo}
          extra={
            <View className='policy-edit__forever'>
              <Text className='policy-edit__forever-label'>长期有效</Text>
              <Switch
                checked={form.validTo === null}
                color='#2861d8'
                onChange={(e) => setForever(e.detail.value)}
                nativeProps={{ 'data-testid': 'field-validTo-forever' }}
              />
            </View>
          }
          testId='field-validTo'
        >
          {form.validTo === null ? (
            <View className='form-field__picker form-field__picker--muted'>
              <Text>长期有效，没有截止日期</Text>
            </View>
          ) : (
            <DateInput value={form.validTo} start={form.validFrom} onChange={(v) => set('validTo', v)} />
          )}
        </FormField>
      </View>

      <DraftBar
        block='policy-edit'
        busy={busy}
        disabled={!editable}
        saveText={status === 'published' ? '保存修改' : status === 'archived' ? '保存' : '保存草稿'}
        publish={mayPublish && status !== 'published'}
        onSubmit={(andPublish) => void submit(andPublish)}
      >
        {mayPublish && status === 'published' && ident ? (
          <View className='policy-edit__button' data-testid='push-entry'>
            <AtButton type='secondary' disabled={busy !== null} onClick={() => void Taro.navigateTo({ url: routes.policyPush(ident.id) })}>
              推送给居民
            </AtButton>
          </View>
        ) : null}
      </DraftBar>
    </View>
  )
}

export default function PolicyEditPage() {
  return (
    <StaffLayout page='policyEdit'>
      <PolicyEditPageBody />
    </StaffLayout>
  )
}
