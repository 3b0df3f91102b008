import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { projectActions } from './actions'

export const main = makeMain('project', projectActions, cloudbaseRoot)
