import { moneyInput, type MoneyOutput } from '../../_shared/contracts/indices'
import { benefitRows, fourInOneShare, groupRows, loanRows, overriddenCount, policyIdsIn, policyRows } from '../../_shared/domain/indices'
import type { Policy } from '../../_shared/domain/policy'
import { periodName, periodRange } from '../../_shared/domain/period'
import { eligibleGroupsOfCommunities, sumEnjoyment } from '../../_shared/application/enjoyment'
import { can } from '../../_shared/domain/roles'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { FIGURES_REFUSED, communitiesUnder, communitySeries, orgRef, seriesOfCommunities, targetOrg } from '../../_shared/application/figures-scope'

/**
 * Benefits and loans of one org and period (issue 22, seed 000 定量 (2)): counts and amounts by
 * kind, by target group and by policy, loan steps, and the 四位一体 share. Summed from the month
 * counter documents (a community: the same one read as its dashboard; upper levels sum their
 * communities), plus one read of the published policies on the communities' chains: their titles, and
 * the groups those in force make eligible (政策享受率 and 应享未享 per target group).
 */
export const money = defineAction({
  input: moneyInput,
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  async run({ orgId, period }, ctx): Promise<MoneyOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    const community = org.level === 'community'
    const communities = await communitiesUnder(ctx, org)
    const seriesBy = community ? new Map([[org._id, await communitySeries(ctx, org._id, period)]]) : await seriesOfCommunities(ctx, communities, period)
    const seriesList = [...seriesBy.values()]
    // One read of the published policies on the communities' chains: who is eligible (those in
    // force at the period's end) and the titles of the policies that have figures.
    const { byCommunity, policies } = await eligibleGroupsOfCommunities(ctx, communities, periodRange(period).to)
    const ids = policyIdsIn(seriesList, period)
    const titles = new Map<string, string>(policies.map((p) => [p._id, p.title]))
    const unknown = ids.filter((id) => !titles.has(id))
    if (unknown.length) {
      const page = await ctx.store.collection('policies').find({ where: where.in<Policy>('_id', unknown), limit: unknown.length })
      for (const p of page.items) titles.set(p._id, p.title)
    }
    return {
      org: orgRef(org),
      period,
      periodName: periodName(period),
      communities: seriesList.length,
      byKind: benefitRows(seriesList, period),
      byGroup: groupRows(seriesList, period),
      byPolicy: policyRows(seriesList, period, titles),
      loanSteps: loanRows(seriesList, period),
      fourInOne: fourInOneShare(seriesList, period),
      overridden: overriddenCount(seriesList, period),
      enjoyment: sumEnjoyment(seriesBy, period, byCommunity),
      canDrill: can(caller.staff.role, 'intent.read'),
    }
  },
})
