import { certifyInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { evaluator, loadApplication, takeStep, toView } from '../application'

/** The district's decision on an application the street passed: certified (the title awarded) or rejected with reasons. */
export const certify = defineAction({
  input: certifyInput,
  access: 'staff',
  audit: 'write',
  target: (input) => input.id,
  async run({ id, version, decision, opinion }, ctx) {
    const caller = evaluator(ctx, 'evaluation.certify')
    const app = await loadApplication(ctx, caller, id)
    return toView(ctx, caller, await takeStep(ctx, caller, app, decision, opinion, version))
  },
})
