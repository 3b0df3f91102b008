import { policyIdInput } from '../../_shared/contracts/policy'
import { defineAction } from '../../_shared/runtime/action'
import { PUBLISH_WRITE } from '../access'
import { transition } from '../transition'

/** Takes a policy off the resident list; it stays in the staff list as 已下架. */
export const archive = defineAction({
  input: policyIdInput,
  ...PUBLISH_WRITE,
  run: ({ id }, ctx) => transition(ctx, id, 'archived'),
})
