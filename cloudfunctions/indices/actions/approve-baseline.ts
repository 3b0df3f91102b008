import { approveBaselineInput, type BaselineReview } from '../../_shared/contracts/indices'
import { counterId } from '../../_shared/domain/counter'
import { BASELINE_APPROVED_AT, BASELINE_APPROVED_BY } from '../../_shared/domain/indices'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { baselineReviewOf, FIGURES_REFUSED, targetOrg } from '../../_shared/application/figures-scope'

/**
 * The street reviews a community's baseline (劳动年龄人口, 就业人数, 新增就业) for a period and
 * approves it: who and when are kept in the period's counter document, so a dashboard still reads
 * one document set and an index over an unapproved baseline says so. Changing a figure afterwards
 * takes the approval back. Audited.
 */
export const approveBaseline = defineAction({
  input: approveBaselineInput,
  ...staffWith('index.baselineReview', FIGURES_REFUSED['index.baselineReview']),
  audit: 'write',
  target: (input) => `${input.communityId}:${input.period}`,
  async run({ communityId, period }, ctx): Promise<{ communityId: string; period: string; review: BaselineReview }> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, communityId)
    if (org.level !== 'community') throw validation([{ path: 'communityId', message: '请选择一个社区' }])
    const id = counterId(org._id, period)
    const doc = await ctx.store.collection('counters').get(id)
    if (!baselineReviewOf(doc).entered) throw conflict(`${org.name}还没有录入这一期的基数，请社区先录入`)
    const at = ctx.now()
    const set = { [BASELINE_APPROVED_AT]: at.getTime(), [BASELINE_APPROVED_BY]: caller.staff.name }
    await ctx.store.collection('counters').update(id, { set })
    return { communityId: org._id, period, review: baselineReviewOf(doc ? { ...doc, ...set } : null) }
  },
})
