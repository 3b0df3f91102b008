import type { StoredAttachment } from './attachments'
import { shanghaiDate } from './time'

/**
 * Responsibility and 督查 (issue 21, item 3): the plan's tasks (seed 001's 职责分工), owners'
 * progress reports, the 督查 view of what is late, and the 目标责任考核 result per owner per year.
 */

/** Days before the deadline from which a task below `AT_RISK_PERCENT` counts as at risk. */
export const AT_RISK_DAYS = 14
export const AT_RISK_PERCENT = 80

/** One progress report of the owner: dated and kept (the task's history). */
export interface DutyReport {
  at: string
  /** Shanghai date of `at`: what "done on time" compares with the deadline. */
  on: string
  text: string
  percent: number
  /** Figures the owner reports (e.g. 发放贷款 1200 万元); empty when none. */
  figures: DutyFigure[]
  /** Pictures or scans uploaded like feedback photos (the photo store's refs). */
  attachments: string[]
  /** PDF / Word / Excel files (the document store's); absent on reports made before they were accepted. */
  files?: StoredAttachment[]
  byId: string
  byName: string
}

/** One reported figure. */
export interface DutyFigure {
  label: string
  value: number
  unit: string
}

export const DUTY_FIGURES_MAX = 5
export const DUTY_ATTACHMENTS_MAX = 4
export const DUTY_FILES_MAX = 4

/** How often the owner must report: every `every` weeks or months, counted from the last report. */
export const DUTY_SCHEDULE_UNITS = ['week', 'month'] as const
export type DutyScheduleUnit = (typeof DUTY_SCHEDULE_UNITS)[number]
export const DUTY_SCHEDULE_UNIT_LABELS: Record<DutyScheduleUnit, string> = { week: '周', month: '个月' }
export interface DutySchedule {
  every: number
  unit: DutyScheduleUnit
}

/** One edit of a task by the setting org: what changed (as shown), why, who and when. */
export interface DutyEdit {
  at: string
  byId: string
  byName: string
  orgName: string
  reason: string
  changes: { field: DutyEditField; from: string; to: string }[]
}
export const DUTY_EDIT_FIELDS = ['text', 'owner', 'deadline', 'measure', 'weight', 'schedule'] as const
export type DutyEditField = (typeof DUTY_EDIT_FIELDS)[number]
export const DUTY_EDIT_FIELD_LABELS: Record<DutyEditField, string> = { text: '任务', owner: '责任单位', deadline: '截止日期', measure: '完成标准', weight: '权重', schedule: '报告周期' }

export function scheduleText(s: DutySchedule | null): string {
  return s ? `每 ${s.every} ${DUTY_SCHEDULE_UNIT_LABELS[s.unit]}报告一次` : '不定期报告'
}

/** One 催办 of the level above. */
export interface DutyReminder {
  at: string
  byId: string
  byName: string
  orgName: string
  /** Inbox messages filed for the owner org's staff. */
  sent: number
}

/** A task of the plan. The owner is a department (the setting org itself answers) or a district/street org. */
export interface DutyTask {
  _id: string
  year: number
  text: string
  /** Department name (人社局 …) when the owner is a department, else null. */
  department: string | null
  /** The org whose staff report: the setting org for a department task, else the owner org. */
  ownerOrgId: string
  ownerPath: string[]
  /** What the 考核 groups by: `<orgId>` or `<orgId>:<department>`. */
  ownerKey: string
  ownerName: string
  setterOrgId: string
  deadline: string
  measure: string
  weight: number
  percent: number
  /** Shanghai date of the report that reached 100 %, or null. */
  doneOn: string | null
  reports: DutyReport[]
  reminders: DutyReminder[]
  /** The reporting schedule, or null (report when there is progress). */
  schedule: DutySchedule | null
  /** The setting org's edits, oldest first (the task's edit history). */
  edits: DutyEdit[]
  createdAt: string
  createdBy: string
  updatedAt: string
  version: number
}

/** The level above's adjustment of an owner's computed result (`_id` = `<year>_<ownerKey>`). */
export interface DutyAdjustment {
  _id: string
  year: number
  ownerKey: string
  /** Setter path of the owner (scope checks). */
  ownerPath: string[]
  score: number
  reason: string
  computedAtAdjustment: number
  byId: string
  byName: string
  orgName: string
  at: string
}

export type DutyState = 'done' | 'overdue' | 'at_risk' | 'on_track'

type ScheduleFields = Pick<DutyTask, 'percent' | 'schedule' | 'reports' | 'createdAt'>

/**
 * The date the next scheduled report is due: the last report's date (or the task's creation date)
 * plus the interval; null without a schedule or once the task is done. A month step keeps the day,
 * clamped to the month's last day (01-31 + 1 month = 02-28).
 */
export function reportDue(task: ScheduleFields): string | null {
  if (!task.schedule || task.percent >= 100) return null
  const last = task.reports[task.reports.length - 1]
  const base = last ? last.on : shanghaiDate(new Date(task.createdAt))
  const { every, unit } = task.schedule
  if (unit === 'week') return addDays(base, 7 * every)
  const [y, m, d] = base.split('-').map(Number)
  const months = y * 12 + (m - 1) + every
  const ny = Math.floor(months / 12)
  const nm = (months % 12) + 1
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** The scheduled report is late: its due date has passed with no report since. */
export function reportLate(task: ScheduleFields, today: string): boolean {
  const due = reportDue(task)
  return due !== null && due < today
}

/**
 * Overdue: deadline passed and not 100 %. At risk: deadline within 14 days and progress below
 * 80 %, or the scheduled progress report is late.
 */
export function dutyState(task: Pick<DutyTask, 'deadline'> & ScheduleFields, today: string): DutyState {
  if (task.percent >= 100) return 'done'
  if (task.deadline < today) return 'overdue'
  if (task.percent < AT_RISK_PERCENT && daysBetween(today, task.deadline) <= AT_RISK_DAYS) return 'at_risk'
  if (reportLate(task, today)) return 'at_risk'
  return 'on_track'
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Done on time: reached 100 % by a report dated on or before the deadline. */
export function doneOnTime(task: Pick<DutyTask, 'deadline' | 'doneOn'>): boolean {
  return task.doneOn !== null && task.doneOn <= task.deadline
}

/** What a closed year makes final, in the 409 that says who can reopen it (`assertYearOpen`). */
export const DUTY_YEAR = '督查任务和考核结果'

/** The rule as the page shows it. */
export const DUTY_SCORE_RULE = '考核得分 = Σ(权重 × 按期完成) ÷ Σ权重 × 100；按期完成指截止日当天或之前报告进度达到 100%，是记 1，否记 0'

/**
 * 目标责任考核: an owner's result for a year = Σ(weight × done-on-time) ÷ Σweight × 100, where
 * done-on-time is 1 when a report on or before the deadline brought the task to 100 %, else 0.
 * Rounded to one decimal; null when the owner has no task that year.
 */
export function dutyScore(tasks: readonly Pick<DutyTask, 'weight' | 'deadline' | 'doneOn'>[]): number | null {
  const total = tasks.reduce((s, t) => s + t.weight, 0)
  if (total === 0) return null
  const onTime = tasks.reduce((s, t) => s + (doneOnTime(t) ? t.weight : 0), 0)
  return Math.round((onTime / total) * 1000) / 10
}
