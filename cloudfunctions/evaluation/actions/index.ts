import type { ActionMap } from '../../_shared/runtime/action'
import type { ExportFiles } from '../../_shared/files/export-files'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { Collections } from '../../_shared/store/collections'
import type { Store } from '../../_shared/store/port'
import type { ReminderPush } from '../remind'
import { makeAward, makeCertificate, revoke } from './award'
import { certify } from './certify'
import { closeRubric } from './close-rubric'
import { defineRubric } from './define-rubric'
import { deadlines } from './deadlines'
import { makeDocuments } from './documents'
import { draft } from './draft'
import { extend } from './extend'
import { get } from './get'
import { list } from './list'
import { ranking } from './ranking'
import { recordCall } from './record-call'
import { remind } from './remind'
import { makeRemindBehind } from './remind-behind'
import { reopen } from './reopen'
import { reopenScore } from './reopen-score'
import { revealPhone } from './reveal-phone'
import { review } from './review'
import { rubric } from './rubric'
import { score } from './score'
import { scoreRanking } from './score-ranking'
import { scoreSheet } from './score-sheet'
import { sample } from './sample'
import { select } from './select'
import { spotCheck } from './spot-check'
import { submit } from './submit'

/** Ports of the evaluation year's management, bound per composition root. */
export interface EvaluationDeps {
  /** Where scanned certificates are uploaded (the photo store); null: none can be attached. */
  photos?: () => PhotoFiles | null
  /** The city's reminders as subscribe messages; null: inbox only. */
  push?: (store: Store<Collections>) => ReminderPush | null
}

/**
 * The `evaluation` function (创建评估): the community's application, street review, district
 * certification, the city's spot checks and selection, deadlines, extensions, reopening,
 * reminders, 命名/授牌 and its revocation, documents, and the reviewers' 评审内容与评分. `files` is where the .xlsx documents go;
 * each composition root binds its own.
 */
export function makeEvaluationActions(files: () => ExportFiles, deps: EvaluationDeps = {}) {
  const photos = deps.photos ?? (() => null)
  const push = deps.push ?? (() => null)
  return {
    list,
    get,
    draft,
    submit,
    review,
    certify,
    spotCheck,
    sample,
    recordCall,
    revealPhone,
    select,
    ranking,
    deadlines,
    remind,
    documents: makeDocuments(files),
    extend,
    reopen,
    award: makeAward(photos),
    certificate: makeCertificate(photos),
    revoke,
    remindBehind: makeRemindBehind(push),
    rubric,
    defineRubric,
    closeRubric,
    scoreSheet,
    score,
    reopenScore,
    scoreRanking,
  } satisfies ActionMap
}
