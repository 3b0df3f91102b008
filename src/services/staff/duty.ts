import type { DutyAdjustInput, DutyEditInput, DutyReportInput, DutySaveInput } from '@shared/contracts/duty'
import { call } from '../core/cloud'

/** The 督查 view: a year's tasks in scope, the overdue and at-risk ones picked out. */
export function loadDutyBoard(year: number) {
  return call('duty', 'board', { year })
}

/** Records a task of the plan (the city: departments and districts/streets; a district: its streets). */
export function saveDutyTask(input: DutySaveInput) {
  return call('duty', 'save', input)
}

/** The setting org edits a task with a reason (kept as the task's history). */
export function editDutyTask(input: DutyEditInput) {
  return call('duty', 'edit', input)
}

/** The owner org reports progress on a task. */
export function reportDuty(input: DutyReportInput) {
  return call('duty', 'report', input)
}

/** 催办: records the reminder on the task and messages the owner org's staff. */
export function remindDuty(id: string) {
  return call('duty', 'remind', { id })
}

/** 目标责任考核 results of a year. */
export function loadDutyScores(year: number) {
  return call('duty', 'scores', { year })
}

/** The level above adjusts an owner's result with a reason. */
export function adjustDutyScore(input: DutyAdjustInput) {
  return call('duty', 'adjust', input)
}
