import { reconcileInput } from '../../_shared/contracts/indices'
import { defineAction } from '../../_shared/runtime/action'
import { reconcileCounters } from '../../_shared/runtime/reconcile'
import { staffWith } from '../scope'

/** Recounts every counter from the raw records; reports drift, and repairs it when asked. */
export const reconcile = defineAction({
  input: reconcileInput,
  access: 'staff',
  audit: 'write',
  async run({ repair }, ctx) {
    staffWith(ctx, 'index.reconcile')
    return reconcileCounters(ctx.store, { repair })
  },
})
