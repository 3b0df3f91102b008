/**
 * The targets behind a 目标责任考核 result (issue 21 item 3): each org's targets for the year with
 * the live figure the dashboards show for it (the same `indicesOf` over the same counter documents,
 * period = the year, as of today), and the attainment `dutyResult` counts.
 */
import type { DutyTargetItem } from '../contracts/duty'
import { DUTY_TARGET_WEIGHT, itemPoints, targetAttainment } from '../domain/duty'
import type { Org } from '../domain/org'
import { periodRange } from '../domain/period'
import { shanghaiDate } from '../domain/time'
import type { Ctx } from '../runtime/action'
import { eligibleGroupsOfCommunities } from './enjoyment'
import { communitiesUnder, eligibilityFrom, indicesOf, seriesOfCommunities } from './figures-scope'
import { targetRecords, targetsOfPath } from './targets'

/**
 * The target items of every org in `orgs` (all inside the subtree of `root`) for `year`. Reads:
 * the communities under `root`, their counter documents, the policies on their chains and the
 * target records of the orgs' paths, once each, whatever the number of orgs.
 */
export async function dutyTargetItems(ctx: Pick<Ctx, 'store' | 'now'>, root: Org, orgs: readonly Org[], year: number): Promise<Map<string, DutyTargetItem[]>> {
  const out = new Map<string, DutyTargetItem[]>()
  if (!orgs.length) return out
  const period = String(year)
  const asOf = shanghaiDate(ctx.now())
  const communities = await communitiesUnder(ctx, root)
  const series = await seriesOfCommunities(ctx, communities, period)
  const { policies } = await eligibleGroupsOfCommunities(ctx, communities, periodRange(period).to)
  const records = await targetRecords(ctx.store, orgs.flatMap((o) => o.path), year)
  for (const org of orgs) {
    const mine = org.level === 'community' ? communities.filter((c) => c._id === org._id) : communities.filter((c) => c.path.includes(org._id))
    const indices = indicesOf(
      mine.map((c) => series.get(c._id) ?? new Map()),
      period,
      org.level !== 'community',
      targetsOfPath(records, org.path, year),
      asOf,
      eligibilityFrom(policies, mine),
    )
    const items: DutyTargetItem[] = []
    for (const i of indices) {
      if (!i.target) continue
      const { rate, note } = targetAttainment(i.target.kind, i.target.value, i.value, i.lastYear)
      items.push({
        index: i.key,
        label: i.label,
        unit: i.unit,
        targetText: i.target.text,
        kind: i.target.kind,
        value: i.target.value,
        sourceLabel: i.target.sourceLabel,
        inherited: i.target.inherited,
        live: i.value,
        lastYear: i.lastYear,
        weight: DUTY_TARGET_WEIGHT,
        rate,
        points: itemPoints({ weight: DUTY_TARGET_WEIGHT, rate }),
        note,
      })
    }
    out.set(org._id, items)
  }
  return out
}
