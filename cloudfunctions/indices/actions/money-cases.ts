import { moneyCasesInput, type MoneyCasesOutput } from '../../_shared/contracts/indices'
import type { Case } from '../../_shared/domain/case'
import { periodName, periodRange } from '../../_shared/domain/period'
import { isGap } from '../../_shared/domain/money'
import type { TargetGroup } from '../../_shared/domain/target-groups'
import { eligibleGroupsOfCommunities } from '../../_shared/application/enjoyment'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { communitiesUnder, targetOrg } from '../../_shared/application/figures-scope'
import { CASES_BEHIND_A_FIGURE, casesCounted, countsToward } from './drilldown'

/**
 * The ledger cases behind one money figure (a benefit kind, target group or policy, a loan step,
 * the 四位一体 loans, the 应享未享 of 政策享受率): the org's cases whose own contributions count toward that metric in the
 * period — the same contributions the counters were moved by — a bounded number per call.
 */
export const moneyCases = defineAction({
  input: moneyCasesInput,
  ...CASES_BEHIND_A_FIGURE,
  async run({ orgId, period, metric, after }, ctx): Promise<MoneyCasesOutput> {
    const org = await targetOrg(ctx, ctx.caller, orgId)
    const spec = { metrics: [metric], mode: 'flow' as const, period }
    // 应享未享 (gap_<group|all>): started by the period's end, in a group a policy in force is for,
    // no eligible benefit yet — judged against the same policies as the breakdown.
    const gapKey = metric.startsWith('gap_') ? (metric.slice(4) as TargetGroup | 'all') : null
    const end = periodRange(period).to
    const eligible = gapKey ? (await eligibleGroupsOfCommunities(ctx, await communitiesUnder(ctx, org), end)).byCommunity : null
    const counts = (i: Case): boolean => {
      if (!gapKey || !eligible) return countsToward(i, spec)
      const groups = eligible.get(i.communityId)
      return groups !== undefined && isGap(i, i.startedAt ? shanghaiDate(new Date(i.startedAt)) : null, gapKey, groups, end)
    }
    const filter = org.level === 'community' ? where.eq<Case>('communityId', org._id) : where.has<Case>('communityPath', org._id)
    const today = shanghaiDate(ctx.now())
    const { items, next } = await casesCounted(ctx, filter, counts, today, after)
    return { metric, periodName: periodName(period), items, next }
  },
})
