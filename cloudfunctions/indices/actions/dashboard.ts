import { JUDGING_RULES } from '../../_shared/domain/judging'
import { dashboardInput, type DashboardOutput } from '../../_shared/contracts/indices'
import { activityRows, benefitRows, enteredBaseline } from '../../_shared/domain/indices'
import { periodName } from '../../_shared/domain/period'
import { can } from '../../_shared/domain/roles'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { targetsFor } from '../../_shared/application/targets'
import { localAverageOf, localAverageView } from '../../_shared/application/census'
import type { CriterionRow } from '../../_shared/contracts/indices'
import type { LocalAverageView } from '../../_shared/contracts/survey'
import { aboveAverage } from '../../_shared/domain/census'
import { type SetupCheck, setupChecks } from '../../_shared/domain/org-setup'

/**
 * A community's 组织体系 (seed 000 §二(一): 创建组织, 设备, 工作计划; §二(三): 宣传方案) checked beside its
 * targets, counted in each standard's met / of like the targets.
 */
function withSetupChecks(rows: CriterionRow[], checks: readonly SetupCheck[]): CriterionRow[] {
  return rows.map((r) => {
    const mine = checks.filter((c) => c.criterion === r.criterion)
    if (!mine.length) return r
    return {
      ...r,
      met: r.met + mine.filter((c) => c.met).length,
      of: r.of + mine.length,
      checks: [...(r.checks ?? []), ...mine.map((c) => ({ key: c.key, label: c.label, met: c.met, detail: c.detail }))],
    }
  })
}

/**
 * Seed 000 §二(五) 创业成果显著 asks 劳动者创业指数高于当地平均数: a check beside the targets, counted
 * in the standard's met / of (unknown → missing) so the checklist says it.
 */
function withAverageCheck(rows: CriterionRow[], activity: number | null, average: LocalAverageView | null): CriterionRow[] {
  return rows.map((r) => {
    if (r.criterion !== 'results') return r
    const met = aboveAverage(activity, average)
    const detail = !average
      ? '市创建办尚未公布当地平均数'
      : activity === null
        ? `当地平均数 ${average.percent}%，本级创业活动指数缺数据`
        : `创业活动指数 ${(activity * 100).toFixed(1)}%，当地平均数 ${average.percent}%`
    return {
      ...r,
      met: r.met + (met ? 1 : 0),
      of: r.of + 1,
      missing: r.missing + (met === null ? 1 : 0),
      checks: [{ key: 'aboveLocalAverage', label: '劳动者创业指数高于当地平均数', met, detail }],
    }
  })
}
import { FIGURES_REFUSED, baselineReviewOf, communitiesUnder, communityCounters, criteriaOf, eligibleListOf, indicesOf, orgRef, seriesOfCommunities, targetOrg, trendsOf } from '../../_shared/application/figures-scope'

/**
 * One org's indices for one period, with their trends, the benefits by kind, the period's
 * activity and the 创建标准 checklist. A community's own dashboard reads its counter documents (one
 * query) and the policies on its chain (one query, 政策享受率 from eligibility); an upper level sums its communities' numerators and denominators.
 */
export const dashboard = defineAction({
  input: dashboardInput,
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  async run({ orgId, period }, ctx): Promise<DashboardOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    const community = org.level === 'community'
    const own = community ? await communityCounters(ctx, org._id, period) : null
    const communities = community ? [org] : await communitiesUnder(ctx, org)
    const byCommunity = own ? null : await seriesOfCommunities(ctx, communities, period)
    const seriesList = own ? [own.series] : communities.map((c) => byCommunity?.get(c._id) ?? new Map())
    // 政策享受率 from eligibility: one read of the policies on the communities' chains.
    const eligible = await eligibleListOf(ctx, communities, period)
    const periodDoc = own?.docs.find((d) => d.period === period) ?? null
    const asOf = shanghaiDate(ctx.now())
    const year = Number(period.slice(0, 4))
    const average = localAverageView(await localAverageOf(ctx, year))
    const indices = indicesOf(seriesList, period, !community, await targetsFor(ctx.store, org, Number(period.slice(0, 4))), asOf, eligible)
    const activity = indices.find((i) => i.key === 'activity')
    // A community's 组织体系 is checked on its own dashboard (one more read); upper levels read their communities' dashboards.
    const setup = community ? setupChecks(await ctx.store.collection('orgSetups').get(org._id), year) : []
    return {
      org: orgRef(org),
      period,
      periodName: periodName(period),
      communities: seriesList.length,
      indices,
      trends: trendsOf(seriesList, period, !community, asOf, eligible),
      benefits: benefitRows(seriesList, period),
      activity: activityRows(seriesList, period),
      criteria: withSetupChecks(withAverageCheck(criteriaOf(indices), activity?.value ?? null, average), setup),
      baseline: community ? enteredBaseline(seriesList[0], period) : null,
      canEditBaseline: community && can(caller.staff.role, 'index.baseline') && org._id === caller.org._id,
      baselineReview: community ? baselineReviewOf(periodDoc) : null,
      canApproveBaseline: community && can(caller.staff.role, 'index.baselineReview'),
      canDrill: can(caller.staff.role, 'intent.read'),
      localAverage: average ? { view: average, above: aboveAverage(activity?.value ?? null, average) } : null,
      lightRule: JUDGING_RULES.closeShare,
    }
  },
})
