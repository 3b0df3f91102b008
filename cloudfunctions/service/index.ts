import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { serviceActions } from './actions'

export const main = makeMain('service', serviceActions, cloudbaseRoot)
