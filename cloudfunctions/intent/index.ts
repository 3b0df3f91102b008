import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { intentActions } from './actions'

export const main = makeMain('intent', intentActions, cloudbaseRoot)
