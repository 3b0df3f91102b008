import { selectInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { loadApplication, takeStep, toView, evaluationWrite } from '../application'

/** The city names a spot-checked community a demonstration community (示范社区), with its reasons. */
export const select = defineAction({
  input: selectInput,
  ...evaluationWrite('evaluation.select'),
  async run({ id, version, opinion }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    return toView(ctx, caller, await takeStep(ctx, caller, app, 'select', opinion, version))
  },
})
