import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
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
export function makeDutyActions(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return {
    board: makeBoard(photos, documents),
    save: makeSave(photos, documents),
    edit: makeEdit(photos, documents),
    report: makeReport(photos, documents),
    remind: makeRemind(photos, documents),
    scores,
    adjust,
  } satisfies ActionMap
}
