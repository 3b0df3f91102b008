import { JUDGING_RULES } from '../../_shared/domain/judging'
import { assertYearOpen } from '../../_shared/application/targets'
import { dutyAdjustInput, type DutyScoreRow, type DutyScores, dutyYearInput } from '../../_shared/contracts/duty'
import { DUTY_YEAR, type DutyAdjustment, type DutyTask, doneOnTime, DUTY_SCORE_RULE, dutyResult, taskItems } from '../../_shared/domain/duty'
import { dutyTargetItems } from '../../_shared/application/duty-targets'
import { orgsUnder } from '../../_shared/application/figures-scope'
import type { OrgLevel } from '../../_shared/domain/org'
import { defineAction, type StaffCaller, type StaffCtx, staffWith } from '../../_shared/runtime/action'
import { forbidden, notFound } from '../../_shared/runtime/errors'
import { tasksInScope } from '../access'

/** The level above an owner: the setting org for a department, an org strictly above for a district/street. */
function mayAdjust(caller: StaffCaller, owner: { department: string | null; ownerOrgId: string; ownerPath: readonly string[] }): boolean {
  if (!owner.ownerPath.includes(caller.org._id)) return false
  return owner.department !== null ? owner.ownerOrgId === caller.org._id : owner.ownerOrgId !== caller.org._id
}

/** The orgs whose 目标责任考核 the caller sees beside task owners: districts and streets in its subtree (itself included). */
const SCORED_LEVELS: readonly OrgLevel[] = ['district', 'street']

type Row = DutyScoreRow & { ownerPath: string[] }

/**
 * Every result in the caller's scope for the year: each district/street in its subtree (targets
 * and tasks; `dutyResult`) and each department owner (tasks only), computed on every call.
 */
async function rows(ctx: StaffCtx, year: number): Promise<Row[]> {
  const tasks = await tasksInScope(ctx, year, ctx.caller.org._id)
  const byOwner = new Map<string, DutyTask[]>()
  for (const t of tasks) byOwner.set(t.ownerKey, [...(byOwner.get(t.ownerKey) ?? []), t])
  const orgs = (await orgsUnder(ctx, ctx.caller.org)).filter((o) => SCORED_LEVELS.includes(o.level))
  const targets = await dutyTargetItems(ctx, ctx.caller.org, orgs, year)
  const owners = new Map<string, { name: string; department: string | null; ownerOrgId: string; ownerPath: string[] }>()
  for (const o of orgs) owners.set(o._id, { name: o.name, department: null, ownerOrgId: o._id, ownerPath: o.path })
  for (const [key, [t]] of byOwner) if (!owners.has(key)) owners.set(key, { name: t.ownerName, department: t.department, ownerOrgId: t.ownerOrgId, ownerPath: t.ownerPath })
  const out: Row[] = []
  for (const [ownerKey, owner] of owners) {
    const mine = byOwner.get(ownerKey) ?? []
    const targetItems = owner.department === null ? (targets.get(ownerKey) ?? []) : []
    const adj = await ctx.store.collection('dutyAdjustments').get(`${year}_${ownerKey}`)
    const { ownerPath: _p, ...adjustment } = adj ?? { ownerPath: [] }
    out.push({
      ownerKey,
      ownerName: owner.name,
      ownerPath: owner.ownerPath,
      tasks: mine.length,
      weight: mine.reduce((s, t) => s + t.weight, 0),
      onTimeWeight: mine.reduce((s, t) => s + (doneOnTime(t) ? t.weight : 0), 0),
      targets: targetItems,
      targetWeight: targetItems.reduce((s, i) => s + i.weight, 0),
      targetPoints: Math.round(targetItems.reduce((s, i) => s + i.points, 0) * 1000) / 1000,
      // Σ(weight × rate) ÷ Σweight × 100 over targets and tasks (domain/duty.ts dutyResult).
      computed: dutyResult([...targetItems, ...taskItems(mine)]),
      adjustment: adj ? (adjustment as DutyScoreRow['adjustment']) : null,
      adjustable: mayAdjust(ctx.caller, owner),
    })
  }
  return out.sort((a, b) => a.ownerName.localeCompare(b.ownerName))
}

const shown = (all: Row[]): DutyScoreRow[] => all.map(({ ownerPath: _p, ...r }) => r)

/** 目标责任考核: each owner's result for the year, computed on demand, with any adjustment beside it. */
export const scores = defineAction({
  input: dutyYearInput,
  ...staffWith('duty.report', '你的角色不能查看考核结果'),
  async run({ year }, ctx): Promise<DutyScores> {
    return { year, rule: DUTY_SCORE_RULE, rules: [JUDGING_RULES.dutyTargetWeight], rows: shown(await rows(ctx, year)) }
  },
})

/** The level above adjusts an owner's result with a reason; the computed figure stays and is shown beside it. */
export const adjust = defineAction({
  input: dutyAdjustInput,
  ...staffWith('duty.assign', '你的角色不能调整考核结果'),
  audit: 'write',
  target: (input) => `${input.year}_${input.ownerKey}`,
  async run(input, ctx): Promise<DutyScores> {
    const { caller } = ctx
    const all = await rows(ctx, input.year)
    const row = all.find((r) => r.ownerKey === input.ownerKey)
    if (!row) throw notFound('该年度没有这个责任单位的考核结果')
    // Business rule, not access: the caller sees this owner's result (it is in their scope); the
    // assessment rule says who adjusts it: the org above an org unit, the org itself for its own
    // departments — an org never grades itself.
    if (!row.adjustable) throw forbidden('只有上一级能调整考核结果')
    if (row.computed === null) throw notFound('这个单位本年度无考核内容（既无目标也无任务），没有可调整的结果')
    await assertYearOpen(ctx.store, input.year, DUTY_YEAR)
    const record: DutyAdjustment = {
      _id: `${input.year}_${input.ownerKey}`,
      year: input.year,
      ownerKey: input.ownerKey,
      ownerPath: row.ownerPath,
      score: Math.round(input.score * 10) / 10,
      reason: input.reason,
      computedAtAdjustment: row.computed ?? 0,
      byId: caller.staff._id,
      byName: caller.staff.name,
      orgName: caller.org.name,
      at: ctx.now().toISOString(),
    }
    await ctx.store.collection('dutyAdjustments').put(record)
    return { year: input.year, rule: DUTY_SCORE_RULE, rules: [JUDGING_RULES.dutyTargetWeight], rows: shown(await rows(ctx, input.year)) }
  },
})
