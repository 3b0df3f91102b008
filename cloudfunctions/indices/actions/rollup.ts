import { rollupInput, type RollupOutput, type RollupRow } from '../../_shared/contracts/indices'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { targetRecords, targetsOfPath } from '../../_shared/application/targets'
import { forbidden } from '../../_shared/runtime/errors'
import { FIGURES_REFUSED, eligibleListOf, indicesOf, orgsUnder, orgRef, seriesOfCommunities, targetOrg } from '../../_shared/application/figures-scope'

/**
 * The org's children (streets of a district, communities of a street…), each the sum of its
 * communities, ranked by `sortBy` (missing values last), with the indices below target named.
 */
export const rollup = defineAction({
  input: rollupInput,
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  async run({ orgId, period, sortBy }, ctx): Promise<RollupOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, orgId)
    // Business rule, not access: a community may read its figures (see `dashboard`), it just has
    // no units below it to rank.
    if (org.level === 'community') throw forbidden('社区没有下级单位可以排名')
    const subtree = await orgsUnder(ctx, org)
    const communities = subtree.filter((o) => o.level === 'community')
    const series = await seriesOfCommunities(ctx, communities, period)
    const year = Number(period.slice(0, 4))
    const children = subtree.filter((o) => o.parentId === org._id)
    const records = await targetRecords(ctx.store, [...org.path, ...children.map((c) => c._id)], year)
    const asOf = shanghaiDate(ctx.now())
    // 政策享受率 from eligibility: one read of the policies on the communities' chains.
    const eligibility = await eligibleListOf(ctx, communities, period)
    const at = (p: string) => new Map(communities.map((c, i) => [c._id, eligibility(p)[i]]))
    const rows: RollupRow[] = children.map((child) => {
      const under = communities.filter((c) => c.path.includes(child._id))
      const indices = indicesOf(
        under.map((c) => series.get(c._id) ?? new Map()),
        period,
        child.level !== 'community',
        targetsOfPath(records, child.path, year),
        asOf,
        (p) => {
          const byId = at(p)
          return under.map((c) => byId.get(c._id))
        },
      )
      return { org: orgRef(child), communities: under.length, indices, belowTarget: indices.filter((i) => i.light === 'below').map((i) => i.key) }
    })
    const valueOf = (r: RollupRow) => r.indices.find((i) => i.key === sortBy)?.value ?? null
    rows.sort((a, b) => {
      const va = valueOf(a)
      const vb = valueOf(b)
      if (va === null && vb === null) return a.org.name.localeCompare(b.org.name, 'zh')
      if (va === null) return 1
      if (vb === null) return -1
      return vb - va
    })
    return { org: orgRef(org), period, sortBy, rows }
  },
})
