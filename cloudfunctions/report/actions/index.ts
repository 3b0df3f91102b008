import type { ActionMap } from '../../_shared/runtime/action'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import { honorCandidates, honorClose, honorConsent, honors, honorSave } from './honors'
import { list, makeComment, makeForward, makeGet, makeMarkGood, makeSend, targets } from './reports'

/**
 * The `report` function: upward reporting (工作简报 / 工作情况 / 好经验 / 认定报告: send to the
 * parent org, read receipts, comments, forwarding, 好经验) and 表彰 (优秀创业人员, 先进集体,
 * 先进工作者). `photos` is where report photos are uploaded (the feedback photo store).
 */
export function makeReportActions(photos: () => PhotoFiles | null) {
  return {
    targets,
    send: makeSend(photos),
    list,
    get: makeGet(photos),
    comment: makeComment(photos),
    forward: makeForward(photos),
    markGood: makeMarkGood(photos),
    honors,
    honorSave,
    honorCandidates,
    honorConsent,
    honorClose,
  } satisfies ActionMap
}
