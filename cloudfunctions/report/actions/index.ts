import type { ActionMap } from '../../_shared/runtime/action'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { honorCandidates, honorClose, honorConsent, honors, honorSave } from './honors'
import { list, makeComment, makeForward, makeGet, makeMarkGood, makeSend, targets } from './reports'

/**
 * The `report` function: upward reporting (工作简报 / 工作情况 / 好经验 / 认定报告: send to the
 * parent org, read receipts, comments, forwarding, 好经验) and 表彰 (优秀创业人员, 先进集体,
 * 先进工作者). `photos` is where report photos are uploaded (the feedback photo store), `documents` where
 * PDF / Word / Excel attachments are (the document store).
 */
export function makeReportActions(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return {
    targets,
    send: makeSend(photos, documents),
    list,
    get: makeGet(photos, documents),
    comment: makeComment(photos, documents),
    forward: makeForward(photos, documents),
    markGood: makeMarkGood(photos, documents),
    honors,
    honorSave,
    honorCandidates,
    honorConsent,
    honorClose,
  } satisfies ActionMap
}
