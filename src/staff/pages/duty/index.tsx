import { useState } from 'react'
import { Image, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { dutyAdjustInput, type DutyBoard, dutyEditInput, dutyReportInput, dutySaveInput, type DutyScoreRow, type DutyTargetItem, type DutyTaskView } from '@shared/contracts/duty'
import {
  DUTY_ATTACHMENTS_MAX,
  DUTY_FILES_MAX,
  DUTY_EDIT_FIELD_LABELS,
  DUTY_FIGURES_MAX,
  DUTY_SCHEDULE_UNIT_LABELS,
  DUTY_SCORE_RULE,
  doneOnTime,
  type DutySchedule,
  type DutyScheduleUnit,
  scheduleText,
} from '@shared/domain/duty'
import { judgingText, type JudgingRule } from '@shared/domain/judging'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import AttachmentPicker, { AttachmentList, type PickedDocument } from '../../../components/attachment-picker'
import type { PickedPhoto } from '../../../components/photo-picker'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { getMe } from '../../../services/profile/profile'
import { adjustDutyScore, editDutyTask, loadDutyBoard, loadDutyScores, remindDuty, reportDuty, saveDutyTask } from '../../../services/staff/duty'
import { toastSuccess, toastText } from '../../../utils/toast'
import StaffLayout from '../../components/staff-layout'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

/**
 * 督查与目标责任考核 (issue 21, item 3): the plan's tasks in the caller's scope, what is overdue
 * or at risk with a 催办 button, the owners' progress reports, and each owner's result for the year
 * with the level above's adjustment beside the computed figure.
 */
export default function DutyPage() {
  return (
    <StaffLayout page='staffDuty'>
      <DutyPageBody />
    </StaffLayout>
  )
}

function DutyPageBody() {
  const me = useLoad(() => getMe(), [])
  const gate = staffGate(me, '督查与考核只对各级创建办和街道工作人员开放')
  return gate.stop ?? <Duty />
}

function Duty() {
  const { params } = useRouter()
  const [year, setYear] = useState(Number(params.year) || Number(shanghaiDate(new Date()).slice(0, 4)))
  const board = useLoad(() => loadDutyBoard(year), [year])
  const scores = useLoad(() => loadDutyScores(year), [year])
  const [open, setOpen] = useState<string | null>(null)
  if (board.status === 'error' && !board.data) return <PageState kind='error' title='没能打开督查任务' error={board.error} onAction={() => void board.reload()} />
  const d = board.data
  if (!d) return <PageState kind='loading' />
  const reload = () => {
    void board.reload()
    void scores.reload()
  }
  const card = (t: DutyTaskView) => <TaskCard key={t._id} d={d} t={t} open={open === t._id} onToggle={() => setOpen(open === t._id ? null : t._id)} onSaved={reload} />
  const others = d.tasks.filter((t) => t.state !== 'overdue' && t.state !== 'at_risk')
  // What 临期 is judged by comes with the board, each rule with its source (本地规则).
  const rule = (key: JudgingRule['key']) => d.rules.find((r) => r.key === key)?.value ?? '—'
  const atRiskDays = { value: rule('atRiskDays') }
  const atRiskPercent = { value: rule('atRiskPercent') }
  return (
    <View className='dty' data-testid='duty'>
      <View className='dty__card'>
        <View className='dty__head'>
          <Text className='dty__year' onClick={() => setYear(year - 1)}>‹ {year - 1}</Text>
          <Text className='dty__heading dty__grow'>{year} 年督查与目标责任考核</Text>
          <Text className='dty__year' onClick={() => setYear(year + 1)}>{year + 1} ›</Text>
        </View>
        <Text className='dty__meta'>
          今天 {d.today}。逾期：截止日已过、进度未到 100%；临期：{atRiskDays.value} 天内到期、进度低于 {atRiskPercent.value}%，或定期报告已过期未报（每天自动提醒责任单位）。共 {d.tasks.length} 项任务，逾期 {d.overdue.length} 项，临期 {d.atRisk.length} 项。
        </Text>
        <Text className='dty__meta' data-testid='duty-rules'>判定规则：{d.rules.map(judgingText).join('；')}</Text>
      </View>
      <Text className='dty__section'>逾期任务（{d.overdue.length}）</Text>
      <View data-testid='duty-overdue'>{d.overdue.length ? d.overdue.map(card) : <Text className='dty__empty'>没有逾期任务</Text>}</View>
      <Text className='dty__section'>临期和报告逾期任务（{d.atRisk.length}）</Text>
      <View data-testid='duty-at-risk'>{d.atRisk.length ? d.atRisk.map(card) : <Text className='dty__empty'>没有临期任务</Text>}</View>
      <Text className='dty__section'>其他任务（{others.length}）</Text>
      <View data-testid='duty-others'>{others.map(card)}</View>
      {d.canAssign ? <NewTask d={d} year={year} onSaved={reload} /> : null}
      <Text className='dty__section'>目标责任考核</Text>
      <View className='dty__card' data-testid='duty-scores'>
        <Text className='dty__rule'>{DUTY_SCORE_RULE}。结果按当前指标实际值和任务进度随时计算（未到期、未完成的任务暂记 0，年末为定稿）；上一级可说明理由调整，调整分与计算分并列显示。</Text>
        {scores.data?.rules.length ? <Text className='dty__meta' data-testid='duty-score-rules'>{scores.data.rules.map(judgingText).join('；')}</Text> : null}
        {scores.data?.rows.map((r) => <ScoreRow key={r.ownerKey} year={year} r={r} tasks={d.tasks.filter((t) => t.ownerKey === r.ownerKey)} onSaved={reload} />)}
        {scores.data && !scores.data.rows.length ? <Text className='dty__empty'>本年度没有考核对象</Text> : null}
      </View>
    </View>
  )
}

const STATE_CHIP: Record<DutyTaskView['state'], { label: string; tone: 'danger' | 'warning' | 'success' | 'neutral' }> = {
  overdue: { label: '逾期', tone: 'danger' },
  at_risk: { label: '临期', tone: 'warning' },
  done: { label: '已完成', tone: 'success' },
  on_track: { label: '推进中', tone: 'neutral' },
}

function TaskCard({ d, t, open, onToggle, onSaved }: { d: DutyBoard; t: DutyTaskView; open: boolean; onToggle: () => void; onSaved: () => void }) {
  const chip = STATE_CHIP[t.state]
  const [editing, setEditing] = useState(false)
  const last = t.reminders[t.reminders.length - 1]
  const remind = async () => {
    try {
      const r = await remindDuty(t._id)
      const sent = r.reminders[r.reminders.length - 1]?.sent ?? 0
      toastSuccess(sent ? `已催办，${sent} 人收到消息` : '已记录催办')
      onSaved()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return (
    <View className='dty__card' data-testid={`task-${t._id}`}>
      <View className='dty__head' onClick={onToggle}>
        <Text className='dty__owner'>{t.ownerName}</Text>
        <Text className='dty__title dty__grow'>{t.text}</Text>
        {t.reportLate && t.state !== 'overdue' ? <Chip small tone='warning' label='报告逾期' /> : null}
        <Chip small tone={chip.tone} label={chip.label} />
      </View>
      <View className='dty__bar'>
        <View className={`dty__fill dty__fill--${t.state}`} style={{ width: `${t.percent}%` }} />
      </View>
      <Text className='dty__meta'>
        进度 {t.percent}% · 截止 {t.deadline} · 权重 {t.weight} · 完成标准：{t.measure}
      </Text>
      <Text className='dty__meta' data-testid={`schedule-${t._id}`}>
        {scheduleText(t.schedule)}
        {t.reportDue ? (t.reportLate ? `，本期报告应于 ${t.reportDue} 前提交，已逾期` : `，下次报告 ${t.reportDue} 前`) : ''}
      </Text>
      {last ? <Text className='dty__meta'>已催办 {t.reminders.length} 次，最近：{last.orgName} {last.byName} {last.at.slice(0, 10)}</Text> : null}
      <View className='dty__actions'>
        {d.canAssign && (t.state === 'overdue' || t.state === 'at_risk') ? (
          <View className='dty__btn' data-testid={`remind-${t._id}`}>
            <AtButton size='small' type='primary' onClick={() => void remind()}>催办</AtButton>
          </View>
        ) : null}
        {t.editable ? (
          <Text className='dty__link dty__link--edit' onClick={() => setEditing(!editing)} data-testid={`edit-${t._id}`}>
            {editing ? '取消修改' : '修改任务'}
          </Text>
        ) : null}
        <Text className='dty__link' onClick={onToggle} data-testid={`open-${t._id}`}>
          {open ? '收起' : t.reportable ? '报告进展 / 历史 ›' : `进展历史（${t.reports.length}）›`}
        </Text>
      </View>
      {editing ? (
        <EditTask
          d={d}
          t={t}
          onSaved={() => {
            setEditing(false)
            onSaved()
          }}
        />
      ) : null}
      {open ? (
        <View>
          {t.reports.length ? (
            [...t.reports].reverse().map((r) => (
              <View key={r.at} className='dty__history' data-testid='duty-report'>
                <Text>{r.on} · {r.percent}% · {r.text}（{r.byName}）</Text>
                {r.figures.length ? <Text className='dty__figures'>{r.figures.map((f) => `${f.label} ${f.value}${f.unit}`).join('；')}</Text> : null}
                {r.attachments.length ? (
                  <View className='dty__photos'>
                    {r.attachments.map((a, i) => (
                      <Image
                        key={a.url}
                        className='dty__photo'
                        src={a.url}
                        mode='aspectFill'
                        onClick={() => void Taro.previewImage({ current: a.url, urls: r.attachments.map((x) => x.url) })}
                        aria-label={`附件 ${i + 1}`}
                      />
                    ))}
                  </View>
                ) : null}
                <AttachmentList files={r.files} testId='duty-report-files' />
              </View>
            ))
          ) : (
            <Text className='dty__empty'>还没有进展报告</Text>
          )}
          {t.edits.length ? (
            <View data-testid='duty-edits'>
              {[...t.edits].reverse().map((e) => (
                <Text key={e.at} className='dty__history'>
                  {e.at.slice(0, 10)} {e.orgName} {e.byName} 修改：{e.changes.map((c) => `${DUTY_EDIT_FIELD_LABELS[c.field]} ${c.from} → ${c.to}`).join('；')}。理由：{e.reason}
                </Text>
              ))}
            </View>
          ) : null}
          {t.reportable ? <ReportForm t={t} onSaved={onSaved} /> : null}
        </View>
      ) : null}
    </View>
  )
}

type FigureRow = { label: string; value: string; unit: string }

/** Progress: text, percent, figures and attachments (pictures or scans, uploaded like 简报 photos). */
function ReportForm({ t, onSaved }: { t: DutyTaskView; onSaved: () => void }) {
  const [text, setText] = useState('')
  const [percent, setPercent] = useState(String(t.percent))
  const [figures, setFigures] = useState<FigureRow[]>([])
  const [attachments, setAttachments] = useState<PickedPhoto[]>([])
  const [files, setFiles] = useState<PickedDocument[]>([])
  const [uploading, setUploading] = useState(false)
  const form = useFormSubmit({ schema: dutyReportInput, submit: (v) => reportDuty(v), successToast: '进展已报告', then: onSaved })
  const setFigure = (i: number, key: keyof FigureRow, value: string) => setFigures(figures.map((f, j) => (j === i ? { ...f, [key]: value } : f)))
  const submit = () =>
    void form.run({
      id: t._id,
      text,
      percent: percent.trim() === '' ? Number.NaN : Number(percent),
      figures: figures.map((f) => ({ label: f.label, value: f.value.trim() === '' ? Number.NaN : Number(f.value), unit: f.unit })),
      attachments: attachments.map((a) => a.ref),
      files: files.map((f) => ({ ref: f.ref, name: f.name })),
    })
  return (
    <View className='dty__form' data-testid={`report-form-${t._id}`}>
      <Input className='dty__input' value={text} placeholder='本次进展情况' onInput={(e) => setText(e.detail.value)} nativeProps={{ 'data-testid': 'duty-report-text', 'aria-label': '进展情况' }} />
      {form.errors.text ? <Text className='dty__error'>{form.errors.text}</Text> : null}
      <View className='dty__row'>
        <Text>完成进度</Text>
        <Input className='dty__input dty__input--short' type='number' value={percent} onInput={(e) => setPercent(e.detail.value)} nativeProps={{ 'data-testid': 'duty-report-percent', 'aria-label': '完成进度' }} />
        <Text>%</Text>
      </View>
      {form.errors.percent ? <Text className='dty__error'>{form.errors.percent}</Text> : null}
      {figures.map((f, i) => (
        <View key={i}>
          <View className='dty__row'>
            <Input className='dty__input' value={f.label} placeholder='数据名称，如 发放贷款' onInput={(e) => setFigure(i, 'label', e.detail.value)} nativeProps={{ 'data-testid': `duty-figure-label-${i}`, 'aria-label': '数据名称' }} />
            <Input className='dty__input dty__input--short' type='digit' value={f.value} placeholder='数值' onInput={(e) => setFigure(i, 'value', e.detail.value)} nativeProps={{ 'data-testid': `duty-figure-value-${i}`, 'aria-label': '数值' }} />
            <Input className='dty__input dty__input--short' value={f.unit} placeholder='单位' onInput={(e) => setFigure(i, 'unit', e.detail.value)} nativeProps={{ 'data-testid': `duty-figure-unit-${i}`, 'aria-label': '单位' }} />
            <Text className='dty__link' onClick={() => setFigures(figures.filter((_, j) => j !== i))}>删除</Text>
          </View>
          {form.errors[`figures.${i}.label`] || form.errors[`figures.${i}.value`] ? <Text className='dty__error'>{form.errors[`figures.${i}.label`] ?? form.errors[`figures.${i}.value`]}</Text> : null}
        </View>
      ))}
      {figures.length < DUTY_FIGURES_MAX ? (
        <Text className='dty__link' onClick={() => setFigures([...figures, { label: '', value: '', unit: '' }])} data-testid='duty-add-figure'>
          ＋ 添加一项数据
        </Text>
      ) : null}
      <AttachmentPicker
        photos={attachments}
        onPhotos={setAttachments}
        maxPhotos={DUTY_ATTACHMENTS_MAX}
        photoText='添加照片'
        files={files}
        onFiles={setFiles}
        maxFiles={DUTY_FILES_MAX}
        errors={form.errors}
        photoField='attachments'
        onUploading={setUploading}
        testIdPrefix='duty'
        photoTestId='duty-attachment'
      />
      <Text className='dty__meta'>照片或扫描件：JPG、PNG 或 WebP，每张不超过 2 MB，最多 {DUTY_ATTACHMENTS_MAX} 张</Text>
      <AtButton size='small' type='primary' disabled={Boolean(form.busy) || uploading} onClick={submit}>
        报告进展
      </AtButton>
    </View>
  )
}

/** Chips for the reporting schedule: none, or every N weeks / months. */
function SchedulePicker({ value, onChange, error }: { value: DutySchedule | null; onChange: (s: DutySchedule | null) => void; error?: string }) {
  const units: (DutyScheduleUnit | null)[] = [null, 'week', 'month']
  return (
    <View>
      <View className='dty__row'>
        <Text>报告周期</Text>
        {units.map((u) => (
          <Chip key={u ?? 'none'} small label={u ? `按${u === 'week' ? '周' : '月'}` : '不定期'} active={(value?.unit ?? null) === u} onClick={() => onChange(u ? { every: value?.every ?? 1, unit: u } : null)} />
        ))}
        {value ? (
          <>
            <Text>每</Text>
            <Input
              className='dty__input dty__input--tiny'
              type='number'
              value={String(value.every)}
              onInput={(e) => onChange({ ...value, every: e.detail.value.trim() === '' ? Number.NaN : Number(e.detail.value) })}
              nativeProps={{ 'data-testid': 'duty-schedule-every', 'aria-label': '报告周期' }}
            />
            <Text>{DUTY_SCHEDULE_UNIT_LABELS[value.unit]}报告一次</Text>
          </>
        ) : null}
      </View>
      {error ? <Text className='dty__error'>{error}</Text> : null}
    </View>
  )
}

/** The setting org edits a task: the fields as they should be now, and why (kept as the task's history). */
function EditTask({ d, t, onSaved }: { d: DutyBoard; t: DutyTaskView; onSaved: () => void }) {
  const [owner, setOwner] = useState<string>(t.department !== null ? 'dept' : t.ownerOrgId)
  const [department, setDepartment] = useState(t.department ?? '')
  const [text, setText] = useState(t.text)
  const [deadline, setDeadline] = useState(t.deadline)
  const [measure, setMeasure] = useState(t.measure)
  const [weight, setWeight] = useState(String(t.weight))
  const [schedule, setSchedule] = useState<DutySchedule | null>(t.schedule)
  const [reason, setReason] = useState('')
  const form = useFormSubmit({ schema: dutyEditInput, submit: (v) => editDutyTask(v), successToast: '任务已修改', then: onSaved })
  const submit = () =>
    void form.run({ id: t._id, version: t.version, text, deadline, measure, weight: Number(weight), schedule, reason, ...(owner === 'dept' ? { department } : { ownerOrgId: owner }) })
  const scheduleError = Object.entries(form.errors).find(([k]) => k.startsWith('schedule'))?.[1]
  return (
    <View className='dty__form' data-testid={`edit-form-${t._id}`}>
      <Text className='dty__title'>修改任务（修改记录会保留，责任单位可见）</Text>
      <View className='dty__chips'>
        <Chip small label='本级部门' active={owner === 'dept'} onClick={() => setOwner('dept')} />
        {d.owners.map((o) => <Chip key={o._id} small label={o.name} active={owner === o._id} onClick={() => setOwner(o._id)} />)}
      </View>
      {owner === 'dept' ? <Input className='dty__input' value={department} placeholder='责任部门' onInput={(e) => setDepartment(e.detail.value)} nativeProps={{ 'aria-label': '责任部门' }} /> : null}
      {form.errors.department || form.errors.ownerOrgId ? <Text className='dty__error'>{form.errors.department ?? form.errors.ownerOrgId}</Text> : null}
      <Input className='dty__input' value={text} placeholder='任务内容' onInput={(e) => setText(e.detail.value)} nativeProps={{ 'aria-label': '任务内容' }} />
      {form.errors.text ? <Text className='dty__error'>{form.errors.text}</Text> : null}
      <Input className='dty__input' value={measure} placeholder='完成标准' onInput={(e) => setMeasure(e.detail.value)} nativeProps={{ 'data-testid': 'duty-edit-measure', 'aria-label': '完成标准' }} />
      {form.errors.measure ? <Text className='dty__error'>{form.errors.measure}</Text> : null}
      <View className='dty__row'>
        <Input className='dty__input' value={deadline} placeholder='截止日期 年-月-日' onInput={(e) => setDeadline(e.detail.value)} nativeProps={{ 'data-testid': 'duty-edit-deadline', 'aria-label': '截止日期' }} />
        <Input className='dty__input dty__input--short' type='number' value={weight} placeholder='权重 1–10' onInput={(e) => setWeight(e.detail.value)} nativeProps={{ 'aria-label': '权重' }} />
      </View>
      {form.errors.deadline ? <Text className='dty__error'>{form.errors.deadline}</Text> : null}
      {form.errors.weight ? <Text className='dty__error'>{form.errors.weight}</Text> : null}
      <SchedulePicker value={schedule} onChange={setSchedule} error={scheduleError} />
      <Input className='dty__input' value={reason} placeholder='修改理由（必填）' onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'data-testid': 'duty-edit-reason', 'aria-label': '修改理由' }} />
      {form.errors.reason ? <Text className='dty__error'>{form.errors.reason}</Text> : null}
      <AtButton size='small' type='primary' disabled={Boolean(form.busy)} onClick={submit}>
        保存修改
      </AtButton>
    </View>
  )
}

function NewTask({ d, year, onSaved }: { d: DutyBoard; year: number; onSaved: () => void }) {
  const [owner, setOwner] = useState<string>('dept')
  const [department, setDepartment] = useState('')
  const [text, setText] = useState('')
  const [deadline, setDeadline] = useState('')
  const [measure, setMeasure] = useState('')
  const [weight, setWeight] = useState('5')
  const [schedule, setSchedule] = useState<DutySchedule | null>(null)
  const form = useFormSubmit({ schema: dutySaveInput, submit: (v) => saveDutyTask(v), successToast: '任务已分解', then: onSaved })
  const submit = () =>
    void form.run({ year, text, deadline, measure, weight: Number(weight), schedule, ...(owner === 'dept' ? { department } : { ownerOrgId: owner }) })
  const scheduleError = Object.entries(form.errors).find(([k]) => k.startsWith('schedule'))?.[1]
  return (
    <View className='dty__card dty__form' data-testid='duty-new'>
      <Text className='dty__title'>分解一项任务</Text>
      <View className='dty__chips'>
        <Chip small label='本级部门' active={owner === 'dept'} onClick={() => setOwner('dept')} />
        {d.owners.map((o) => <Chip key={o._id} small label={o.name} active={owner === o._id} onClick={() => setOwner(o._id)} />)}
      </View>
      {owner === 'dept' ? <Input className='dty__input' value={department} placeholder='责任部门，如 市人力资源社会保障局' onInput={(e) => setDepartment(e.detail.value)} /> : null}
      {form.errors.department || form.errors.ownerOrgId ? <Text className='dty__error'>{form.errors.department ?? form.errors.ownerOrgId}</Text> : null}
      <Input className='dty__input' value={text} placeholder='任务内容' onInput={(e) => setText(e.detail.value)} />
      {form.errors.text ? <Text className='dty__error'>{form.errors.text}</Text> : null}
      <Input className='dty__input' value={measure} placeholder='完成标准' onInput={(e) => setMeasure(e.detail.value)} />
      {form.errors.measure ? <Text className='dty__error'>{form.errors.measure}</Text> : null}
      <View className='dty__row'>
        <Input className='dty__input' value={deadline} placeholder='截止日期 年-月-日' onInput={(e) => setDeadline(e.detail.value)} />
        <Input className='dty__input dty__input--short' type='number' value={weight} placeholder='权重 1–10' onInput={(e) => setWeight(e.detail.value)} />
      </View>
      {form.errors.deadline ? <Text className='dty__error'>{form.errors.deadline}</Text> : null}
      {form.errors.weight ? <Text className='dty__error'>{form.errors.weight}</Text> : null}
      <SchedulePicker value={schedule} onChange={setSchedule} error={scheduleError} />
      <AtButton size='small' type='primary' disabled={Boolean(form.busy)} onClick={submit}>保存任务</AtButton>
    </View>
  )
}

const pts = (n: number) => String(+n.toFixed(3))

/** A live figure or target value as the dashboards show it. */
function shownValue(unit: DutyTargetItem['unit'], v: number | null): string {
  if (v === null) return '缺数据'
  if (unit === 'percent') return `${+(v * 100).toFixed(1)}%`
  if (unit === 'score') return `${+v.toFixed(1)} 分`
  return String(v)
}

/** How the figure is made, under the result: the points and weights it divides. */
function resultLine(r: DutyScoreRow): string {
  if (r.computed === null) return '无考核内容：本年度既无目标也无任务'
  const parts = [r.targets.length ? `目标 ${pts(r.targetPoints)} / ${r.targetWeight}` : '', r.tasks ? `任务 ${r.onTimeWeight} / ${r.weight}` : ''].filter(Boolean)
  const terms = [r.targets.length ? pts(r.targetPoints) : '', r.tasks ? String(r.onTimeWeight) : ''].filter(Boolean)
  const sum = terms.length > 1 ? `(${terms.join(' + ')})` : terms[0]
  return `= ${sum} ÷ ${r.targetWeight + r.weight} × 100 = ${r.computed}（${parts.join('，')}，得分 / 权重）`
}

/** One owner's 目标责任考核 result, with the targets and tasks behind it (its drill-down) and the level above's adjustment. */
function ScoreRow({ year, r, tasks, onSaved }: { year: number; r: DutyScoreRow; tasks: DutyTaskView[]; onSaved: () => void }) {
  const [open, setOpen] = useState(false)
  const [shown, setShown] = useState(false)
  const [score, setScore] = useState('')
  const [reason, setReason] = useState('')
  const form = useFormSubmit({ schema: dutyAdjustInput, submit: (v) => adjustDutyScore(v), successToast: '调整已保存', then: () => { setOpen(false); onSaved() } })
  const a = r.adjustment
  const items = r.targets.length + tasks.length
  return (
    <View className='dty__score' data-testid={`score-${r.ownerKey}`}>
      <View className='dty__head'>
        <Text className='dty__grow dty__title'>{r.ownerName}</Text>
        <Text className='dty__figure' data-testid='score-computed'>{r.computed ?? '无考核内容'}</Text>
        {a ? <Text className='dty__figure dty__figure--adjusted'>调整为 {a.score}</Text> : null}
      </View>
      <Text className='dty__meta' data-testid='score-line'>{resultLine(r)}</Text>
      <Text className='dty__meta'>{r.targets.length} 项目标，{r.tasks} 项任务，按期完成权重 {r.onTimeWeight} / {r.weight}</Text>
      {a ? <Text className='dty__meta'>调整理由：{a.reason}（{a.orgName} {a.byName} {a.at.slice(0, 10)}，调整时计算分 {a.computedAtAdjustment}）</Text> : null}
      <View className='dty__links'>
        {items ? (
          <Text className='dty__link' onClick={() => setShown(!shown)} data-testid='score-tasks-toggle'>
            {shown ? '收起' : `查看这 ${r.targets.length ? `${r.targets.length} 项目标和 ` : ''}${tasks.length} 项任务 ›`}
          </Text>
        ) : null}
        {r.adjustable && r.computed !== null && !open ? <Text className='dty__link' onClick={() => setOpen(true)}>调整考核结果 ›</Text> : null}
      </View>
      {shown
        ? r.targets.map((t) => (
            <Text key={t.index} className='dty__meta' data-testid='score-target'>
              {t.rate >= 1 ? '✓' : '✗'} 目标（权重 {t.weight}，完成度 {+(t.rate * 100).toFixed(1)}%，得分 {pts(t.points)}）：{t.label} {t.targetText}
              {t.inherited ? '（沿用上级）' : ''}
              {t.live === null ? '' : `，实际 ${shownValue(t.unit, t.live)}`}
              {t.kind === 'aboveLast' && t.lastYear !== null ? `，上年同期 ${shownValue(t.unit, t.lastYear)}` : ''}
              {t.note ? `，${t.note}` : ''}；来源：{t.sourceLabel}
            </Text>
          ))
        : null}
      {shown
        ? tasks.map((t) => (
            <Text key={t._id} className='dty__meta' data-testid='score-task'>
              {doneOnTime(t) ? '✓ 按期完成' : '✗ 未按期完成'}（权重 {t.weight}，得分 {doneOnTime(t) ? t.weight : 0}）：{t.text}，截止 {t.deadline}，进度 {t.percent}%
            </Text>
          ))
        : null}
      {open ? (
        <View className='dty__form'>
          <View className='dty__row'>
            <Input className='dty__input dty__input--short' type='digit' value={score} placeholder='调整分' onInput={(e) => setScore(e.detail.value)} nativeProps={{ 'data-testid': 'duty-adjust-score', 'aria-label': '调整分' }} />
            <Input className='dty__input' value={reason} placeholder='调整理由' onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'data-testid': 'duty-adjust-reason', 'aria-label': '调整理由' }} />
          </View>
          {form.errors.score ? <Text className='dty__error'>{form.errors.score}</Text> : null}
          {form.errors.reason ? <Text className='dty__error'>{form.errors.reason}</Text> : null}
          <AtButton size='small' type='primary' disabled={Boolean(form.busy)} onClick={() => void form.run({ year, ownerKey: r.ownerKey, score: score.trim() === '' ? Number.NaN : Number(score), reason })}>保存调整</AtButton>
        </View>
      ) : null}
    </View>
  )
}
