import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { ActionMap } from '../../_shared/runtime/action'
import { makeBoard } from './board'
import { makeEdit } from './edit'
import { makeRemind } from './remind'
import { makeReport } from './report'
import { makeSave } from './save'
import { adjust, scores } from './scores'

/**
 * The `duty` function's actions: the plan's tasks, progress, 督查 and 目标责任考核 (issue 21, item 3).
 * `photos` is where progress attachments are uploaded (the feedback photo store, as 简报 photos).
 */
export function makeDutyActions(photos: () => PhotoFiles | null) {
  return {
    board: makeBoard(photos),
    save: makeSave(photos),
    edit: makeEdit(photos),
    report: makeReport(photos),
    remind: makeRemind(photos),
    scores,
    adjust,
  } satisfies ActionMap
}
