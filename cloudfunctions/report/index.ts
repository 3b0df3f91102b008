import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeReportActions } from './actions'

// Report photos are uploaded to cloud storage the same way as feedback photos.
const files = cloudbasePhotoFiles()

export const main = makeMain('report', makeReportActions(() => files), cloudbaseRoot)
