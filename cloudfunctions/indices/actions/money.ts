import { moneyInput, type MoneyOutput } from '../../_shared/contracts/indices'
import { benefitRows, fourInOneShare, groupRows, loanRows, overriddenCount, policyIdsIn, policyRows } from '../../_shared/domain/indices'
import type { Policy } from '../../_shared/domain/policy'
import { periodName } from '../../_shared/domain/period'
import { can } from '../../_shared/domain/roles'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { FIGURES_REFUSED, communitiesUnder, communitySeries, orgRef, seriesOfCommunities, targetOrg } from '../../_shared/application/figures-scope'

/**
 * Benefits and loans of one org and period (issue 22, seed 000 定量 (2)): counts and amounts by
 * kind, by target group and by policy, loan steps, and the 四位一体 share. Summed from the month
 * counter documents (a community: the same one read as its dashboard; upper levels sum their
 * communities), plus one read for the titles of the policies that have figures.
 */
export const money = defineAction({
  input: moneyInput,
  access: 'staff',
  permission: 'index.read',
  refusal: FIGURES_REFUSED['index.read'],
  async run({ orgId, period }, ctx): Promise<MoneyOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    const community = org.level === 'community'
    const seriesList = community
      ? [await communitySeries(ctx, org._id, period)]
      : [...(await seriesOfCommunities(ctx, await communitiesUnder(ctx, org), period)).values()]
    const ids = policyIdsIn(seriesList, period)
    const titles = new Map<string, string>()
    if (ids.length) {
      const page = await ctx.store.collection('policies').find({ where: where.in<Policy>('_id', ids), limit: ids.length })
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
      canDrill: can(caller.staff.role, 'intent.read'),
    }
  },
})
