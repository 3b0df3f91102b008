import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { maintenanceActions } from './actions'

export const main = makeMain('maintenance', maintenanceActions, cloudbaseRoot)
