/**
 * 政策享受率 from eligibility (issue 22 item 3): which target groups the policies in force make
 * eligible in each community, from one query of the policies of the communities' chains.
 */
import { eligibleGroupsOf, type EnjoymentRow, enjoymentRows } from '../domain/money'
import type { Org } from '../domain/org'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { isInForce, isVisibleTo, type Policy } from '../domain/policy'
import { stock, type Series } from '../domain/indices'
import type { Ctx } from '../runtime/action'
import { where } from '../store/port'

export type EligibleGroups = { all: boolean; mask: number }

/**
 * The published policies of every org on the communities' chains (one read), and per community the
 * groups those in force on `date` are for. The policies come back too (the money breakdown's titles).
 */
export async function eligibleGroupsOfCommunities(
  ctx: Pick<Ctx, 'store'>,
  communities: readonly Pick<Org, '_id' | 'path'>[],
  date: string,
): Promise<{ byCommunity: Map<string, EligibleGroups>; policies: Policy[] }> {
  const chain = [...new Set(communities.flatMap((c) => c.path))]
  const policies: Policy[] = []
  if (chain.length) {
    const page = await ctx.store.collection('policies').find({ where: where.and<Policy>(where.in('orgId', chain), where.eq('status', 'published')), limit: 1000 })
    policies.push(...page.items)
  }
  return { byCommunity: judgeEligibleGroups(policies, communities, date), policies }
}

/** Per community, the groups `policies` in force on `date` and visible to it are for. */
export function judgeEligibleGroups(policies: readonly Policy[], communities: readonly Pick<Org, '_id' | 'path'>[], date: string): Map<string, EligibleGroups> {
  const inForce = policies.filter((p) => isInForce(p, date))
  const byCommunity = new Map<string, EligibleGroups>()
  for (const c of communities) byCommunity.set(c._id, eligibleGroupsOf(inForce.filter((p) => isVisibleTo(p, c.path))))
  return byCommunity
}

/** The communities' 政策享受率 rows summed by row (each community judged by its own chain's policies). */
export function sumEnjoyment(series: ReadonlyMap<string, Series>, period: string, groups: ReadonlyMap<string, EligibleGroups>): EnjoymentRow[] {
  const out = new Map<string, EnjoymentRow>()
  for (const [communityId, s] of series) {
    const g = groups.get(communityId)
    if (!g) continue
    const metrics = new Set<string>()
    for (const doc of s.values()) for (const k of Object.keys(doc)) metrics.add(k)
    for (const r of enjoymentRows(metrics, (m) => stock(s, period, m), g)) {
      const prev = out.get(r.key)
      if (!prev) out.set(r.key, { ...r })
      else {
        prev.eligible += r.eligible
        prev.benefited += r.benefited
        prev.missing += r.missing
        prev.value = prev.eligible ? prev.benefited / prev.eligible : null
      }
    }
  }
  if (!out.has('all')) out.set('all', { key: 'all', label: '全部创业者', eligible: 0, benefited: 0, missing: 0, value: null, metric: 'gap_all' })
  const order = (k: string) => (k === 'all' ? -1 : TARGET_GROUPS.indexOf(k as TargetGroup))
  return [...out.values()].sort((a, b) => order(a.key) - order(b.key))
}
