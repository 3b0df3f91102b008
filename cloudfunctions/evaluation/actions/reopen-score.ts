import { reopenScoreInput, type ScoreSheetOutput } from '../../_shared/contracts/evaluation'
import { type ReviewScore, type ScoreLevel, reopenerOf, SCORE_LEVEL_LABELS, scoreId } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { districtOf, loadRubric, scopedCommunity } from '../scoring'
import { scoreSheetOf } from './score-sheet'

const refusedReopen = (level: ScoreLevel) => `${SCORE_LEVEL_LABELS[level]}评分只有${reopenerOf(level)}可以退回`

/**
 * The level above sends a submitted score back to be changed: the district its streets' and its
 * own, the city any (its spot-check score only it). The reason stays on the score.
 */
export const reopenScore = defineAction({
  input: reopenScoreInput,
  ...evaluationStaff('evaluation.reopenScore'),
  // The level above sends a score back: the city any level's, a district its streets' and its own.
  rules: [
    { on: '`level: city`', when: (input) => input.level === 'city', access: 'staff', levels: ['city'], refusalFor: (input) => refusedReopen(input.level) },
    { on: 'every level', access: 'staff', levels: ['city', 'district'], refusalFor: (input) => refusedReopen(input.level) },
  ],
  audit: 'write',
  target: (input) => scoreId(input.communityId, input.year, input.level),
  async run({ communityId, year, level, reason }, ctx): Promise<ScoreSheetOutput> {
    const caller = ctx.caller
    const community = await scopedCommunity(ctx, caller, communityId)
    const district = await districtOf(ctx, community)
    const rubric = district ? await loadRubric(ctx, district._id, year) : null
    if (rubric?.closed) throw conflict(`${year} 年评审已关闭；只有${rubric.districtName}创建办可以重新打开后再退回评分`)
    const id = scoreId(communityId, year, level)
    const current = await ctx.store.collection('reviewScores').get(id)
    if (!current || current.status !== 'submitted') throw conflict(`${SCORE_LEVEL_LABELS[level]}评分还没有提交，不需要退回`)
    const at = ctx.now().toISOString()
    const set: Partial<ReviewScore> = { status: 'draft', submittedAt: '', reopened: [...current.reopened, { at, byId: caller.staff._id, byName: caller.staff.name, reason }], updatedAt: at }
    if (!(await ctx.store.collection('reviewScores').update(id, { set, inc: { version: 1 } }, where.eq<ReviewScore>('version', current.version)))) throw conflict('评分已被他人修改，请刷新后再试')
    return scoreSheetOf(ctx, caller, community, year)
  },
})
