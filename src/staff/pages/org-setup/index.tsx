import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { saveSetupInput, type SetupView } from '@shared/contracts/org'
import { type OrgSetup, SETUP_MEMBER_ROLES, type SetupDocument, type SetupMember, type SetupMemberRole } from '@shared/domain/org-setup'
import { dayText, shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import PageState from '../../../components/page-state'
import TextListEditor from '../../../components/text-list-editor'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { getMe } from '../../../services/profile/profile'
import { loadSetup, saveSetup } from '../../../services/staff/org'
import { rowErrors } from '../../../utils/field-errors'
import StaffLayout from '../../components/staff-layout'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'

const ROLE_LABELS = Object.fromEntries(SETUP_MEMBER_ROLES.map((r) => [r, r])) as Record<SetupMemberRole, string>

/**
 * 组织体系 (seed 000 §二(一)): the community's 创建组织 with its members, 共建单位 and 挂点干部, its
 * equipment, the year's 创建工作计划 and 宣传方案 — the evidence the 创建标准 checklist checks and the
 * 申报表 lists. The community edits its own; the levels above read a community's (`?org=`).
 */
export default function OrgSetupPage() {
  return (
    <StaffLayout page='orgSetup'>
      <OrgSetupPageBody />
    </StaffLayout>
  )
}

function OrgSetupPageBody() {
  const me = useLoad(() => getMe(), [])
  const org = useRouter().params.org || undefined
  const data = useLoad(() => loadSetup(org), [org])
  const gate = staffGate(me)
  if (gate.stop) return gate.stop
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='组织体系加载失败' error={data.error} onAction={() => void data.reload()} />
  if (!data.data) return <PageState kind='loading' />
  return <SetupBody key={data.data.setup?.version ?? 0} view={data.data} onSaved={(next) => data.setData(next)} />
}

function Checks({ view }: { view: SetupView }) {
  return (
    <View className='org-setup__section' data-testid='setup-checks'>
      <Text className='org-setup__section-title'>
        {view.org.name} · {view.year} 年创建标准自查
      </Text>
      {view.checks.map((c) => (
        <View key={c.key} className='org-setup__check' data-testid={`setup-check-${c.key}`} data-met={String(c.met)}>
          <Text className={`org-setup__mark${c.met ? ' org-setup__mark--ok' : ''}`}>{c.met ? '✓' : '✕'}</Text>
          <View className='org-setup__check-text'>
            <Text className='org-setup__check-label'>{c.label}</Text>
            <Text className='org-setup__muted'>{c.detail}</Text>
          </View>
        </View>
      ))}
      <Text className='org-setup__muted'>创业指导专职人员（不少于 1 名）按工作人员账号统计，见指标看板“创业指导员在岗”。</Text>
      {view.setup ? (
        <Text className='org-setup__muted'>
          最近由 {view.setup.updatedByName} 于 {dayText(view.setup.updatedAt)} 更新
        </Text>
      ) : null}
    </View>
  )
}

const emptyDoc = (): SetupDocument => ({ title: '', date: '', summary: '' })

function SetupBody({ view, onSaved }: { view: SetupView; onSaved: (next: SetupView) => void }) {
  const s: OrgSetup | null = view.setup
  const [groupName, setGroupName] = useState(s?.groupName ?? `${view.org.name}创建创业型社区工作领导小组`)
  const [members, setMembers] = useState<SetupMember[]>(s?.members ?? [{ name: '', role: '组长', unit: '' }])
  const [partners, setPartners] = useState<string[]>(s?.partners ?? [''])
  const [liaisons, setLiaisons] = useState<string[]>(s?.liaisons ?? [''])
  const [computers, setComputers] = useState(String(s?.computers ?? 0))
  const [printers, setPrinters] = useState(String(s?.printers ?? 0))
  const [plan, setPlan] = useState<SetupDocument | null>(s?.plan ?? null)
  const [publicity, setPublicity] = useState<SetupDocument | null>(s?.publicity ?? null)
  const form = useFormSubmit({ schema: saveSetupInput, submit: (input) => saveSetup(input), successToast: '组织体系已保存', then: onSaved })
  const { errors } = form
  if (!view.canEdit) return <ReadOnly view={view} />

  const count = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))
  const save = () =>
    form.run({
      groupName,
      members,
      partners: partners.filter((p) => p.trim() !== ''),
      liaisons: liaisons.filter((p) => p.trim() !== ''),
      computers: count(computers),
      printers: count(printers),
      plan,
      publicity,
      version: s?.version ?? 0,
    })
  const setMember = (i: number, patch: Partial<SetupMember>) => {
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)))
    form.clear(`members.${i}`)
  }
  const today = shanghaiDate(new Date())

  return (
    <View className='org-setup' data-testid='org-setup'>
      <Checks view={view} />

      <View className='org-setup__section'>
        <Text className='org-setup__section-title'>创建组织</Text>
        <FormField label='组织名称' required error={errors.groupName}>
          <Input className='form-field__input' value={groupName} maxlength={40} onInput={(e) => setGroupName(e.detail.value)} nativeProps={{ 'data-testid': 'setup-group-name' }} />
        </FormField>
        <FormField label='成员（社区领导任组长）' required error={errors.members}>
          {members.map((m, i) => (
            <View key={i} className='org-setup__member' data-testid='setup-member'>
              <View className='org-setup__member-head'>
                <ChoiceChips options={SETUP_MEMBER_ROLES} labels={ROLE_LABELS} value={m.role} onChange={(role) => setMember(i, { role: role as SetupMemberRole })} testIdPrefix={`setup-member-${i}-role`} />
                {members.length > 1 ? (
                  <Text className='org-setup__link org-setup__link--danger' onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                    删除
                  </Text>
                ) : null}
              </View>
              <FormField label='姓名' required error={errors[`members.${i}.name`]}>
                <Input className='form-field__input' value={m.name} maxlength={20} placeholder='如 王丽' onInput={(e) => setMember(i, { name: e.detail.value })} nativeProps={{ 'data-testid': `setup-member-${i}-name` }} />
              </FormField>
              <FormField label='单位或职务' required error={errors[`members.${i}.unit`]}>
                <Input className='form-field__input' value={m.unit} maxlength={40} placeholder='如 社区党委书记、区人社局就业股' onInput={(e) => setMember(i, { unit: e.detail.value })} nativeProps={{ 'data-testid': `setup-member-${i}-unit` }} />
              </FormField>
            </View>
          ))}
          {members.length < 40 ? (
            <Text className='org-setup__link' data-testid='setup-member-add' onClick={() => setMembers([...members, { name: '', role: '成员', unit: '' }])}>
              + 添加成员
            </Text>
          ) : null}
        </FormField>
        <FormField label='共建单位' error={errors.partners} hint='驻区单位、企业、银行等参加创建组织的单位'>
          <TextListEditor items={partners} onChange={setPartners} placeholder='单位名称' rowErrors={rowErrors(errors, 'partners')} maxItems={30} maxLength={40} addText='添加共建单位' />
        </FormField>
        <FormField label='挂点干部' error={errors.liaisons} hint='挂点联系本社区的干部，写姓名和单位'>
          <TextListEditor items={liaisons} onChange={setLiaisons} placeholder='如 街道办 赵明' rowErrors={rowErrors(errors, 'liaisons')} maxItems={20} maxLength={40} addText='添加挂点干部' />
        </FormField>
      </View>

      <View className='org-setup__section'>
        <Text className='org-setup__section-title'>办公设备</Text>
        <FormField label='计算机（台）' required error={errors.computers}>
          <Input className='form-field__input' type='number' value={computers} maxlength={3} onInput={(e) => setComputers(e.detail.value.replace(/[^\d]/g, ''))} nativeProps={{ 'data-testid': 'setup-computers', inputmode: 'numeric' }} />
        </FormField>
        <FormField label='打印机（台）' required error={errors.printers}>
          <Input className='form-field__input' type='number' value={printers} maxlength={3} onInput={(e) => setPrinters(e.detail.value.replace(/[^\d]/g, ''))} nativeProps={{ 'data-testid': 'setup-printers', inputmode: 'numeric' }} />
        </FormField>
      </View>

      <DocSection title={`${view.year} 年创建工作计划`} testId='setup-plan' doc={plan} onChange={setPlan} errors={errors} path='plan' today={today} />
      <DocSection title={`${view.year} 年宣传方案`} testId='setup-publicity' doc={publicity} onChange={setPublicity} errors={errors} path='publicity' today={today} />

      <View className='org-setup__bar'>
        <View className='org-setup__bar-inner'>
          <View className='org-setup__button' data-testid='setup-save'>
            <AtButton type='primary' loading={form.busy !== null} disabled={form.busy !== null} onClick={() => void save()}>
              保存
            </AtButton>
          </View>
        </View>
      </View>
    </View>
  )
}

function DocSection(props: { title: string; testId: string; doc: SetupDocument | null; onChange: (doc: SetupDocument | null) => void; errors: Record<string, string>; path: string; today: string }) {
  const { title, testId, doc, onChange, errors, path, today } = props
  return (
    <View className='org-setup__section' data-testid={testId}>
      <Text className='org-setup__section-title'>{title}</Text>
      {doc ? (
        <>
          <FormField label='标题' required error={errors[`${path}.title`]}>
            <Input className='form-field__input' value={doc.title} maxlength={60} onInput={(e) => onChange({ ...doc, title: e.detail.value })} nativeProps={{ 'data-testid': `${testId}-title` }} />
          </FormField>
          <FormField label='印发日期' required error={errors[`${path}.date`]}>
            <DateInput value={doc.date} initial={today} end={today} placeholder='选择日期' onChange={(date) => onChange({ ...doc, date })} testId={`${testId}-date`} />
          </FormField>
          <FormField label='主要内容' required error={errors[`${path}.summary`]} hint='几句话写明目标、分工和安排，原件留档备查'>
            <Textarea className='form-field__textarea' value={doc.summary} maxlength={500} onInput={(e) => onChange({ ...doc, summary: e.detail.value })} nativeProps={{ 'data-testid': `${testId}-summary` }} />
          </FormField>
          <Text className='org-setup__link org-setup__link--danger' onClick={() => onChange(null)}>
            不登记这一项
          </Text>
        </>
      ) : (
        <Text className='org-setup__link' data-testid={`${testId}-add`} onClick={() => onChange(emptyDoc())}>
          + 登记{title.replace(/^\d+ 年/, '')}
        </Text>
      )}
    </View>
  )
}

function ReadOnly({ view }: { view: SetupView }) {
  const s = view.setup
  return (
    <View className='org-setup' data-testid='org-setup'>
      <Checks view={view} />
      {s ? (
        <View className='org-setup__section'>
          <Text className='org-setup__section-title'>{s.groupName}</Text>
          {s.members.map((m, i) => (
            <Text key={i} className='org-setup__muted'>
              {m.role} {m.name}（{m.unit}）
            </Text>
          ))}
          <Text className='org-setup__muted'>共建单位：{s.partners.join('、') || '无'}</Text>
          <Text className='org-setup__muted'>挂点干部：{s.liaisons.join('、') || '无'}</Text>
          <Text className='org-setup__muted'>
            计算机 {s.computers} 台，打印机 {s.printers} 台
          </Text>
          {s.plan ? <Text className='org-setup__muted'>工作计划：《{s.plan.title}》{s.plan.date}　{s.plan.summary}</Text> : null}
          {s.publicity ? <Text className='org-setup__muted'>宣传方案：《{s.publicity.title}》{s.publicity.date}　{s.publicity.summary}</Text> : null}
        </View>
      ) : (
        <PageState kind='empty' compact title='这个社区还没有登记组织体系' />
      )}
    </View>
  )
}
