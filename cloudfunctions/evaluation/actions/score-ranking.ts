import { scoreRankingInput, type ScoreRankingOutput, type ScoreRankingRow } from '../../_shared/contracts/evaluation'
import type { Org } from '../../_shared/domain/org'
import { type ReviewRubric, type ReviewScore, reviewersTotal, rubricId } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import { evaluationQueue, scoresWaiting } from '../../_shared/application/work-queues'
import { where } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { districtOf } from '../scoring'

/**
 * The communities in the caller's scope ranked per district by the reviewers' totals (the mean of
 * the submitted street and district totals), the city's spot-check score beside. The scores are
 * one query: the year's score documents whose community path holds the caller's org.
 */
export const scoreRanking = defineAction({
  input: scoreRankingInput,
  ...evaluationStaff('evaluation.read'),
  async run({ year }, ctx): Promise<ScoreRankingOutput> {
    const caller = ctx.caller
    const scores: ReviewScore[] = []
    for await (const batch of ctx.store.collection('reviewScores').scan(where.and<ReviewScore>(where.eq('year', year), where.eq('status', 'submitted'), where.has('communityPath', caller.org._id)), 200)) scores.push(...batch)
    const communities: Org[] = []
    for await (const batch of ctx.store.collection('orgs').scan(where.and<Org>(where.eq('level', 'community'), where.has('path', caller.org._id)), 200)) communities.push(...batch)
    // The districts the communities lie in (the caller's own, or its parent's, or the city's all).
    const districtIds = [...new Set(communities.map((c) => c.path[c.path.length - 3]).filter((x): x is string => Boolean(x)))]
    const [districts, rubrics] = await Promise.all([
      ctx.store.collection('orgs').find({ where: where.in<Org>('_id', districtIds), limit: 100 }),
      ctx.store.collection('reviewRubrics').find({ where: where.in<ReviewRubric>('_id', districtIds.map((d) => rubricId(d, year))), limit: 100 }),
    ])
    // 评审待打分 (the workbench line opens this list filtered to them): marked when the caller's level scores.
    const toScore = caller.kind === 'staff' ? await scoresWaiting(ctx, caller, year, await evaluationQueue(ctx, caller, year, communities)) : null
    const own = caller.org.level === 'district' ? caller.org : caller.org.level === 'city' ? null : await districtOf(ctx, caller.org)
    const out: ScoreRankingOutput['districts'] = []
    for (const d of districts.items.filter((x) => x.level === 'district').sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
      if (own && own._id !== d._id) continue
      const rows: ScoreRankingRow[] = communities
        .filter((c) => c.path.includes(d._id))
        .map((c) => {
          const of = (level: ReviewScore['level']) => scores.find((s) => s.communityId === c._id && s.level === level)?.total ?? null
          const street = of('street')
          const district = of('district')
          const row: ScoreRankingRow = { communityId: c._id, communityName: c.name, street, district, reviewers: reviewersTotal(street, district), city: of('city'), rank: null }
          if (toScore) row.toScore = toScore.waiting.has(c._id)
          return row
        })
      rows.sort((x, y) => (y.reviewers ?? -1) - (x.reviewers ?? -1) || x.communityName.localeCompare(y.communityName, 'zh'))
      let n = 0
      for (const r of rows) if (r.reviewers !== null) r.rank = ++n
      const rubric = rubrics.items.find((r) => r.districtId === d._id)
      out.push({ districtId: d._id, districtName: d.name, hasRubric: Boolean(rubric), closed: rubric?.closed ?? false, rows })
    }
    return { year, districts: out }
  },
})
