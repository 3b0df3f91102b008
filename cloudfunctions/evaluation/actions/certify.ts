import { certifyInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { REFUSED, loadApplication, takeStep, toView } from '../application'

/** The district's decision on an application the street passed: certified (the title awarded) or rejected with reasons. */
export const certify = defineAction({
  input: certifyInput,
  access: 'staff',
  permission: 'evaluation.certify',
  refusal: REFUSED['evaluation.certify'],
  audit: 'write',
  target: (input) => input.id,
  async run({ id, version, decision, opinion }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    return toView(ctx, caller, await takeStep(ctx, caller, app, decision, opinion, version))
  },
})
