import { JUDGING_RULES } from './judging'
import type { StoredAttachment } from './attachments'
import { shanghaiDate } from './time'

/**
 * Responsibility and 督查 (issue 21, item 3): the plan's tasks (seed 001's 职责分工), owners'
 * progress reports, the 督查 view of what is late, and the 目标责任考核 result per owner per year.
 */

/**
 * Days before the deadline from which a task below `AT_RISK_PERCENT` counts as at risk: judging
 * rules with their source (`judging.ts`: 本地规则, not a document's requirement).
 */
export const AT_RISK_DAYS = JUDGING_RULES.atRiskDays.value
export const AT_RISK_PERCENT = JUDGING_RULES.atRiskPercent.value

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
export const DUTY_SCORE_RULE =
  `考核得分 = Σ(权重 × 得分率) ÷ Σ权重 × 100，逐项计：每项目标权重 ${JUDGING_RULES.dutyTargetWeight.value}，得分率 = 完成度（实际值 ÷ 目标值，封顶 100%；“不高于”类达到记 100%、超出按 目标值 ÷ 实际值；“高于上年”类高于记 100%、否则 0；缺数据记 0）；每项任务按其权重，按期完成（截止日当天或之前报告进度达到 100%）记 100%，否则 0；既无目标也无任务的单位为“无考核内容”`

/** The weight of one target in the 目标责任考核 (a task carries its own weight, 1–10): a judging rule (`judging.ts`). */
export const DUTY_TARGET_WEIGHT = JUDGING_RULES.dutyTargetWeight.value

/** One item behind a result: a target (attainment 0–1) or a task (on time 1, else 0), with its weight. */
export interface DutyItem {
  weight: number
  /** 得分率, 0–1, rounded to 0.001 (what the page shows as a percentage with one decimal). */
  rate: number
}

/** Weight × rate as shown (three decimals, exact for a rate of 0.001 steps): the points the drill-down adds up. */
export function itemPoints(item: DutyItem): number {
  return Math.round(item.weight * item.rate * 1000) / 1000
}

/**
 * 目标责任考核 (issue 21 item 3): an org's result for a year is the weighted mean of its items,
 * Σ(weight × rate) ÷ Σweight × 100, each item's points as shown (`itemPoints`), rounded to one
 * decimal. The items are
 * - each target the org is measured against that year (its own record or, for ratios, an
 *   ancestor's; `targetAttainment`), weight `DUTY_TARGET_WEIGHT`, rate = its attainment;
 * - each of its tasks, weight = the task's weight, rate 1 when done on time (`doneOnTime`), else 0.
 * An org with only targets or only tasks still has a result; with neither it has none (null,
 * shown as 无考核内容, never 0).
 */
export function dutyResult(items: readonly DutyItem[]): number | null {
  const total = items.reduce((s, i) => s + i.weight, 0)
  if (total === 0) return null
  const points = items.reduce((s, i) => s + itemPoints(i), 0)
  return Math.round((points / total) * 1000) / 10
}

/** The task items of `dutyResult`. */
export function taskItems(tasks: readonly Pick<DutyTask, 'weight' | 'deadline' | 'doneOn'>[]): DutyItem[] {
  return tasks.map((t) => ({ weight: t.weight, rate: doneOnTime(t) ? 1 : 0 }))
}

/**
 * 目标责任考核 of tasks alone: Σ(weight × done-on-time) ÷ Σweight × 100 (`dutyResult` of the
 * task items); null when the owner has no task that year.
 */
export function dutyScore(tasks: readonly Pick<DutyTask, 'weight' | 'deadline' | 'doneOn'>[]): number | null {
  return dutyResult(taskItems(tasks))
}

/** How a target is judged (`TargetKind` of `target.ts`). */
export type AttainmentKind = 'min' | 'max' | 'increase' | 'aboveLast'

/**
 * A target's attainment, 0–1 rounded to 0.001, and why when it is not plain:
 * - `min` / `increase` (at least / net increase of at least `target`): live ÷ target, capped at 1
 *   (a target of 0 or less is met by any figure ≥ it);
 * - `max` (at most `target`): 1 when live ≤ target, else target ÷ live (0 when the target is 0);
 * - `aboveLast` (明显提高 = higher than the same period a year before): 1 when higher, else 0;
 * - no live figure, or no last-year figure to compare with: 0, noted 缺数据.
 */
export function targetAttainment(kind: AttainmentKind, target: number | null, live: number | null, lastYear: number | null): { rate: number; note: string | null } {
  if (live === null) return { rate: 0, note: '缺数据，记 0' }
  const r = (x: number) => ({ rate: Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000, note: null })
  if (kind === 'aboveLast') {
    if (lastYear === null) return { rate: 0, note: '无上年同期数可比，记 0' }
    return r(live > lastYear ? 1 : 0)
  }
  if (target === null) return { rate: 0, note: '目标无数值，记 0' }
  if (kind === 'max') return r(live <= target ? 1 : target > 0 ? target / live : 0)
  if (target <= 0) return r(live >= target ? 1 : 0)
  return r(live / target)
}
