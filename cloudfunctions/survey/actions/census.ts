import { censusPage } from '../../_shared/application/census'
import { censusInput, type CensusOutput } from '../../_shared/contracts/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'

/**
 * The published 市民创业状况调查 (seed 001: 掌握并公布本市创业状况): the city's figure, a district's
 * or a street's, with n, and the 当地平均数 of the 创业活动指数. Open to anyone — a resident needs no
 * community or account beyond the app's own session — because it holds only sums of groups of at
 * least `CENSUS_MIN_N` respondents.
 */
export const census = defineAction({
  input: censusInput,
  access: 'any',
  async run({ year, orgId }, ctx): Promise<CensusOutput> {
    return censusPage(ctx, year ?? Number(shanghaiDate(ctx.now()).slice(0, 4)), orgId)
  },
})
