import { cloudbaseExportFiles, cloudbaseExportParts } from '../_shared/files/cloudbase'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { CLOUD_BUDGET, resumeJobs } from '../_shared/runtime/jobs'
import { makeMain } from '../_shared/runtime/make-main'
import { ledgerJobs, makeLedgerActions } from './actions'

const files = cloudbaseExportFiles()
const parts = cloudbaseExportParts()

/** `resumeJobs` (timer trigger, every few minutes): finishes exports whose page was closed. */
export const main = makeMain('ledger', makeLedgerActions(() => files, { parts: () => parts }), cloudbaseRoot, {
  resumeJobs: (store) => resumeJobs(store, ledgerJobs(() => parts), CLOUD_BUDGET),
})
