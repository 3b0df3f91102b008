import { useEffect, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import {
  type CaseView,
  ledgerFollowUpInput,
  ledgerStageInput,
  ledgerVentureInput,
} from '@shared/contracts/intent'
import type { ProjectView } from '@shared/contracts/project'
import {
  AGE_BAND_LABELS,
  CONTACT_TIME_LABELS,
  EDUCATION_LABELS,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_KINDS,
  type FollowUpKind,
  GENDER_LABELS,
  HOUSEHOLD_LABELS,
  INDUSTRY_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CASE_STATUS_LABELS,
  type CaseStage,
  NEED_LABELS,
  PROJECT_PHASE_LABELS,
  SKILL_LEVEL_LABELS,
  type Venture,
  VENTURE_KIND_LABELS,
  VENTURE_KINDS,
  VENTURE_STATUS_LABELS,
  VENTURE_STATUSES,
  type VentureKind,
  type VentureStatus,
} from '@shared/domain/case'
import { TARGET_GROUP_LABELS } from '@shared/domain/target-groups'
import { dayText, minuteText, shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import DateInput from '../../../components/date-input'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { MentorSection } from './mentor-section'
import { PairingSection } from './pairing-section'
import { BenefitSection, LoanSection } from './money-section'
import { type CaseAction, caseActionFailed, useCaseForm } from './case-form'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { acceptCase, addFollowUp, getCase, listProjects, recordVenture, revealField, setStage } from '../../../services/intent/intent'
import { goBack } from '../../../utils/routes'
import { intentRoutes } from '../../../utils/intent-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import FormActions from '../../components/form-actions'
import StaffLayout from '../../components/staff-layout'
import './index.scss'


/** 帮扶档案: one case in full, with its follow-up log, stage changes, ventures and benefits. */
function CasePageBody() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(() => getCase(id), [id])

  if (data.status === 'error' && !data.data) {
    const gone = isApiError(data.error) && data.error.code === ErrorCodes.notFound
    return gone ? (
      <PageState kind='empty' title='找不到这条登记' description='它可能不在你负责的社区' actionText='返回台帐' onAction={() => goBack(intentRoutes.ledger)} testId='case-missing' />
    ) : (
      <PageState kind='error' title='档案加载失败' error={data.error} onAction={() => void data.reload()} />
    )
  }
  if (!data.data) return <PageState kind='loading' />
  return <CaseBody c={data.data} onSaved={(next) => data.setData(next)} onReload={() => void data.reload()} />
}

interface BodyProps {
  c: CaseView
  onSaved: (next: CaseView) => void
  onReload: () => void
}

/** Runs a case action outside a form (受理, 导师): its answer replaces the case. */
function useCaseAction(onSaved: (next: CaseView) => void, onReload: () => void): CaseAction {
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<CaseView>, done: string): Promise<boolean> => {
    if (busy) return false
    setBusy(true)
    try {
      onSaved(await work())
      toastSuccess(done)
      return true
    } catch (e) {
      caseActionFailed(e, onReload)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, run, onSaved, onReload }
}

function CaseBody({ c, onSaved, onReload }: BodyProps) {
  const [revealed, setRevealed] = useState<{ idCard?: string; phone?: string }>({})
  const action = useCaseAction(onSaved, onReload)
  const today = shanghaiDate(new Date())
  const canWrite = c.canWrite

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: `${c.name}的帮扶档案` })
  }, [c.name])

  const reveal = async (field: 'idCard' | 'phone') => {
    const ok = await confirm(field === 'idCard' ? '查看完整身份证号' : '查看完整手机号', '查看会被记录在操作日志里，仅在办理业务需要时查看。', '查看')
    if (!ok) return
    try {
      const { value } = await revealField(c._id, field)
      setRevealed((r) => ({ ...r, [field]: value }))
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View className='case' data-testid='case-page' data-stage={c.stage} data-status={c.status}>
      <View className='case__grid'>
        <View className='case__main'>
          <View className='case__card case__hero'>
            <View className='case__hero-head'>
              <Text className='case__name'>{c.name}</Text>
              <Chip small tone={c.status === 'pending' ? 'warning' : c.status === 'withdrawn' ? 'neutral' : 'success'} label={CASE_STATUS_LABELS[c.status]} testId='case-status' />
              <Chip small label={CASE_STAGE_LABELS[c.stage]} testId='case-stage' />
            </View>
            <Text className='case__sub'>
              {c.communityName} · {GENDER_LABELS[c.gender]} · {AGE_BAND_LABELS[c.ageBand]} · 登记于 {dayText(c.createdAt)}
            </Text>
            <View className='case__ids'>
              <View className='case__id'>
                <Text className='case__label'>手机号</Text>
                <Text className='case__value' data-testid='case-phone'>{revealed.phone ?? c.phoneMasked}</Text>
                {canWrite && !revealed.phone ? (
                  <Text className='case__link' onClick={() => void reveal('phone')} data-testid='reveal-phone'>
                    查看完整
                  </Text>
                ) : null}
              </View>
              <View className='case__id'>
                <Text className='case__label'>身份证号</Text>
                <Text className='case__value' data-testid='case-idcard'>{revealed.idCard ?? c.idCardMasked}</Text>
                {c.canRevealIdCard && !revealed.idCard ? (
                  <Text className='case__link' onClick={() => void reveal('idCard')} data-testid='reveal-idcard'>
                    查看完整
                  </Text>
                ) : null}
              </View>
            </View>
            {c.overdue ? <NoticeBanner tone='danger' text={`约定 ${c.nextFollowUpDate} 回访，已经逾期了`} /> : null}
            {c.status === 'pending' && canWrite ? (
              <View className='case__accept'>
                <NoticeBanner tone='warning' text='居民刚登记，受理后居民就不能再自己修改了' />
                <View className='case__accept-button' data-testid='accept-button'>
                  <AtButton type='primary' size='small' loading={action.busy} onClick={() => void action.run(() => acceptCase(c._id), '已受理')}>
                    受理登记
                  </AtButton>
                </View>
              </View>
            ) : null}
            {c.status === 'withdrawn' ? <NoticeBanner tone='warning' text={`居民已于 ${dayText(c.withdrawnAt)} 撤回登记，档案只读`} /> : null}
          </View>

          <FollowUpSection c={c} canWrite={canWrite} today={today} action={action} />
          <VentureSection c={c} canWrite={canWrite} today={today} action={action} />
          <BenefitSection c={c} canWrite={canWrite} today={today} action={action} />
          <LoanSection c={c} canWrite={canWrite} today={today} action={action} />
        </View>

        <View className='case__side'>
          <StageSection c={c} canWrite={canWrite} action={action} />
          <MentorSection c={c} canWrite={canWrite} run={action.run} busy={action.busy} />
          <PairingSection c={c} onReload={onReload} />
          <View className='case__card'>
            <Text className='case__card-title'>登记内容</Text>
            <Info label='文化程度' value={EDUCATION_LABELS[c.education]} />
            <Info label='户口' value={HOUSEHOLD_LABELS[c.household]} />
            <Info label='人群' value={c.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、') || '—'} />
            <Info label='家庭情况' value={c.familySituation} />
            <Info label='技能' value={`${SKILL_LEVEL_LABELS[c.skillLevel]}${c.certificates.length ? `；${c.certificates.join('、')}` : ''}`} />
            <Info label='意向行业' value={INDUSTRY_LABELS[c.industry]} />
            <Info label='项目设想' value={c.projectDescription} />
            <Info label='项目进展' value={PROJECT_PHASE_LABELS[c.projectPhase]} />
            <Info label='需要帮助' value={c.needs.length ? c.needs.map((n) => NEED_LABELS[n]).join('、') : '暂不需要'} />
            {c.fundingAmount !== null ? <Info label='资金缺口' value={`${c.fundingAmount.toLocaleString('zh-CN')} 元`} /> : null}
            <Info label='方便联系' value={CONTACT_TIME_LABELS[c.contactTime]} />
            {c.projectInterests.length ? <Info label='感兴趣项目' value={c.projectInterests.map((p) => p.title).join('、')} /> : null}
            <Info label='同意告知' value={`版本 ${c.consentVersion}，${minuteText(c.consentAt)}`} />
            {c.acceptedAt ? <Info label='受理' value={`${c.acceptedByName}，${minuteText(c.acceptedAt)}`} /> : null}
          </View>
        </View>
      </View>
    </View>
  )
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <View className='case__info'>
      <Text className='case__label'>{label}</Text>
      <Text className='case__info-value'>{value}</Text>
    </View>
  )
}

interface SectionProps {
  c: CaseView
  canWrite: boolean
  today: string
  action: CaseAction
}

function FollowUpSection({ c, canWrite, today, action }: SectionProps) {
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<FollowUpKind>('guidance')
  const [date, setDate] = useState(today)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState('')
  const [visible, setVisible] = useState(true)
  const [next, setNext] = useState('')
  const [projectId, setProjectId] = useState<string | null>(null)
  const [projects, setProjects] = useState<ProjectView[] | null>(null)
  const form = useCaseForm(action, {
    schema: ledgerFollowUpInput,
    send: addFollowUp,
    done: '已记录',
    then: () => {
      setOpen(false)
      setNote('')
      setOutcome('')
      setNext('')
    },
  })
  const { errors } = form

  useEffect(() => {
    if (kind !== 'project' || projects) return
    listProjects({ communityId: c.communityId, limit: 30 })
      .then((p) => setProjects(p.items))
      .catch(() => setProjects([]))
  }, [kind, projects, c.communityId])

  const save = () => form.run({ id: c._id, kind, date, note, outcome, visibleToResident: visible, nextFollowUpDate: next, projectId: kind === 'project' ? projectId : null })

  return (
    <View className='case__card' data-testid='followups'>
      <View className='case__card-head'>
        <Text className='case__card-title'>跟进记录（{c.followUps.length}）</Text>
        {canWrite && !open ? (
          <Text className='case__link' onClick={() => setOpen(true)} data-testid='add-followup'>
            ＋ 记一次跟进
          </Text>
        ) : null}
      </View>
      {open ? (
        <View className='case__form' data-testid='followup-form'>
          <FormField label='方式' required error={errors.kind}>
            <ChoiceChips options={FOLLOW_UP_KINDS} labels={FOLLOW_UP_KIND_LABELS} value={kind} onChange={(v) => setKind(v as FollowUpKind)} testIdPrefix='fu-kind' />
          </FormField>
          {kind === 'project' ? (
            <FormField label='推荐的项目' required error={errors.projectId} testId='fu-project'>
              {projects === null ? (
                <Text className='case__muted'>正在加载项目库…</Text>
              ) : projects.length === 0 ? (
                <Text className='case__muted'>项目库里还没有项目，先到“项目库”添加</Text>
              ) : (
                <View className='case__chips'>
                  {projects.map((p) => (
                    <Chip key={p._id} label={p.title} active={projectId === p._id} onClick={() => setProjectId(p._id)} testId={`fu-project-${p._id}`} />
                  ))}
                </View>
              )}
            </FormField>
          ) : null}
          <FormField label='日期' required error={errors.date}>
            <DateInput value={date} end={today} onChange={setDate} />
          </FormField>
          <FormField label='跟进内容' required error={errors.note} testId='fu-note'>
            <FieldTextarea value={note} onInput={setNote} maxlength={500} placeholder='谈了什么、帮了什么' testId='fu-note-input' />
          </FormField>
          <FormField label='结果' error={errors.outcome}>
            <Input className='form-field__input' value={outcome} maxlength={200} placeholder='例如：已提交贷款申请' onInput={(e) => setOutcome(e.detail.value)} nativeProps={{ 'data-testid': 'fu-outcome-input' }} />
          </FormField>
          <FormField label='下次回访' error={errors.nextFollowUpDate} hint='不约可以不选'>
            <View className='case__date-row'>
              <View className='case__date-pick'>
                <DateInput value={next} initial={today} placeholder='不约' start={date} onChange={setNext} />
              </View>
              {next ? (
                <Text className='case__link' onClick={() => setNext('')}>
                  清除
                </Text>
              ) : null}
            </View>
          </FormField>
          <FormField label='让居民在创业档案里看到' extra={<Switch checked={visible} color='#2861d8' onChange={(e) => setVisible(e.detail.value)} nativeProps={{ 'data-testid': 'fu-visible' }} />}>
            <Text className='case__muted'>{visible ? '居民能看到这条记录' : '仅工作人员可见'}</Text>
          </FormField>
          <FormActions busy={form.busy !== null} onCancel={() => setOpen(false)} onSave={() => void save()} saveTestId='fu-save' />
        </View>
      ) : null}
      {c.followUps.length === 0 ? (
        <Text className='case__muted case__empty'>还没有跟进记录{c.needs.length ? '，居民需要帮助，请尽快一对一联系' : ''}</Text>
      ) : (
        [...c.followUps].reverse().map((f) => (
          <View key={f.id} className='case__log' data-testid='followup'>
            <View className='case__log-head'>
              <Chip small label={FOLLOW_UP_KIND_LABELS[f.kind]} />
              {f.byLeader ? <Chip small tone='success' label='挂帮' /> : null}
              <Text className='case__log-meta'>
                {f.date} · {f.byName}
                {f.visibleToResident ? '' : ' · 仅内部'}
              </Text>
            </View>
            <Text className='case__log-text'>{f.note}</Text>
            {f.projectTitle ? <Text className='case__log-extra'>推荐项目：{f.projectTitle}</Text> : null}
            {f.outcome ? <Text className='case__log-extra'>结果：{f.outcome}</Text> : null}
            {f.nextFollowUpDate ? <Text className='case__log-extra'>下次回访：{f.nextFollowUpDate}</Text> : null}
          </View>
        ))
      )}
    </View>
  )
}

function StageSection({ c, canWrite, action }: Omit<SectionProps, 'today'>) {
  const [stage, setStageValue] = useState<CaseStage | null>(null)
  const [note, setNote] = useState('')
  const form = useCaseForm(action, {
    schema: ledgerStageInput,
    send: (value) => setStage(value.id, value.stage, value.note),
    done: '阶段已更新',
    then: () => {
      setStageValue(null)
      setNote('')
    },
  })
  const { errors } = form
  const save = () => form.run({ id: c._id, stage, note })
  return (
    <View className='case__card' data-testid='stages'>
      <Text className='case__card-title'>阶段</Text>
      <View className='case__stages'>
        {c.stageHistory.map((s, i) => (
          <View key={i} className='case__stage-row'>
            <View className={`case__stage-dot${i === c.stageHistory.length - 1 ? ' case__stage-dot--now' : ''}`} />
            <View className='case__stage-body'>
              <Text className='case__stage-name'>{CASE_STAGE_LABELS[s.stage]}</Text>
              <Text className='case__log-meta'>
                {minuteText(s.at)} · {s.byName}
              </Text>
              {s.note ? <Text className='case__log-extra'>{s.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
      {canWrite ? (
        <View className='case__form case__form--flat'>
          <FormField label='改为' error={errors.stage}>
            <ChoiceChips options={CASE_STAGES.filter((s) => s !== c.stage)} labels={CASE_STAGE_LABELS} value={stage} onChange={(v) => setStageValue(v as CaseStage)} testIdPrefix='set-stage' />
          </FormField>
          {stage ? (
            <>
              <FormField label='说明' required={stage === 'closed'} error={errors.note}>
                <Input className='form-field__input' value={note} maxlength={200} placeholder={stage === 'closed' ? '结案原因' : '可不填'} onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'data-testid': 'stage-note-input' }} />
              </FormField>
              <View data-testid='stage-save'>
                <AtButton type='primary' size='small' loading={form.busy !== null} onClick={() => void save()}>
                  确认修改阶段
                </AtButton>
              </View>
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function VentureSection({ c, canWrite, today, action }: SectionProps) {
  const [editing, setEditing] = useState<Venture | 'new' | null>(null)
  return (
    <View className='case__card' data-testid='ventures'>
      <View className='case__card-head'>
        <Text className='case__card-title'>创办情况（{c.ventures.length}）</Text>
        {canWrite && editing === null ? (
          <Text className='case__link' onClick={() => setEditing('new')} data-testid='add-venture'>
            ＋ 登记创办
          </Text>
        ) : null}
      </View>
      {editing !== null ? (
        <VentureForm key={editing === 'new' ? 'new' : editing.id} c={c} venture={editing === 'new' ? null : editing} today={today} action={action} onDone={() => setEditing(null)} />
      ) : null}
      {c.ventures.length === 0 ? (
        <Text className='case__muted case__empty'>还没有创办企业或个体工商户</Text>
      ) : (
        c.ventures.map((v) => (
          <View key={v.id} className='case__log' data-testid='venture'>
            <View className='case__log-head'>
              <Text className='case__stage-name'>{v.name}</Text>
              <Chip small tone={v.status === 'operating' ? 'success' : 'neutral'} label={VENTURE_STATUS_LABELS[v.status]} />
            </View>
            <Text className='case__log-extra'>
              {VENTURE_KIND_LABELS[v.kind]} · {v.registrationDate} 登记 · 带动就业 {v.jobsCreated} 人{v.closureDate ? ` · ${v.closureDate} 关闭` : ''}
            </Text>
            {canWrite && editing === null ? (
              <Text className='case__link' onClick={() => setEditing(v)}>
                修改
              </Text>
            ) : null}
          </View>
        ))
      )}
    </View>
  )
}

function VentureForm({ c, venture, today, action, onDone }: { c: CaseView; venture: Venture | null; today: string; action: SectionProps['action']; onDone: () => void }) {
  const [name, setName] = useState(venture?.name ?? '')
  const [kind, setKind] = useState<VentureKind>(venture?.kind ?? 'individual')
  const [regDate, setRegDate] = useState(venture?.registrationDate ?? today)
  const [jobs, setJobs] = useState(String(venture?.jobsCreated ?? 1))
  const [status, setStatus] = useState<VentureStatus>(venture?.status ?? 'operating')
  const [closure, setClosure] = useState(venture?.closureDate ?? '')
  const form = useCaseForm(action, { schema: ledgerVentureInput, send: recordVenture, done: '已保存', then: onDone })
  const { errors } = form
  const save = () =>
    form.run({
      id: c._id,
      ...(venture ? { ventureId: venture.id } : {}),
      name,
      kind,
      registrationDate: regDate,
      jobsCreated: jobs.trim() === '' ? Number.NaN : Number(jobs),
      status,
      closureDate: status === 'closed' ? closure || today : '',
    })
  return (
    <View className='case__form' data-testid='venture-form'>
      <FormField label='名称' required error={errors.name}>
        <Input className='form-field__input' value={name} maxlength={60} placeholder='营业执照上的名称' onInput={(e) => setName(e.detail.value)} nativeProps={{ 'data-testid': 'venture-name-input' }} />
      </FormField>
      <FormField label='类型' required error={errors.kind}>
        <ChoiceChips options={VENTURE_KINDS} labels={VENTURE_KIND_LABELS} value={kind} onChange={(v) => setKind(v as VentureKind)} testIdPrefix='venture-kind' />
      </FormField>
      <FormField label='登记日期' required error={errors.registrationDate}>
        <DateInput value={regDate} end={today} onChange={setRegDate} />
      </FormField>
      <FormField label='带动就业（人，含本人以外的雇员）' required error={errors.jobsCreated}>
        <Input className='form-field__input' type='number' value={jobs} maxlength={5} onInput={(e) => setJobs(e.detail.value.replace(/[^\d]/g, ''))} nativeProps={{ 'data-testid': 'venture-jobs-input', inputmode: 'numeric' }} />
      </FormField>
      <FormField label='经营状态' required error={errors.status}>
        <ChoiceChips options={VENTURE_STATUSES} labels={VENTURE_STATUS_LABELS} value={status} onChange={(v) => setStatus(v as VentureStatus)} testIdPrefix='venture-status' />
      </FormField>
      {status === 'closed' ? (
        <FormField label='关闭日期' required error={errors.closureDate}>
          <DateInput value={closure || today} start={regDate} end={today} onChange={setClosure} />
        </FormField>
      ) : null}
      <FormActions busy={form.busy !== null} onCancel={onDone} onSave={() => void save()} saveTestId='venture-save' />
    </View>
  )
}

export default function CasePage() {
  return (
    <StaffLayout page='staffCase'>
      <CasePageBody />
    </StaffLayout>
  )
}
