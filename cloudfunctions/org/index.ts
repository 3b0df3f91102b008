import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { orgActions } from './actions'

export const main = makeMain('org', orgActions, cloudbaseRoot)
