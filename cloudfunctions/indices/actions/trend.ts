import { trendInput, type TrendOutput } from '../../_shared/contracts/indices'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { FIGURES_REFUSED, communitiesUnder, communitySeries, eligibleListOf, NO_ELIGIBILITY, seriesOfCommunities, targetOrg, trendOf } from '../../_shared/application/figures-scope'

/** One index across the 12 months, 8 quarters or 5 years that end with `period`. */
export const trend = defineAction({
  input: trendInput,
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  async run({ orgId, period, key }, ctx): Promise<TrendOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    const community = org.level === 'community'
    const communities = community ? [org] : await communitiesUnder(ctx, org)
    const byCommunity = community ? null : await seriesOfCommunities(ctx, communities, period)
    const seriesList = community ? [await communitySeries(ctx, org._id, period)] : communities.map((c) => byCommunity?.get(c._id) ?? new Map())
    // 政策享受率 is judged against the policies in force (one read); the other indices need none.
    const eligible = key === 'policyEnjoyment' ? await eligibleListOf(ctx, communities, period) : NO_ELIGIBILITY
    return { key, points: trendOf(seriesList, period, key, !community, shanghaiDate(ctx.now()), eligible) }
  },
})
