import { cloudbaseExportFiles } from '../_shared/files/cloudbase'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeEvaluationActions } from './actions'
import { sendReminders } from './remind'

const files = cloudbaseExportFiles()

/** `dailyRemind` (config.json timer trigger): deadline reminders into staff inboxes. */
export const main = makeMain('evaluation', makeEvaluationActions(() => files), cloudbaseRoot, {
  dailyRemind: (store) => sendReminders(store, new Date()),
})
