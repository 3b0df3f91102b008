import { targetsInput, type TargetRow, type TargetsOutput } from '../../_shared/contracts/indices'
import { INDEX_DEF_BY_KEY, type IndexKey } from '../../_shared/domain/indices'
import { can } from '../../_shared/domain/roles'
import { REOPEN_WHO, TARGET_RULES, TARGET_SOURCE_LABELS, targetId } from '../../_shared/domain/target'
import { localAverageOf, localAverageView } from '../../_shared/application/census'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { FIGURES_REFUSED, orgRef } from '../../_shared/application/figures-scope'
import { orgInScope, targetRecords, targetsOfPath } from '../../_shared/application/targets'
import { where } from '../../_shared/store/port'

/**
 * One org's targets for a year: what it is measured against (its own record, or an ancestor's
 * for ratios), where each comes from, and its children's shares, for the 目标 page.
 */
export const targets = defineAction({
  input: targetsInput,
  ...staffWith('index.read', FIGURES_REFUSED['index.read']),
  async run({ orgId, year }, ctx): Promise<TargetsOutput> {
    const caller = ctx.caller
    const org = await orgInScope(ctx.store, caller.org, orgId)
    const children = (await ctx.store.collection('orgs').find({ where: where.eq('parentId', org._id), limit: 500 })).items.sort((a, b) => a._id.localeCompare(b._id))
    const records = await targetRecords(ctx.store, [...org.path, ...children.map((c) => c._id)], year)
    const mine = targetsOfPath(records, org.path, year)
    const ofChild = new Map(children.map((c) => [c._id, targetsOfPath(records, c.path, year)]))
    const exact = (orgIdOf: string, index: IndexKey) => records.find((r) => r._id === targetId(year, orgIdOf, index)) ?? null
    const rows: TargetRow[] = []
    for (const [index, rule] of Object.entries(TARGET_RULES) as [IndexKey, NonNullable<(typeof TARGET_RULES)[IndexKey]>][]) {
      const def = INDEX_DEF_BY_KEY.get(index)
      if (!def) continue
      const kids = children.map((c) => ({ org: orgRef(c), effective: ofChild.get(c._id)?.get(index) ?? null, own: exact(c._id, index) }))
      const shares = kids.map((k) => k.own?.value).filter((v): v is number => typeof v === 'number')
      rows.push({
        index,
        label: def.label,
        unit: def.unit,
        kind: rule.kind,
        split: rule.split,
        effective: mine.get(index) ?? null,
        own: exact(org._id, index),
        children: kids,
        childSum: rule.split === 'sum' && shares.length ? shares.reduce((n, v) => n + v, 0) : null,
      })
    }
    const closed = Boolean((await ctx.store.collection('targetYears').get(String(year)))?.closed)
    const role = caller.staff.role
    return {
      org: orgRef(org),
      year,
      closed,
      reopenBy: REOPEN_WHO,
      rows,
      canSet: !closed && org.level === 'city' && can(role, 'target.set'),
      canSplit: !closed && children.length > 0 && can(role, 'target.split'),
      canClose: can(role, 'target.close'),
      sourceLabels: TARGET_SOURCE_LABELS,
      localAverage: localAverageView(await localAverageOf(ctx, year)),
    }
  },
})
