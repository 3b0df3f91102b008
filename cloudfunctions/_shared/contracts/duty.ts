import * as v from 'valibot'
import type { DutyAdjustment, DutyState, DutyTask } from '../domain/duty'
import { idSchema, isoDateSchema, text } from './common'

const yearSchema = v.pipe(v.number('请填写年度'), v.integer('年度应为整数'), v.minValue(2000, '年度不对'), v.maxValue(2100, '年度不对'))

/** `duty.save`: a task of the plan for a department (the caller's org answers) or a district/street in scope. */
export const dutySaveInput = v.pipe(
  v.object({
    year: yearSchema,
    text: text('任务', 2, 200),
    /** A department name (人社局 …); or `ownerOrgId` for a district/street. Exactly one. */
    department: v.optional(text('责任部门', 2, 30)),
    ownerOrgId: v.optional(idSchema),
    deadline: isoDateSchema,
    measure: text('完成标准', 2, 200),
    weight: v.pipe(v.number('权重应为数字'), v.integer('权重应为整数'), v.minValue(1, '权重为 1–10'), v.maxValue(10, '权重为 1–10')),
  }),
  v.forward(
    v.check((i) => (i.department === undefined) !== (i.ownerOrgId === undefined), '请选择一个责任单位（部门或县区/街道）'),
    ['ownerOrgId'],
  ),
)
export type DutySaveInput = v.InferInput<typeof dutySaveInput>

/** `duty.report`: the owner's progress. */
export const dutyReportInput = v.object({
  id: idSchema,
  text: text('进展情况', 2, 500),
  percent: v.pipe(v.number('完成进度应为数字'), v.integer('完成进度应为整数'), v.minValue(0, '完成进度为 0–100'), v.maxValue(100, '完成进度为 0–100')),
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

export type DutyTaskView = Omit<DutyTask, 'ownerPath'> & { state: DutyState; reportable: boolean }

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
}

/** `duty.scores`: one owner's 目标责任考核 result. */
export interface DutyScoreRow {
  ownerKey: string
  ownerName: string
  tasks: number
  weight: number
  onTimeWeight: number
  computed: number | null
  adjustment: Omit<DutyAdjustment, 'ownerPath'> | null
  adjustable: boolean
}
export interface DutyScores {
  year: number
  rule: string
  rows: DutyScoreRow[]
}
