import { deadlinesInput, type DeadlinesOutput } from '../../_shared/contracts/evaluation'
import { can } from '../../_shared/domain/roles'
import { defineAction } from '../../_shared/runtime/action'
import { deadlinesOf, REFUSED } from '../application'

/** A year's four deadlines (the seeds' months unless the city set others); with `set`, the city changes them. */
export const deadlines = defineAction({
  input: deadlinesInput,
  access: 'staff',
  permission: 'evaluation.read',
  refusal: REFUSED['evaluation.read'],
  rules: [{ on: '`set` given', when: (input) => Boolean(input.set), access: 'staff', permission: 'evaluation.deadlines', refusal: REFUSED['evaluation.deadlines'] }],
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, set }, ctx): Promise<DeadlinesOutput> {
    const caller = ctx.caller
    const mayEdit = can(caller.staff.role, 'evaluation.deadlines')
    if (set) {
      await ctx.store.collection('evaluationDeadlines').put({ _id: String(year), year, ...set, updatedAt: ctx.now().toISOString(), updatedBy: caller.staff._id })
    }
    const d = await deadlinesOf(ctx.store, year)
    return { year, ...d, mayEdit }
  },
})
