import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { workbenchActions } from './actions'

export const main = makeMain('workbench', workbenchActions, cloudbaseRoot)
