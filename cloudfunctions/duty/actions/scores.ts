import { assertYearOpen } from '../../_shared/application/targets'
import { dutyAdjustInput, type DutyScoreRow, type DutyScores, dutyYearInput } from '../../_shared/contracts/duty'
import { DUTY_YEAR, type DutyAdjustment, type DutyTask, doneOnTime, DUTY_SCORE_RULE, dutyScore } from '../../_shared/domain/duty'
import { defineAction, type StaffCaller, type StaffCtx } from '../../_shared/runtime/action'
import { forbidden, notFound } from '../../_shared/runtime/errors'
import { tasksInScope } from '../access'

/** The level above an owner: the setting org for a department, an org strictly above for a district/street. */
function mayAdjust(caller: StaffCaller, task: Pick<DutyTask, 'department' | 'ownerOrgId' | 'ownerPath'>): boolean {
  if (!task.ownerPath.includes(caller.org._id)) return false
  return task.department !== null ? task.ownerOrgId === caller.org._id : task.ownerOrgId !== caller.org._id
}

async function rows(ctx: StaffCtx, year: number): Promise<DutyScoreRow[]> {
  const tasks = await tasksInScope(ctx, year, ctx.caller.org._id)
  const byOwner = new Map<string, DutyTask[]>()
  for (const t of tasks) byOwner.set(t.ownerKey, [...(byOwner.get(t.ownerKey) ?? []), t])
  const out: DutyScoreRow[] = []
  for (const [ownerKey, mine] of byOwner) {
    const adj = await ctx.store.collection('dutyAdjustments').get(`${year}_${ownerKey}`)
    const { ownerPath: _p, ...adjustment } = adj ?? { ownerPath: [] }
    out.push({
      ownerKey,
      ownerName: mine[0].ownerName,
      tasks: mine.length,
      weight: mine.reduce((s, t) => s + t.weight, 0),
      onTimeWeight: mine.reduce((s, t) => s + (doneOnTime(t) ? t.weight : 0), 0),
      // Σ(weight × done-on-time) ÷ Σweight × 100 (domain/duty.ts dutyScore), computed on every call.
      computed: dutyScore(mine),
      adjustment: adj ? (adjustment as DutyScoreRow['adjustment']) : null,
      adjustable: mayAdjust(ctx.caller, mine[0]),
    })
  }
  return out.sort((a, b) => a.ownerName.localeCompare(b.ownerName))
}

/** 目标责任考核: each owner's result for the year, computed on demand, with any adjustment beside it. */
export const scores = defineAction({
  input: dutyYearInput,
  access: 'staff',
  permission: 'duty.report',
  refusal: '你的角色不能查看考核结果',
  async run({ year }, ctx): Promise<DutyScores> {
    return { year, rule: DUTY_SCORE_RULE, rows: await rows(ctx, year) }
  },
})

/** The level above adjusts an owner's result with a reason; the computed figure stays and is shown beside it. */
export const adjust = defineAction({
  input: dutyAdjustInput,
  access: 'staff',
  permission: 'duty.assign',
  refusal: '你的角色不能调整考核结果',
  audit: 'write',
  target: (input) => `${input.year}_${input.ownerKey}`,
  async run(input, ctx): Promise<DutyScores> {
    const { caller } = ctx
    const all = await rows(ctx, input.year)
    const row = all.find((r) => r.ownerKey === input.ownerKey)
    if (!row) throw notFound('该年度没有这个责任单位的任务')
    if (!row.adjustable) throw forbidden('只有上一级能调整考核结果')
    await assertYearOpen(ctx.store, input.year, DUTY_YEAR)
    const sample = (await tasksInScope(ctx, input.year, caller.org._id)).find((t) => t.ownerKey === input.ownerKey)!
    const record: DutyAdjustment = {
      _id: `${input.year}_${input.ownerKey}`,
      year: input.year,
      ownerKey: input.ownerKey,
      ownerPath: sample.ownerPath,
      score: Math.round(input.score * 10) / 10,
      reason: input.reason,
      computedAtAdjustment: row.computed ?? 0,
      byId: caller.staff._id,
      byName: caller.staff.name,
      orgName: caller.org.name,
      at: ctx.now().toISOString(),
    }
    await ctx.store.collection('dutyAdjustments').put(record)
    return { year: input.year, rule: DUTY_SCORE_RULE, rows: await rows(ctx, input.year) }
  },
})
