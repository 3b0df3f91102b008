import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { projectSaveInput, type ProjectView } from '@shared/contracts/project'
import { INDUSTRIES, INDUSTRY_LABELS, type Industry } from '@shared/domain/case'
import { INVESTMENT_BAND_LABELS, INVESTMENT_BANDS, PROJECT_STATUS_LABELS, type InvestmentBand } from '@shared/domain/project'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import PageState from '../../../components/page-state'
import ListFooter from '../../../components/list-footer'
import { useFormSave } from '../../../hooks/use-form-save'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { errorMessage } from '../../../services/core/cloud'
import { archiveProject, listProjects, restoreProject, saveProject } from '../../../services/intent/intent'
import { getMe } from '../../../services/profile/profile'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import FormActions from '../../components/form-actions'
import StaffLayout from '../../components/staff-layout'
import { staffGate } from '../../components/staff-gate'
import './index.scss'

/** 创业项目库: staff keep the projects they recommend; residents see the active ones on the intent form. */
function ProjectsPageBody() {
  const me = useLoad(() => getMe(), [])
  const isStaff = me.data?.kind === 'staff'
  const [editing, setEditing] = useState<ProjectView | 'new' | null>(null)
  const list = usePagedList((after) => (isStaff ? listProjects({ view: 'manage', after, limit: 20 }) : Promise.resolve({ items: [], next: null })), [isStaff])
  useListPage(list)

  const gate = staffGate(me)
  if (gate.stop) return gate.stop

  const toggle = async (p: ProjectView) => {
    const off = p.status === 'active'
    if (off && !(await confirm('下架项目', `下架“${p.title}”后居民将看不到它。`, '下架'))) return
    try {
      const next = off ? await archiveProject(p._id) : await restoreProject(p._id)
      list.replace((x) => x._id === p._id, next)
      toastSuccess(off ? '已下架' : '已恢复')
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View className='projects'>
      <View className='projects__head'>
        <View>
          <Text className='projects__title'>创业项目库</Text>
          <Text className='projects__sub'>推荐给有创业意向的居民；居民登记时可以选感兴趣的项目</Text>
        </View>
        {editing === null ? (
          <View data-testid='new-project'>
            <AtButton type='primary' size='small' onClick={() => setEditing('new')}>
              ＋ 添加项目
            </AtButton>
          </View>
        ) : null}
      </View>
      {editing !== null ? (
        <ProjectForm
          key={editing === 'new' ? 'new' : `${editing._id}@${editing.version}`}
          project={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null)
            if (saved) void list.refresh({ quiet: true })
          }}
        />
      ) : null}
      {list.status === 'loading' ? (
        <PageState kind='loading' compact />
      ) : list.status === 'error' ? (
        <PageState kind='error' compact title='项目加载失败' error={list.error} onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <PageState kind='empty' compact title='项目库还是空的' description='添加几个适合本社区的项目，方便推荐给居民' testId='projects-empty' />
      ) : (
        <View data-testid='project-list'>
          {list.items.map((p) => (
            <View key={p._id} className='projects__card' data-testid='project-row'>
              <View className='projects__card-head'>
                <Text className='projects__name'>{p.title}</Text>
                <Chip small tone={p.status === 'active' ? 'success' : 'neutral'} label={PROJECT_STATUS_LABELS[p.status]} />
              </View>
              <Text className='projects__meta'>
                {INDUSTRY_LABELS[p.industry]} · 投入 {INVESTMENT_BAND_LABELS[p.investment]} · {p.orgName}
              </Text>
              <Text className='projects__desc'>{p.description}</Text>
              <Text className='projects__meta'>
                联系人：{p.contactName} {p.contactPhone}
              </Text>
              {p.editable ? (
                <View className='projects__actions'>
                  <Text className='projects__link' onClick={() => setEditing(p)}>
                    修改
                  </Text>
                  <Text className='projects__link projects__link--muted' onClick={() => void toggle(p)}>
                    {p.status === 'active' ? '下架' : '恢复'}
                  </Text>
                </View>
              ) : null}
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </View>
  )
}

function ProjectForm({ project, onDone }: { project: ProjectView | null; onDone: (saved: boolean) => void }) {
  const [title, setTitle] = useState(project?.title ?? '')
  const [industry, setIndustry] = useState<Industry | null>(project?.industry ?? null)
  const [investment, setInvestment] = useState<InvestmentBand | null>(project?.investment ?? null)
  const [description, setDescription] = useState(project?.description ?? '')
  const [contactName, setContactName] = useState(project?.contactName ?? '')
  const [contactPhone, setContactPhone] = useState(project?.contactPhone ?? '')
  const form = useFormSave('项目', projectSaveInput, saveProject, onDone)
  const { errors, busy } = form
  const save = () => {
    const input = {
      ...(project ? { id: project._id, version: project.version } : {}),
      title,
      industry: industry ?? undefined,
      investment: investment ?? undefined,
      description,
      contactName,
      contactPhone,
    }
    form.submit(input)
  }
  return (
    <View className='projects__form' data-testid='project-form'>
      <FormField label='项目名称' required error={errors.title}>
        <Input className='form-field__input' value={title} maxlength={40} placeholder='例如：社区早餐车' onInput={(e) => setTitle(e.detail.value)} nativeProps={{ 'data-testid': 'project-title-input' }} />
      </FormField>
      <FormField label='行业' required error={errors.industry}>
        <ChoiceChips options={INDUSTRIES} labels={INDUSTRY_LABELS} value={industry} onChange={(v) => setIndustry(v as Industry)} testIdPrefix='project-industry' />
      </FormField>
      <FormField label='启动投入' required error={errors.investment}>
        <ChoiceChips options={INVESTMENT_BANDS} labels={INVESTMENT_BAND_LABELS} value={investment} onChange={(v) => setInvestment(v as InvestmentBand)} testIdPrefix='project-investment' />
      </FormField>
      <FormField label='项目介绍' required error={errors.description} hint='做什么、适合谁、怎么赚钱'>
        <FieldTextarea value={description} onInput={setDescription} maxlength={500} placeholder='10–500 个字' testId='project-description-input' />
      </FormField>
      <FormField label='联系人' required error={errors.contactName}>
        <Input className='form-field__input' value={contactName} maxlength={20} onInput={(e) => setContactName(e.detail.value)} nativeProps={{ 'data-testid': 'project-contact-name-input' }} />
      </FormField>
      <FormField label='联系电话' required error={errors.contactPhone}>
        <Input className='form-field__input' value={contactPhone} maxlength={20} onInput={(e) => setContactPhone(e.detail.value)} nativeProps={{ 'data-testid': 'project-contact-phone-input', inputmode: 'tel' }} />
      </FormField>
      <FormActions busy={busy} onCancel={() => onDone(false)} onSave={() => void save()} saveTestId='project-save' />
    </View>
  )
}

export default function ProjectsPage() {
  return (
    <StaffLayout page='projects'>
      <ProjectsPageBody />
    </StaffLayout>
  )
}
