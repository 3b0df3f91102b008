import { eventActions } from '../cloudfunctions/event/actions'
import { makeEvaluationActions } from '../cloudfunctions/evaluation/actions'
import { localMiniCodes } from '../cloudfunctions/_shared/codes/local'
import { INDICES_JOBS, indicesActions } from '../cloudfunctions/indices/actions'
import { maintenanceActions } from '../cloudfunctions/maintenance/actions'
import { notifyActions } from '../cloudfunctions/notify/actions'
import { noticeTemplateFromEnv, policyTemplateFromEnv, realTimer } from '../cloudfunctions/notify/deps'
import { outboxNotifier } from '../cloudfunctions/_shared/notifier/outbox'
import { orgActions } from '../cloudfunctions/org/actions'
import { policyActions } from '../cloudfunctions/policy/actions'
import { profileActions } from '../cloudfunctions/profile/actions'
import { makeSurveyActions } from '../cloudfunctions/survey/actions'
import { makeIntentActions } from '../cloudfunctions/intent/actions'
import { logClaimCodes } from '../cloudfunctions/_shared/notifier/claim-code'
import { ledgerJobs, makeLedgerActions } from '../cloudfunctions/ledger/actions'
import { projectActions } from '../cloudfunctions/project/actions'
import { makeDutyActions } from '../cloudfunctions/duty/actions'
import { shareActions } from '../cloudfunctions/share/actions'
import { localShareCodes } from '../cloudfunctions/share/codes'
import { serviceActions } from '../cloudfunctions/service/actions'
import { trainingActions } from '../cloudfunctions/training/actions'
import { workbenchActions } from '../cloudfunctions/workbench/actions'
import { makeReportActions } from '../cloudfunctions/report/actions'
import { localExportFiles, localExportParts } from './downloads'
import { makeFeedbackActions } from '../cloudfunctions/feedback/actions'
import { localPhotoFiles } from './photos'
import { localDocumentFiles } from './documents'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'
import type { StoredJobDef } from '../cloudfunctions/_shared/runtime/jobs'

const ledgerExports = localExportFiles()
const ledgerExportParts = localExportParts()
const feedbackPhotos = localPhotoFiles()
/** PDF / Word / Excel attachments of 简报 and 督查 progress: DATA_DIR/documents, served by server/documents.ts. */
const documents = localDocumentFiles()
const claimCodes = logClaimCodes()

/**
 * Every cloud function, by the name the client calls, with its action map: the local runtime
 * routes `POST /api/fn/<name>` here, the README's access tables are generated from it, and the
 * client's typed `call(fn, action, input)` takes its input and output types from `Functions`
 * (a type-only import, erased from the mini-program and H5 bundles). CloudBase deploys each
 * function's `cloudfunctions/<name>/index.ts` over the same map (scripts/__tests__/build-functions.test.ts
 * checks the names agree).
 */
const functions = {
  org: orgActions,
  // Codes here are QR images of the H5 URL; in WeChat they are mini-program codes.
  event: eventActions({ codes: localMiniCodes(), files: () => ledgerExports }),
  indices: indicesActions,
  maintenance: maintenanceActions,
  // Subscribe messages go to the `outbox` collection; every push also lands in the inbox.
  notify: notifyActions({
    notifier: (store) => outboxNotifier(store),
    template: policyTemplateFromEnv(process.env, 'local-policy-reminder'),
    noticeTemplate: noticeTemplateFromEnv(process.env, 'local-progress-notice'),
    pace: { perSecond: 20, budgetMs: 15_000 },
    timer: realTimer,
  }),
  policy: policyActions,
  profile: profileActions,
  survey: makeSurveyActions(() => ledgerExports),
  // Claim codes are printed in the runtime log; on CloudBase they are subscribe messages.
  intent: makeIntentActions({ claimCodes: () => claimCodes }),
  // Exports are written to DATA_DIR/exports and served by server/downloads.ts.
  ledger: makeLedgerActions(() => ledgerExports, { parts: () => ledgerExportParts }),
  project: projectActions,
  // The plan's tasks, 督查 and 目标责任考核 (issue 21).
  // Progress attachments are uploaded like feedback photos.
  duty: makeDutyActions(() => feedbackPhotos, () => documents),
  // Session check-in codes are QR images of the H5 URL here, mini-program codes in WeChat.
  training: trainingActions({ codes: localMiniCodes() }),
  service: serviceActions,
  // Photos are kept in DATA_DIR/feedback-photos and served by server/photos.ts.
  feedback: makeFeedbackActions(() => feedbackPhotos),
  // Poster codes here are QR images of the H5 URL; in WeChat they are mini-program codes.
  share: shareActions({ codes: localShareCodes() }),
  // Application documents (.xlsx) go through the same download folder as ledger exports.
  // Certificates are uploaded like feedback photos; the city's reminders also go to the outbox.
  evaluation: makeEvaluationActions(() => ledgerExports, {
    photos: () => feedbackPhotos,
    push: (store) => ({ notifier: outboxNotifier(store), templateId: 'local-evaluation-reminder' }),
  }),
  // The staff home (工作台): counts of the lists each staff role works through.
  workbench: workbenchActions,
  // 简报 upward and 表彰; report photos are uploaded like feedback photos.
  report: makeReportActions(() => feedbackPhotos, () => documents),
} satisfies Record<string, ActionMap>

/** Each function's actions, typed: what the client's `call` derives its types from. */
export type Functions = typeof functions

/** The same map, looked up by a name read from a request. */
export const FUNCTIONS: Record<string, ActionMap> = functions

/** Every job kind the runtime serves: `server/index.ts` resumes unfinished ones, as CloudBase's `resumeJobs` timers do. */
export const LOCAL_JOBS: StoredJobDef[] = [...INDICES_JOBS, ...ledgerJobs(() => ledgerExportParts)]
