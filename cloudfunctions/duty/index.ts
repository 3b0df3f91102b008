import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { dutyActions } from './actions'

export const main = makeMain('duty', dutyActions, cloudbaseRoot)
