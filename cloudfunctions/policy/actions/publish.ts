import { policyIdInput } from '../../_shared/contracts/policy'
import { defineAction } from '../../_shared/runtime/action'
import { transition } from '../transition'

/** Publishes a draft (or re-publishes an archived policy); residents see it at once. */
export const publish = defineAction({
  input: policyIdInput,
  access: 'staff',
  permission: 'policy.publish',
  refusal: '你的角色不能发布或下架政策',
  audit: 'write',
  target: (input) => input.id,
  run: ({ id }, ctx) => transition(ctx, id, 'published'),
})

