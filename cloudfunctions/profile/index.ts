import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { profileActions } from './actions'

export const main = makeMain('profile', profileActions, cloudbaseRoot)
