import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { surveyActions } from './actions'

export const main = makeMain('survey', surveyActions, cloudbaseRoot)
