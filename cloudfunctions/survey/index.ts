import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { cloudbaseExportFiles } from '../_shared/files/cloudbase'
import { makeSurveyActions } from './actions'

const files = cloudbaseExportFiles()

export const main = makeMain('survey', makeSurveyActions(() => files), cloudbaseRoot)
