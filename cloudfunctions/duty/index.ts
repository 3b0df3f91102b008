import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeDutyActions } from './actions'
import { sendDutyReminders } from './remind-late'

// Progress attachments are uploaded to cloud storage the same way as feedback and 简报 photos.
const photos = cloudbasePhotoFiles()

/** `dailyRemind` (timer trigger, deploy/functions.ts): overdue tasks and late scheduled reports into the owners' inboxes. */
export const main = makeMain('duty', makeDutyActions(() => photos), cloudbaseRoot, { dailyRemind: (store) => sendDutyReminders(store, new Date()) })
