import { cloudbaseDocumentFiles } from '../_shared/files/cloudbase-documents'
import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeReportActions } from './actions'

// Report photos are uploaded to cloud storage the same way as feedback photos.
const files = cloudbasePhotoFiles()
// PDF / Word / Excel attachments go under `feedback-uploads/docs/` (picked with wx.chooseMessageFile).
const documents = cloudbaseDocumentFiles()

export const main = makeMain('report', makeReportActions(() => files, () => documents), cloudbaseRoot)
