import { cloudbaseDocumentFiles } from '../_shared/files/cloudbase-documents'
import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeDutyActions } from './actions'
import { sendDutyReminders } from './remind-late'

// Progress attachments are uploaded to cloud storage the same way as feedback and 简报 photos.
const photos = cloudbasePhotoFiles()
// PDF / Word / Excel progress attachments go under `feedback-uploads/docs/`.
const documents = cloudbaseDocumentFiles()

/** `dailyRemind` (timer trigger, deploy/functions.ts): overdue tasks and late scheduled reports into the owners' inboxes. */
export const main = makeMain('duty', makeDutyActions(() => photos, () => documents), cloudbaseRoot, { dailyRemind: (store) => sendDutyReminders(store, new Date()) })
