import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { storySaveInput, type StoryView } from '@shared/contracts/service'
import { dayText, shanghaiDate } from '@shared/domain/time'
import FormField from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import TextListEditor from '../../../components/text-list-editor'
import { listManagedStories, saveStory } from '../../../services/service/service'
import { rowErrors } from '../../../utils/field-errors'
import { PolicyLinks } from './policy-links'
import FormActions from '../../components/form-actions'
import { useFormSave } from '../../../hooks/use-form-save'
import { ResourceSection } from './section'

/** 创业故事: published with the entrepreneur's consent on record. */
export function StoriesSection() {
  return (
    <ResourceSection<StoryView>
      kind='story'
      intro='本地创业者的故事，保存即发布。必须先征得本人同意，并记下同意方式和日期。'
      addText='发布故事'
      emptyTitle='还没有创业故事'
      emptyText='征得本人同意后，写一写身边的创业者'
      fetchPage={listManagedStories}
      renderRow={(s) => (
        <View>
          <Text className='resources__name'>{s.title}</Text>
          <Text className='resources__desc'>{s.summary}</Text>
          <Text className='resources__meta'>
            {s.person} · {s.business} · 发布于 {dayText(s.publishedAt)} · {s.consentRecorded ? '已记录本人同意' : '缺本人同意记录'}
          </Text>
        </View>
      )}
      renderForm={(s, done) => <StoryForm story={s} onDone={done} />}
    />
  )
}

function StoryForm({ story, onDone }: { story: StoryView | null; onDone: (saved: boolean) => void }) {
  const today = shanghaiDate(new Date())
  const [title, setTitle] = useState(story?.title ?? '')
  const [person, setPerson] = useState(story?.person ?? '')
  const [business, setBusiness] = useState(story?.business ?? '')
  const [summary, setSummary] = useState(story?.summary ?? '')
  const [body, setBody] = useState(story?.body ?? '')
  const [helpUsed, setHelpUsed] = useState<string[]>(story?.helpUsed.length ? [...story.helpUsed] : [''])
  const [policyIds, setPolicyIds] = useState<string[]>(story?.policies.map((p) => p._id) ?? [])
  // The stored consent is not sent back to the client; an edit confirms it again.
  const [consentHow, setConsentHow] = useState('')
  const [consentDate, setConsentDate] = useState('')
  const form = useFormSave('创业故事', storySaveInput, saveStory, onDone, story ? '已保存' : '已发布')
  const submit = () => {
    const input = {
      ...(story ? { id: story._id, version: story.version } : {}),
      title,
      person,
      business,
      summary,
      body,
      helpUsed: helpUsed.filter((h) => h.trim()),
      policyIds,
      consentHow,
      // Left out until picked, so the schema's "请填写同意日期" shows.
      consentDate: consentDate || undefined,
    }
    form.submit(input)
  }
  const e = form.errors
  return (
    <View>
      <FormField label='标题' required error={e.title}>
        <Input className='form-field__input' value={title} maxlength={40} onInput={(ev) => form.edit('title', setTitle)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-title-input' }} />
      </FormField>
      <FormField label='主人公称呼' required error={e.person} hint='按本人同意的方式称呼，如 王女士'>
        <Input className='form-field__input' value={person} maxlength={20} onInput={(ev) => form.edit('person', setPerson)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-person-input' }} />
      </FormField>
      <FormField label='创业项目' required error={e.business}>
        <Input className='form-field__input' value={business} maxlength={40} onInput={(ev) => form.edit('business', setBusiness)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-business-input' }} />
      </FormField>
      <FormField label='摘要' required error={e.summary}>
        <Input className='form-field__input' value={summary} maxlength={100} onInput={(ev) => form.edit('summary', setSummary)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-summary-input' }} />
      </FormField>
      <FormField label='正文' required error={e.body}>
        <View className='form-field__textarea'>
          <Textarea className='form-field__textarea-input' value={body} maxlength={3000} placeholder='20–3000 个字' placeholderClass='form-field__placeholder' onInput={(ev) => form.edit('body', setBody)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-body-input' }} />
        </View>
      </FormField>
      <FormField label='用到的帮扶' error={e.helpUsed}>
        <TextListEditor items={helpUsed} onChange={form.edit('helpUsed', setHelpUsed)} rowErrors={rowErrors(e, 'helpUsed')} placeholder='如 创业担保贷款' maxItems={10} maxLength={30} addText='添加一项' testId='story-help' />
      </FormField>
      <FormField label='关联政策' error={e.policyIds}>
        <PolicyLinks value={policyIds} onChange={form.edit('policyIds', setPolicyIds)} testIdPrefix='story-policy' />
      </FormField>
      <View className='resources__consent'>
        <Text className='resources__consent-title'>本人同意{story ? '（修改时请再次确认）' : ''}</Text>
        <FormField label='同意方式' required error={e.consentHow} hint='例如：书面同意书、电话确认录音'>
          <Input className='form-field__input' value={consentHow} maxlength={100} onInput={(ev) => form.edit('consentHow', setConsentHow)(ev.detail.value)} nativeProps={{ 'data-testid': 'story-consent-how-input' }} />
        </FormField>
        <FormField label='同意日期' required error={e.consentDate}>
          <DateInput value={consentDate} initial={today} placeholder='请选择日期' end={today} onChange={form.edit('consentDate', setConsentDate)} testId='story-consent-date' />
        </FormField>
      </View>
      <FormActions saveTestId='story-save' busy={form.busy} onCancel={() => onDone(false)} onSave={submit} saveText={story ? '保存' : '发布'} />
    </View>
  )
}
