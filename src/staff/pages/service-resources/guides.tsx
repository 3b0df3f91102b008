import { useState } from 'react'
import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { guideSaveInput, type GuideView } from '@shared/contracts/service'
import { GUIDE_TOPIC_LABELS, GUIDE_TOPICS, type GuideStep, type GuideTopic } from '@shared/domain/service'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField from '../../../components/form-field'
import TextListEditor from '../../../components/text-list-editor'
import { listManagedGuides, saveGuide } from '../../../services/service/service'
import { rowErrors } from '../../../utils/field-errors'
import { PolicyLinks } from './policy-links'
import FormActions from '../../components/form-actions'
import { useFormSave } from '../../../hooks/use-form-save'
import { ResourceSection } from './section'

/** 办事指南: step-by-step procedures, linked from the policies they serve. */
export function GuidesSection() {
  return (
    <ResourceSection<GuideView>
      kind='guide'
      intro='一步一步说清楚怎么办、带什么、去哪里；关联的政策页面会显示这份指南。'
      addText='添加指南'
      emptyTitle='还没有办事指南'
      emptyText='把居民常问的事项写成指南，例如办营业执照'
      fetchPage={listManagedGuides}
      renderRow={(g) => (
        <View>
          <View className='resources__card-head'>
            <Text className='resources__name'>{g.title}</Text>
            <View className='resources__chips'>
              <Chip small label={GUIDE_TOPIC_LABELS[g.topic]} />
              <Chip small tone={g.published ? 'success' : 'neutral'} label={g.published ? '已发布' : '未发布'} />
            </View>
          </View>
          <Text className='resources__desc'>{g.summary}</Text>
          <Text className='resources__meta'>
            {g.steps.length} 个步骤 · {g.materials.length} 项材料 · {g.where}
          </Text>
          {g.policies.length ? <Text className='resources__meta'>关联政策：{g.policies.map((p) => p.title).join('、')}</Text> : null}
        </View>
      )}
      renderForm={(g, done) => <GuideForm guide={g} onDone={done} />}
    />
  )
}

function GuideForm({ guide, onDone }: { guide: GuideView | null; onDone: (saved: boolean) => void }) {
  const [title, setTitle] = useState(guide?.title ?? '')
  const [topic, setTopic] = useState<GuideTopic | null>(guide?.topic ?? null)
  const [summary, setSummary] = useState(guide?.summary ?? '')
  const [steps, setSteps] = useState<GuideStep[]>(guide?.steps.map((s) => ({ ...s })) ?? [{ title: '', detail: '' }])
  const [materials, setMaterials] = useState<string[]>(guide?.materials.length ? [...guide.materials] : [''])
  const [where, setWhere] = useState(guide?.where ?? '')
  const [duration, setDuration] = useState(guide?.duration ?? '')
  const [policyIds, setPolicyIds] = useState<string[]>(guide?.policies.map((p) => p._id) ?? [])
  const [published, setPublished] = useState(guide?.published ?? true)
  const form = useFormSave('办事指南', guideSaveInput, saveGuide, onDone)
  const submit = () => {
    const input = { ...(guide ? { id: guide._id, version: guide.version } : {}), title, topic: topic ?? undefined, summary, steps, materials, where, duration, policyIds, published }
    form.submit(input)
  }
  const e = form.errors
  const stepErrors = rowErrors(e, 'steps')
  const setStep = (i: number, key: keyof GuideStep, value: string) => form.edit('steps', setSteps)(steps.map((s, j) => (j === i ? { ...s, [key]: value } : s)))
  return (
    <View>
      <FormField label='指南名称' required error={e.title}>
        <Input className='form-field__input' value={title} maxlength={40} placeholder='例如：个体工商户营业执照怎么办' onInput={(ev) => form.edit('title', setTitle)(ev.detail.value)} nativeProps={{ 'data-testid': 'guide-title-input' }} />
      </FormField>
      <FormField label='事项类别' required error={e.topic}>
        <ChoiceChips options={GUIDE_TOPICS} labels={GUIDE_TOPIC_LABELS} value={topic} onChange={(v) => form.edit('topic', setTopic)(v as GuideTopic)} testIdPrefix='guide-topic' />
      </FormField>
      <FormField label='简介' required error={e.summary}>
        <View className='form-field__textarea'>
          <Textarea className='form-field__textarea-input' value={summary} maxlength={200} placeholder='4–200 个字' placeholderClass='form-field__placeholder' onInput={(ev) => form.edit('summary', setSummary)(ev.detail.value)} nativeProps={{ 'data-testid': 'guide-summary-input' }} />
        </View>
      </FormField>
      <FormField label='办理步骤' required error={e.steps}>
        {steps.map((s, i) => (
          <View key={i} className='resources__step' data-testid={`guide-step-${i}`}>
            <Text className='resources__step-no'>{i + 1}</Text>
            <View className='resources__step-body'>
              <Input className='form-field__input' value={s.title} maxlength={30} placeholder='步骤名称，如 网上申报' onInput={(ev) => setStep(i, 'title', ev.detail.value)} nativeProps={{ 'data-testid': `guide-step-${i}-title`, 'aria-label': `第 ${i + 1} 步名称` }} />
              <Input className='form-field__input' value={s.detail} maxlength={300} placeholder='具体怎么做' onInput={(ev) => setStep(i, 'detail', ev.detail.value)} nativeProps={{ 'data-testid': `guide-step-${i}-detail`, 'aria-label': `第 ${i + 1} 步说明` }} />
              {stepErrors[i] ? <Text className='form-field__error'>{stepErrors[i]}</Text> : null}
            </View>
            {steps.length > 1 ? (
              <View role='button' aria-label={`删除第 ${i + 1} 步`} className='resources__link resources__link--muted' onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}>
                删除
              </View>
            ) : null}
          </View>
        ))}
        {steps.length < 20 ? (
          <View role='button' className='resources__link' onClick={() => setSteps((all) => [...all, { title: '', detail: '' }])} data-testid='guide-step-add'>
            ＋ 添加步骤
          </View>
        ) : null}
      </FormField>
      <FormField label='所需材料' required error={e.materials}>
        <TextListEditor items={materials} onChange={form.edit('materials', setMaterials)} rowErrors={rowErrors(e, 'materials')} placeholder='一项材料' maxItems={30} maxLength={60} addText='添加材料' testId='guide-materials' />
      </FormField>
      <FormField label='办理地点' required error={e.where} hint='窗口、地址、办公时间'>
        <Input className='form-field__input' value={where} maxlength={200} onInput={(ev) => form.edit('where', setWhere)(ev.detail.value)} nativeProps={{ 'data-testid': 'guide-where-input' }} />
      </FormField>
      <FormField label='办理时限' required error={e.duration}>
        <Input className='form-field__input' value={duration} maxlength={40} placeholder='例如：材料齐全当场办结' onInput={(ev) => form.edit('duration', setDuration)(ev.detail.value)} nativeProps={{ 'data-testid': 'guide-duration-input' }} />
      </FormField>
      <FormField label='关联政策' error={e.policyIds} hint='这些政策的页面会显示这份指南'>
        <PolicyLinks value={policyIds} onChange={form.edit('policyIds', setPolicyIds)} testIdPrefix='guide-policy' />
      </FormField>
      <FormField label='发布' extra={<Switch checked={published} color='#2861d8' onChange={(ev) => setPublished(ev.detail.value)} nativeProps={{ 'data-testid': 'guide-published', 'aria-label': '发布' }} />}>
        <Text className='resources__meta'>{published ? '居民可以看到' : '暂不给居民看'}</Text>
      </FormField>
      <FormActions saveTestId='guide-save' busy={form.busy} onCancel={() => onDone(false)} onSave={submit} />
    </View>
  )
}
