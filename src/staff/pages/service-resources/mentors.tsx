import { useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import { mentorSaveInput, type MentorView } from '@shared/contracts/service'
import { MENTOR_FIELD_LABELS, MENTOR_FIELDS, type MentorField } from '@shared/domain/service'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField from '../../../components/form-field'
import { listMentorsAs, saveMentor } from '../../../services/service/service'

import FormActions from '../../components/form-actions'
import { useFormSave } from '../../../hooks/use-form-save'
import { ResourceSection } from './section'

/**
 * My subtree's mentors; the first page also carries those kept above me (city, district, street),
 * which my org's residents are matched with too but only their keepers edit.
 */
async function mentorPage(after: string | null) {
  const mine = await listMentorsAs('manage', after)
  if (after) return mine
  const chain = await listMentorsAs('resident')
  const above = chain.items.filter((m) => !m.editable && !mine.items.some((x) => x._id === m._id))
  return { items: [...mine.items, ...above], next: mine.next }
}

/** 导师库: the 创业服务指导团 my office keeps. */
export function MentorsSection() {
  return (
    <ResourceSection<MentorView>
      kind='mentor'
      intro='创业服务指导团：在居民的帮扶档案里可以为他们安排导师。上级单位的导师本社区也能安排，由上级维护。'
      addText='添加导师'
      emptyTitle='还没有导师'
      emptyText='添加几位愿意指导居民的企业家、专家'
      fetchPage={mentorPage}
      renderRow={(m) => (
        <View>
          <View className='resources__card-head'>
            <Text className='resources__name'>{m.name}</Text>
            <View className='resources__chips'>
              <Chip small label={MENTOR_FIELD_LABELS[m.field]} />
              {m.active ? null : <Chip small tone='neutral' label='已停用' />}
            </View>
          </View>
          <Text className='resources__meta'>
            {m.organisation} · 擅长 {m.specialty}
          </Text>
          <Text className='resources__meta'>
            可约：{m.availability} · {m.phone} · {m.editable ? m.orgName : `${m.orgName}维护`}
          </Text>
        </View>
      )}
      renderForm={(m, done) => <MentorForm mentor={m} onDone={done} />}
    />
  )
}

function MentorForm({ mentor, onDone }: { mentor: MentorView | null; onDone: (saved: boolean) => void }) {
  const [name, setName] = useState(mentor?.name ?? '')
  const [field, setField] = useState<MentorField | null>(mentor?.field ?? null)
  const [specialty, setSpecialty] = useState(mentor?.specialty ?? '')
  const [organisation, setOrganisation] = useState(mentor?.organisation ?? '')
  const [phone, setPhone] = useState(mentor?.phone ?? '')
  const [availability, setAvailability] = useState(mentor?.availability ?? '')
  const [active, setActive] = useState(mentor?.active ?? true)
  const form = useFormSave('导师', mentorSaveInput, saveMentor, onDone)
  const submit = () => {
    const input = { ...(mentor ? { id: mentor._id, version: mentor.version } : {}), name, field: field ?? undefined, specialty, organisation, phone, availability, active }
    form.submit(input)
  }
  const e = form.errors
  return (
    <View>
      <FormField label='姓名' required error={e.name}>
        <Input className='form-field__input' value={name} maxlength={20} onInput={(ev) => form.edit('name', setName)(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-name-input' }} />
      </FormField>
      <FormField label='导师类别' required error={e.field}>
        <ChoiceChips options={MENTOR_FIELDS} labels={MENTOR_FIELD_LABELS} value={field} onChange={(v) => form.edit('field', setField)(v as MentorField)} testIdPrefix='mentor-field' />
      </FormField>
      <FormField label='擅长领域' required error={e.specialty}>
        <Input className='form-field__input' value={specialty} maxlength={40} placeholder='例如：餐饮门店经营' onInput={(ev) => form.edit('specialty', setSpecialty)(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-specialty-input' }} />
      </FormField>
      <FormField label='单位' required error={e.organisation}>
        <Input className='form-field__input' value={organisation} maxlength={40} onInput={(ev) => form.edit('organisation', setOrganisation)(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-organisation-input' }} />
      </FormField>
      <FormField label='联系电话' required error={e.phone} hint='只给工作人员看，居民通过社区预约'>
        <Input className='form-field__input' value={phone} maxlength={20} onInput={(ev) => form.edit('phone', setPhone)(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-phone-input', inputmode: 'tel' }} />
      </FormField>
      <FormField label='可约时间' required error={e.availability}>
        <Input className='form-field__input' value={availability} maxlength={40} placeholder='例如：每周三下午' onInput={(ev) => form.edit('availability', setAvailability)(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-availability-input' }} />
      </FormField>
      <FormField label='在册' extra={<Switch checked={active} color='#2861d8' onChange={(ev) => setActive(ev.detail.value)} nativeProps={{ 'data-testid': 'mentor-active', 'aria-label': '在册' }} />}>
        <Text className='resources__meta'>{active ? '可以为居民安排' : '已停用，不能再安排给居民'}</Text>
      </FormField>
      <FormActions saveTestId='mentor-save' busy={form.busy} onCancel={() => onDone(false)} onSave={submit} />
    </View>
  )
}
