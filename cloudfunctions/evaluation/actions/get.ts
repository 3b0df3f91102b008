import { getInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { loadApplication, toView, evaluationStaff } from '../application'

/** One application in the caller's scope, with its history and the steps open to the caller. */
export const get = defineAction({
  input: getInput,
  ...evaluationStaff('evaluation.read'),
  async run({ id }, ctx) {
    const caller = ctx.caller
    return toView(ctx, caller, await loadApplication(ctx, caller, id))
  },
})
