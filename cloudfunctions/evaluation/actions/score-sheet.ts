import { scoreSheetInput, type ScoreSheetOutput } from '../../_shared/contracts/evaluation'
import type { StaffCaller } from '../../_shared/application/figures-scope'
import type { Org } from '../../_shared/domain/org'
import { type ReviewScore, SCORE_LEVELS, type ScoreLevel, scoreId, scoreLevelOf } from '../../_shared/domain/review-rubric'
import { can } from '../../_shared/domain/roles'
import type { Ctx } from '../../_shared/runtime/action'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { districtOf, hintsFor, loadRubric, scopedCommunity, scoreView } from '../scoring'

/** A community's score sheet as the caller sees it: rubric, 定量 hints, each level's scores, what they may do. */
export async function scoreSheetOf(ctx: Ctx, caller: StaffCaller, community: Org, year: number): Promise<ScoreSheetOutput> {
  const district = await districtOf(ctx, community)
  if (!district) throw conflict('这个社区不属于任何县(区)，没有评审内容')
  const [rubric, page] = await Promise.all([
    loadRubric(ctx, district._id, year),
    ctx.store.collection('reviewScores').find({ where: where.in<ReviewScore>('_id', SCORE_LEVELS.map((l) => scoreId(community._id, year, l))), limit: SCORE_LEVELS.length }),
  ])
  const scores = Object.fromEntries(SCORE_LEVELS.map((l) => [l, scoreView(page.items.find((s) => s.level === l) ?? null)])) as ScoreSheetOutput['scores']
  const role = caller.staff.role
  const level = can(role, 'evaluation.score') ? scoreLevelOf(caller.org.level) : null
  const open = Boolean(rubric && !rubric.closed)
  const reopen: ScoreLevel[] = !open || !can(role, 'evaluation.reopenScore')
    ? []
    : SCORE_LEVELS.filter((l) => scores[l]?.status === 'submitted' && (caller.org.level === 'city' || (caller.org.level === 'district' && l !== 'city')))
  return {
    year,
    communityId: community._id,
    communityName: community.name,
    districtId: district._id,
    districtName: district.name,
    items: rubric?.items ?? null,
    closed: rubric?.closed ?? false,
    hints: rubric ? await hintsFor(ctx, community, year, rubric.items) : {},
    scores,
    mine: level,
    may: { score: Boolean(level && open && scores[level]?.status !== 'submitted'), reopen },
  }
}

/** `evaluation.scoreSheet`: one community's rubric, hints and scores (in the caller's scope). */
export const scoreSheet = defineAction({
  input: scoreSheetInput,
  ...evaluationStaff('evaluation.read'),
  async run({ communityId, year }, ctx): Promise<ScoreSheetOutput> {
    const community = await scopedCommunity(ctx, ctx.caller, communityId)
    return scoreSheetOf(ctx, ctx.caller, community, year)
  },
})
