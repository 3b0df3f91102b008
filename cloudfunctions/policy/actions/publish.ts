import { policyIdInput } from '../../_shared/contracts/policy'
import { defineAction } from '../../_shared/runtime/action'
import { PUBLISH_WRITE } from '../access'
import { transition } from '../transition'

/** Publishes a draft (or re-publishes an archived policy); residents see it at once. */
export const publish = defineAction({
  input: policyIdInput,
  ...PUBLISH_WRITE,
  run: ({ id }, ctx) => transition(ctx, id, 'published'),
})

