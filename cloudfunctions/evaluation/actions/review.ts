import { reviewInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { REFUSED, loadApplication, takeStep, toView } from '../application'

/** The street's initial review: passes the application on to the district, or returns it to the community with reasons. */
export const review = defineAction({
  input: reviewInput,
  access: 'staff',
  permission: 'evaluation.review',
  refusal: REFUSED['evaluation.review'],
  audit: 'write',
  target: (input) => input.id,
  async run({ id, version, decision, opinion }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    return toView(ctx, caller, await takeStep(ctx, caller, app, decision, opinion, version))
  },
})
