import { closeRubricInput } from '../../_shared/contracts/evaluation'
import type { ReviewRubric } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { evaluationStaff } from '../application'
import { loadRubric } from '../scoring'

/** The district closes its year's scoring (no score or rubric edit until reopened) or reopens it. */
export const closeRubric = defineAction({
  input: closeRubricInput,
  ...evaluationStaff('evaluation.rubric'),
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, closed }, ctx): Promise<{ year: number; closed: boolean }> {
    const caller = ctx.caller
    const current = await loadRubric(ctx, caller.org._id, year)
    if (!current) throw conflict(`${year} 年还没有制定评审内容，无需关闭`)
    const set: Partial<ReviewRubric> = closed ? { closed, closedBy: caller.staff._id, closedAt: ctx.now().toISOString() } : { closed, closedBy: '', closedAt: '' }
    await ctx.store.collection('reviewRubrics').update(current._id, { set, inc: { version: 1 } })
    return { year, closed }
  },
})
