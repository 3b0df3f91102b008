import { recordCallInput } from '../../_shared/contracts/evaluation'
import type { SpotCall } from '../../_shared/domain/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { changeApplication, toView, evaluationWrite } from '../application'

/** Records one sampled resident's phone follow-up (a later call to the same person replaces it). */
export const recordCall = defineAction({
  input: recordCallInput,
  ...evaluationWrite('evaluation.spotcheck'),
  async run(input, ctx) {
    const caller = ctx.caller
    const next = await changeApplication(ctx, caller, input.id, (app) => {
      if (app.status !== 'certified') throw conflict('抽查已结束或尚未开始，不能再记录回访')
      if (!app.sample?.intentIds.includes(input.intentId)) throw missingOrOutOfScope(input.intentId, '这位居民不在抽样名单里')
      const call: SpotCall = {
        intentId: input.intentId,
        reached: input.reached,
        confirms: input.reached ? input.confirms : null,
        satisfaction: input.reached ? input.satisfaction : null,
        remarks: input.remarks,
        at: ctx.now().toISOString(),
        byName: caller.staff.name,
      }
      return { calls: [...app.calls.filter((c) => c.intentId !== input.intentId), call] }
    })
    return toView(ctx, caller, next)
  },
})
