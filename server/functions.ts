import { eventActions } from '../cloudfunctions/event/actions'
import { localMiniCodes } from '../cloudfunctions/event/codes-local'
import { maintenanceActions } from '../cloudfunctions/maintenance/actions'
import { notifyActions } from '../cloudfunctions/notify/actions'
import { orgActions } from '../cloudfunctions/org/actions'
import { policyActions } from '../cloudfunctions/policy/actions'
import { profileActions } from '../cloudfunctions/profile/actions'
import { surveyActions } from '../cloudfunctions/survey/actions'
import { intentActions } from '../cloudfunctions/intent/actions'
import { makeLedgerActions } from '../cloudfunctions/ledger/actions'
import { projectActions } from '../cloudfunctions/project/actions'
import { shareActions } from '../cloudfunctions/share/actions'
import { localShareCodes } from '../cloudfunctions/share/codes'
import { localExportFiles } from './downloads'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'

const ledgerExports = localExportFiles()

/** Every cloud function the local runtime serves, by the name the client calls. */
export const FUNCTIONS: Record<string, ActionMap> = {
  org: orgActions,
  // Codes here are QR images of the H5 URL; in WeChat they are mini-program codes.
  event: eventActions({ codes: localMiniCodes() }),
  maintenance: maintenanceActions,
  notify: notifyActions,
  policy: policyActions,
  profile: profileActions,
  survey: surveyActions,
  intent: intentActions,
  // Exports are written to DATA_DIR/exports and served by server/downloads.ts.
  ledger: makeLedgerActions(() => ledgerExports),
  project: projectActions,
  // Poster codes here are QR images of the H5 URL; in WeChat they are mini-program codes.
  share: shareActions({ codes: localShareCodes() }),
}
