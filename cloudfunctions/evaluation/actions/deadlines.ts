import { deadlinesInput, type DeadlinesOutput } from '../../_shared/contracts/evaluation'
import { can } from '../../_shared/domain/roles'
import { defineAction } from '../../_shared/runtime/action'
import { forbidden } from '../../_shared/runtime/errors'
import { deadlinesOf, evaluator } from '../application'

/** A year's four deadlines (the seeds' months unless the city set others); with `set`, the city changes them. */
export const deadlines = defineAction({
  input: deadlinesInput,
  access: 'staff',
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, set }, ctx): Promise<DeadlinesOutput> {
    const caller = evaluator(ctx, 'evaluation.read')
    const mayEdit = can(caller.staff.role, 'evaluation.deadlines')
    if (set) {
      if (!mayEdit) throw forbidden('只有市创建办可以设置截止日期')
      await ctx.store.collection('evaluationDeadlines').put({ _id: String(year), year, ...set, updatedAt: ctx.now().toISOString(), updatedBy: caller.staff._id })
    }
    const d = await deadlinesOf(ctx.store, year)
    return { year, ...d, mayEdit }
  },
})
