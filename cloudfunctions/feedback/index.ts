import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeFeedbackActions } from './actions'

const files = cloudbasePhotoFiles()

export const main = makeMain('feedback', makeFeedbackActions(() => files), cloudbaseRoot)
