import type { ActionMap } from '../../_shared/runtime/action'
import type { ExportFiles } from '../../_shared/files/export-files'
import { certify } from './certify'
import { deadlines } from './deadlines'
import { makeDocuments } from './documents'
import { draft } from './draft'
import { get } from './get'
import { list } from './list'
import { ranking } from './ranking'
import { recordCall } from './record-call'
import { remind } from './remind'
import { revealPhone } from './reveal-phone'
import { review } from './review'
import { sample } from './sample'
import { select } from './select'
import { spotCheck } from './spot-check'
import { submit } from './submit'

/**
 * The `evaluation` function (创建评估): the community's application, street review, district
 * certification, the city's spot checks and selection, deadlines and reminders, documents.
 * `files` is where the .xlsx documents go; each composition root binds its own.
 */
export function makeEvaluationActions(files: () => ExportFiles) {
  return { list, get, draft, submit, review, certify, spotCheck, sample, recordCall, revealPhone, select, ranking, deadlines, remind, documents: makeDocuments(files) } satisfies ActionMap
}
