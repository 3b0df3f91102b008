import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { policyActions } from './actions'

export const main = makeMain('policy', policyActions, cloudbaseRoot)
