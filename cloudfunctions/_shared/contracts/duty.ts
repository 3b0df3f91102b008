import * as v from 'valibot'
import { DUTY_ATTACHMENTS_MAX, DUTY_FIGURES_MAX, DUTY_FILES_MAX, DUTY_SCHEDULE_UNITS, type DutyAdjustment, type DutyReport, type DutyState, type DutyTask } from '../domain/duty'
import type { IndexKey, IndexUnit } from '../domain/indices'
import type { JudgingRule } from '../domain/judging'
import type { TargetKind } from '../domain/target'
import { idSchema, isoDateSchema, text } from './common'
import { photoRefSchema } from './feedback'
import { type AttachmentView, documentsSchema } from './file'

const yearSchema = v.pipe(v.number('请填写年度'), v.integer('年度应为整数'), v.minValue(2000, '年度不对'), v.maxValue(2100, '年度不对'))

/** How often the owner reports: every 1–12 weeks or 1–6 months; null: no schedule. */
export const dutyScheduleSchema = v.nullable(
  v.object({
    every: v.pipe(v.number('报告周期应为数字'), v.integer('报告周期应为整数'), v.minValue(1, '报告周期为 1–12'), v.maxValue(12, '报告周期为 1–12')),
    unit: v.picklist(DUTY_SCHEDULE_UNITS, '报告周期单位为周或月'),
  }),
)

const taskFields = {
  text: text('任务', 2, 200),
  /** A department name (人社局 …); or `ownerOrgId` for a district/street. Exactly one. */
  department: v.optional(text('责任部门', 2, 30)),
  ownerOrgId: v.optional(idSchema),
  deadline: isoDateSchema,
  measure: text('完成标准', 2, 200),
  weight: v.pipe(v.number('权重应为数字'), v.integer('权重应为整数'), v.minValue(1, '权重为 1–10'), v.maxValue(10, '权重为 1–10')),
  schedule: v.optional(dutyScheduleSchema, null),
}
const ONE_OWNER = '请选择一个责任单位（部门或县区/街道）'

/** `duty.save`: a task of the plan for a department (the caller's org answers) or a district/street in scope. */
export const dutySaveInput = v.pipe(v.object({ year: yearSchema, ...taskFields }), v.forward(v.check((i) => (i.department === undefined) !== (i.ownerOrgId === undefined), ONE_OWNER), ['ownerOrgId']))
export type DutySaveInput = v.InferInput<typeof dutySaveInput>

/** `duty.edit`: the setting org changes a task (the whole task as it should be now) and says why; kept as history. */
export const dutyEditInput = v.pipe(
  v.object({ id: idSchema, version: v.pipe(v.number('缺少版本'), v.integer('版本不对')), ...taskFields, reason: text('修改理由', 4, 200) }),
  v.forward(v.check((i) => (i.department === undefined) !== (i.ownerOrgId === undefined), ONE_OWNER), ['ownerOrgId']),
)
export type DutyEditInput = v.InferInput<typeof dutyEditInput>

const figureSchema = v.object({
  label: text('指标名称', 1, 30),
  value: v.pipe(v.number('数值应为数字'), v.finite('数值应为数字'), v.minValue(-1e12, '数值过大'), v.maxValue(1e12, '数值过大')),
  unit: v.optional(v.pipe(v.string('单位格式不对'), v.trim(), v.maxLength(10, '单位最多 10 个字')), ''),
})

/** `duty.report`: the owner's progress: text, percent, figures and attachments (uploaded like photos). */
export const dutyReportInput = v.object({
  id: idSchema,
  text: text('进展情况', 2, 500),
  percent: v.pipe(v.number('完成进度应为数字'), v.integer('完成进度应为整数'), v.minValue(0, '完成进度为 0–100'), v.maxValue(100, '完成进度为 0–100')),
  figures: v.optional(v.pipe(v.array(figureSchema, '数据格式不对'), v.maxLength(DUTY_FIGURES_MAX, `最多 ${DUTY_FIGURES_MAX} 项数据`)), []),
  attachments: v.optional(v.pipe(v.array(photoRefSchema, '附件格式不对'), v.maxLength(DUTY_ATTACHMENTS_MAX, `最多 ${DUTY_ATTACHMENTS_MAX} 个附件`)), []),
  /** PDF / Word / Excel files uploaded through the document path, each with the name it had. */
  files: documentsSchema(DUTY_FILES_MAX),
})
export type DutyReportInput = v.InferInput<typeof dutyReportInput>

export const dutyIdInput = v.object({ id: idSchema })
export const dutyYearInput = v.object({ year: yearSchema })

/** `duty.adjust`: the level above's adjustment of an owner's result, with a reason. */
export const dutyAdjustInput = v.object({
  year: yearSchema,
  ownerKey: v.pipe(v.string('缺少责任单位'), v.minLength(1, '缺少责任单位'), v.maxLength(120, '责任单位过长')),
  score: v.pipe(v.number('调整分应为数字'), v.minValue(0, '调整分为 0–100'), v.maxValue(100, '调整分为 0–100')),
  reason: text('调整理由', 4, 300),
})
export type DutyAdjustInput = v.InferInput<typeof dutyAdjustInput>

/** A report as shown: its attachments as temporary links. */
export type DutyReportView = Omit<DutyReport, 'attachments' | 'files'> & { attachments: { url: string }[]; files: AttachmentView[] }

export type DutyTaskView = Omit<DutyTask, 'ownerPath' | 'reports'> & {
  reports: DutyReportView[]
  state: DutyState
  reportable: boolean
  /** The next scheduled report's due date, or null. */
  reportDue: string | null
  /** The scheduled report is late (the task shows as at risk, and a reminder goes out). */
  reportLate: boolean
  /** The caller's org set the task and may edit it. */
  editable: boolean
}

/** `duty.board`: the 督查 view. */
export interface DutyBoard {
  today: string
  overdue: DutyTaskView[]
  atRisk: DutyTaskView[]
  /** Every task in scope for the year, deadline first. */
  tasks: DutyTaskView[]
  /** Districts and streets in scope a task may be given to. */
  owners: { _id: string; name: string }[]
  /** The caller may record tasks and 催办 (`duty.assign`). */
  canAssign: boolean
  /** The judging rules the states are judged by (临期天数, 临期进度线), each with its source (`judging.ts`). */
  rules: JudgingRule[]
}

/** One target behind a 目标责任考核 result (the drill-down's target lines). */
export interface DutyTargetItem {
  index: IndexKey
  label: string
  unit: IndexUnit
  /** How the target reads: `≥ 15%`, `比上年净增 49`, `高于上年同期`. */
  targetText: string
  kind: TargetKind
  /** The target's value (0–1 for percentages), null for 高于上年. */
  value: number | null
  sourceLabel: string
  /** The target is an ancestor's (ratios) rather than the org's own. */
  inherited: boolean
  /** The live figure for the year (null: no data), and the same period a year before. */
  live: number | null
  lastYear: number | null
  weight: number
  /** Attainment 0–1 (`targetAttainment`). */
  rate: number
  /** weight × rate, as added up (`itemPoints`). */
  points: number
  note: string | null
}

/** `duty.scores`: one owner's 目标责任考核 result (an org with targets and/or tasks, or a department with tasks). */
export interface DutyScoreRow {
  ownerKey: string
  ownerName: string
  tasks: number
  /** Σ task weights and Σ over tasks done on time. */
  weight: number
  onTimeWeight: number
  /** The targets behind the result (none for a department). */
  targets: DutyTargetItem[]
  /** Σ target weights and Σ target points. */
  targetWeight: number
  targetPoints: number
  /** Σ(weight × rate) ÷ Σweight × 100 over targets and tasks (`dutyResult`); null: 无考核内容. */
  computed: number | null
  adjustment: Omit<DutyAdjustment, 'ownerPath'> | null
  adjustable: boolean
}
export interface DutyScores {
  year: number
  rule: string
  /** The judging rules of the result (每项目标的权重), with their source. */
  rules: JudgingRule[]
  rows: DutyScoreRow[]
}
