import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { reconcileCounters } from '../_shared/runtime/reconcile'
import { indicesActions } from './actions'

/** `nightlyReconcile` (config.json timer trigger): recount every counter and repair drift. */
export const main = makeMain('indices', indicesActions, cloudbaseRoot, {
  nightlyReconcile: (store) => reconcileCounters(store, { repair: true }),
})
