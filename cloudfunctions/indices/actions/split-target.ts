import { splitTargetInput } from '../../_shared/contracts/indices'
import { INDEX_DEF_BY_KEY } from '../../_shared/domain/indices'
import { splitProblem, TARGET_RULES, targetId, type TargetRecord } from '../../_shared/domain/target'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { AppError, validation } from '../../_shared/runtime/errors'
import { assertYearOpen, orgInScope, TARGETS_REFUSED, targetRecords, targetsOfPath } from '../../_shared/application/targets'
import { where } from '../../_shared/store/port'
import type { FieldError } from '../../_shared/contracts/common'

/**
 * A level splits its target for a year among its children (目标任务层层分解落实). Counts: every
 * child gets a share and the shares add up to the level's own target (else 400, nothing written).
 * Ratios: a child's value overrides what it would inherit; null returns it to inheriting. The
 * shares keep the source of the target they split.
 */
export const splitTarget = defineAction({
  input: splitTargetInput,
  ...staffWith('target.split', TARGETS_REFUSED['target.split']),
  audit: 'write',
  target: (input) => `${input.year}:${input.orgId ?? ''}:${input.index}`,
  async run({ index, year, orgId, shares }, ctx): Promise<{ written: number; removed: number }> {
    const caller = ctx.caller
    const org = await orgInScope(ctx.store, caller.org, orgId)
    await assertYearOpen(ctx.store, year)
    const rule = TARGET_RULES[index]
    const def = INDEX_DEF_BY_KEY.get(index)
    if (!rule || !def) throw validation([{ path: 'index', message: '这个指标不能设目标' }])
    const children = (await ctx.store.collection('orgs').find({ where: where.eq('parentId', org._id), limit: 500 })).items
    const byId = new Map(children.map((c) => [c._id, c]))
    const fields: FieldError[] = []
    const seen = new Set<string>()
    shares.forEach((s, i) => {
      if (!byId.has(s.orgId)) fields.push({ path: `shares.${i}.orgId`, message: '不是本级的下级单位' })
      else if (seen.has(s.orgId)) fields.push({ path: `shares.${i}.orgId`, message: '重复填写了同一个单位' })
      seen.add(s.orgId)
      if (rule.kind === 'aboveLast' && s.value !== null) fields.push({ path: `shares.${i}.value`, message: '这个指标的目标是“高于上年”，不填数值' })
      if (rule.split === 'sum' && (s.value === null || !Number.isInteger(s.value))) fields.push({ path: `shares.${i}.value`, message: '请填写整数' })
    })
    if (fields.length) throw validation(fields)
    const own = targetsOfPath(await targetRecords(ctx.store, org.path, year), org.path, year).get(index) ?? null
    if (!own) throw new AppError('CONFLICT', `${org.name}还没有 ${year} 年的“${def.label}”目标，先由上级设定或分解`)
    if (rule.split === 'sum') {
      const missing = children.filter((c) => !seen.has(c._id))
      if (missing.length) throw validation([{ path: 'shares', message: `请为每个下级填写分解数（缺：${missing.map((m) => m.name).join('、')}）` }])
      const problem = splitProblem(own.value ?? 0, shares.map((s) => s.value ?? 0))
      if (problem) throw validation([{ path: 'shares', message: problem }], problem)
    }
    let written = 0
    let removed = 0
    const at = ctx.now().toISOString()
    await ctx.store.transaction(async (tx) => {
      for (const s of shares) {
        const child = byId.get(s.orgId)
        if (!child) continue
        const id = targetId(year, child._id, index)
        if (rule.split === 'inherit' && s.value === null && rule.kind !== 'aboveLast') {
          if (await tx.collection('targets').get(id)) {
            await tx.collection('targets').remove(id)
            removed++
          }
          continue
        }
        const doc: TargetRecord = { _id: id, index, orgId: child._id, orgPath: child.path, year, value: s.value, source: own.source, splitFrom: org._id, setBy: caller.staff._id, setAt: at }
        await tx.collection('targets').put(doc)
        written++
      }
    })
    return { written, removed }
  },
})
