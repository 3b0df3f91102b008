import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { notifyActions } from './actions'

export const main = makeMain('notify', notifyActions, cloudbaseRoot)
