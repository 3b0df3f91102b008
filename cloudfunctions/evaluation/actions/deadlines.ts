import { deadlinesInput, type DeadlinesOutput } from '../../_shared/contracts/evaluation'
import { isYearClosed } from '../../_shared/domain/evaluation'
import { can } from '../../_shared/domain/roles'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { deadlinesOf, REFUSED, evaluationStaff } from '../application'

/**
 * A year's four deadlines (the seeds' months unless the city set others); with `set`, the city
 * changes them: each no earlier than the step before it (the schema names the field), and not on
 * a year whose evaluation is over.
 */
export const deadlines = defineAction({
  input: deadlinesInput,
  ...evaluationStaff('evaluation.read'),
  rules: [{ on: '`set` given', when: (input) => Boolean(input.set), access: 'staff', permission: 'evaluation.deadlines', refusal: REFUSED['evaluation.deadlines'] }],
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, set }, ctx): Promise<DeadlinesOutput> {
    const caller = ctx.caller
    const mayEdit = can(caller.staff.role, 'evaluation.deadlines')
    if (set) {
      const current = await deadlinesOf(ctx.store, year)
      if (isYearClosed(current, shanghaiDate(ctx.now()))) {
        throw validation([{ path: 'year', message: `${year} 年度评估已于 ${current.spotCheck} 结束，不能再改截止日期` }])
      }
      await ctx.store.collection('evaluationDeadlines').put({ _id: String(year), year, ...set, updatedAt: ctx.now().toISOString(), updatedBy: caller.staff._id })
    }
    const d = await deadlinesOf(ctx.store, year)
    return { year, ...d, mayEdit }
  },
})
