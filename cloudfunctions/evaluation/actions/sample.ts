import { sampleInput } from '../../_shared/contracts/evaluation'
import type { Case } from '../../_shared/domain/case'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { changeApplication, drawSample, loadApplication, toView, evaluationWrite } from '../application'

/**
 * Draws the phone follow-up sample from a certified community's ledger (accepted cases still
 * holding personal data), reproducibly from the application id and the officer's seed. Drawing
 * again with the same seed gives the same people; another seed is refused once calls are recorded.
 */
export const sample = defineAction({
  input: sampleInput,
  ...evaluationWrite('evaluation.spotcheck'),
  async run({ id, seed, size }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    if (app.status !== 'certified') throw conflict('只有已认定、尚未完成抽查的社区可以抽样')
    if (app.calls.length && app.sample && (app.sample.seed !== seed || app.sample.size !== size)) throw conflict('已有电话回访记录，不能换种子重新抽样')
    const population: string[] = []
    const cases = where.and<Case>(where.eq('communityId', app.communityId), where.eq('status', 'accepted'))
    for await (const batch of ctx.store.collection('cases').scan(cases, 500)) {
      for (const i of batch) if (!i.anonymisedAt) population.push(i._id)
    }
    if (!population.length) throw conflict('这个社区的帮扶台帐里还没有可以回访的居民')
    const intentIds = drawSample(app._id, seed, population, size)
    const next = await changeApplication(ctx, caller, id, (current) => {
      if (current.status !== 'certified') throw conflict('只有已认定、尚未完成抽查的社区可以抽样')
      return {
        sample: { seed, size, population: population.length, intentIds, drawnAt: ctx.now().toISOString(), byName: caller.staff.name },
        calls: current.calls.filter((c) => intentIds.includes(c.intentId)),
      }
    })
    return toView(ctx, caller, next)
  },
})
