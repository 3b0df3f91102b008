import { saveBaselineInput, type SaveBaselineOutput } from '../../_shared/contracts/indices'
import { type Counter, counterId } from '../../_shared/domain/counter'
import { BASELINE_APPROVED_AT, BASELINE_APPROVED_BY, BASELINE_FIELDS, baselineMetric, enteredBaseline, seriesOf } from '../../_shared/domain/indices'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { baselineReviewOf, FIGURES_REFUSED, targetOrg } from '../../_shared/application/figures-scope'

/**
 * A community's baseline for a period: working-age residents, employed residents and new
 * employment, the denominators the app cannot observe. Kept in the community's counter document
 * for the period (prefix `base_`), so the dashboard still reads one document set; a field left
 * out keeps its value, null clears it. Audited.
 */
export const saveBaseline = defineAction({
  input: saveBaselineInput,
  ...staffWith('index.baseline', FIGURES_REFUSED['index.baseline']),
  // A baseline is a community's own count of what the app cannot observe: only that community
  // enters it (an office above reads it on the dashboard). A community's scope is itself, so
  // `targetOrg` below answers any other community with 404.
  rules: [{ on: 'every call (a community enters its own)', access: 'staff', levels: ['community'], refusal: '只能录入本社区的基数' }],
  audit: 'write',
  target: (input) => `${input.communityId ?? ''}:${input.period}`,
  async run(input, ctx): Promise<SaveBaselineOutput> {
    const caller = ctx.caller
    const org = await targetOrg(ctx, caller, input.communityId)
    const set: Record<string, number | string> = {}
    for (const f of BASELINE_FIELDS) {
      const v = input[f]
      if (v !== undefined) set[baselineMetric(f)] = v ?? 0
    }
    // New figures need the street's review again.
    if (Object.keys(set).length) {
      set[BASELINE_APPROVED_AT] = 0
      set[BASELINE_APPROVED_BY] = ''
    }
    const id = counterId(org._id, input.period)
    const doc = await ctx.store.transaction(async (tx) => {
      const counters = tx.collection('counters')
      const current = await counters.get(id)
      if (current) {
        await counters.update(id, { set })
        const next: Counter = { ...current, ...set }
        return next
      }
      const created: Counter = { _id: id, orgId: org._id, period: input.period, ...set }
      await counters.insert(created)
      return created
    })
    return { communityId: org._id, period: input.period, baseline: enteredBaseline(seriesOf([doc]).get(org._id) ?? new Map(), input.period), review: baselineReviewOf(doc) }
  },
})
