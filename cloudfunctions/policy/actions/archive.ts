import { policyIdInput } from '../../_shared/contracts/policy'
import { defineAction } from '../../_shared/runtime/action'
import { transition } from '../transition'

/** Takes a policy off the resident list; it stays in the staff list as 已下架. */
export const archive = defineAction({
  input: policyIdInput,
  access: 'staff',
  permission: 'policy.publish',
  refusal: '你的角色不能发布或下架政策',
  audit: 'write',
  target: (input) => input.id,
  run: ({ id }, ctx) => transition(ctx, id, 'archived'),
})
