import { rankingInput, type RankingRow } from '../../_shared/contracts/evaluation'
import { type EvaluationApplication, spotSummary } from '../../_shared/domain/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { questionnaireOf, evaluationStaff } from '../application'

/**
 * Certified communities in the caller's scope with their spot-check summaries, best score first
 * (communities not yet scored last): what the city selects demonstration communities from.
 */
export const ranking = defineAction({
  input: rankingInput,
  ...evaluationStaff('evaluation.read'),
  async run({ year }, ctx): Promise<{ year: number; rows: RankingRow[] }> {
    const caller = ctx.caller
    const scope = where.and<EvaluationApplication>(
      where.eq('year', year),
      where.in('status', ['certified', 'spot_checked', 'selected']),
      where.has('communityPath', caller.org._id),
    )
    const apps: EvaluationApplication[] = []
    for await (const batch of ctx.store.collection('evaluations').scan(scope, 200)) apps.push(...batch)
    const rows = await Promise.all(
      apps.map(async (a) => ({
        id: a._id,
        communityId: a.communityId,
        communityName: a.communityName,
        status: a.status,
        summary: spotSummary(a.sample, a.calls, await questionnaireOf(ctx.store, a.surveyId)),
        rank: 0,
      })),
    )
    rows.sort((x, y) => (y.summary.score ?? -1) - (x.summary.score ?? -1) || x.communityName.localeCompare(y.communityName, 'zh'))
    rows.forEach((r, i) => (r.rank = i + 1))
    return { year, rows }
  },
})
