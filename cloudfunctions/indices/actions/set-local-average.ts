import { cityOrg, computeCityActivity, localAverageView } from '../../_shared/application/census'
import { assertYearOpen, TARGETS_REFUSED } from '../../_shared/application/targets'
import { type LocalAverageView } from '../../_shared/contracts/survey'
import { setLocalAverageInput } from '../../_shared/contracts/indices'
import type { LocalAverage } from '../../_shared/domain/census'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { AppError } from '../../_shared/runtime/errors'

/**
 * The city sets the year's 当地平均数 of the 创业活动指数 (seed 000: 劳动者创业指数高于当地平均数):
 * a figure it has (e.g. from the statistics bureau), or — `percent: null` — the city's own index
 * computed from every community's engaged residents and working-age baseline. Same permission and
 * closed-year rule as the city's targets.
 */
export const setLocalAverage = defineAction({
  input: setLocalAverageInput,
  ...staffWith('target.set', TARGETS_REFUSED['target.set']),
  audit: 'write',
  target: (input) => `average:${input.year}`,
  async run({ year, percent }, ctx): Promise<LocalAverageView> {
    const caller = ctx.caller
    const city = await cityOrg(ctx)
    if (caller.org.level !== 'city' || !city || city._id !== caller.org._id) throw new AppError('FORBIDDEN', TARGETS_REFUSED['target.set'])
    await assertYearOpen(ctx.store, year)
    let doc: LocalAverage
    const base = { _id: String(year), year, orgId: city._id, setBy: caller.staff._id, setAt: ctx.now().toISOString() }
    if (percent === null) {
      const computed = await computeCityActivity(ctx, city, year, shanghaiDate(ctx.now()))
      if (computed.percent === null) {
        throw new AppError('VALIDATION', '还算不出全市平均数', [{ path: 'percent', message: '各社区还没有录入劳动年龄人口，算不出平均数；请直接填写' }])
      }
      doc = { ...base, source: 'computed', percent: computed.percent, num: computed.num, den: computed.den }
    } else {
      doc = { ...base, source: 'entered', percent: Math.round(percent * 100) / 100, num: null, den: null }
    }
    await ctx.store.collection('localAverages').put(doc)
    return localAverageView(doc)!
  },
})
