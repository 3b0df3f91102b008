import { scoreInput, type ScoreSheetOutput } from '../../_shared/contracts/evaluation'
import type { FieldError } from '../../_shared/contracts/common'
import { type ReviewScore, reopenerOf, SCORE_LEVEL_LABELS, scoreId, scoreLevelOf, scoreTotal } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { REFUSED, evaluationStaff } from '../application'
import { districtOf, loadRubric, scopedCommunity } from '../scoring'
import { scoreSheetOf } from './score-sheet'

/**
 * The caller's level (street 初评, district 认定, city 抽查) scores a community in its scope against
 * its district's 评审内容: each item a score in the item's range and a comment; `submit` locks the
 * scores (only the level above can send them back). Every check runs before anything is written.
 */
export const score = defineAction({
  input: scoreInput,
  ...evaluationStaff('evaluation.score'),
  // Scores are given by a level of the chain (street 初评, district 认定, city 抽查); a community scores nobody.
  rules: [{ on: 'every call (a reviewing level)', access: 'staff', levels: ['street', 'district', 'city'], refusal: REFUSED['evaluation.score'] }],
  audit: 'write',
  target: (input) => `${input.communityId}:${input.year}`,
  async run({ communityId, year, version, submit, items }, ctx): Promise<ScoreSheetOutput> {
    const caller = ctx.caller
    // Never null past the rule above.
    const level = scoreLevelOf(caller.org.level) ?? 'street'
    const community = await scopedCommunity(ctx, caller, communityId)
    const district = await districtOf(ctx, community)
    if (!district) throw conflict('这个社区不属于任何县(区)，没有评审内容')
    const rubric = await loadRubric(ctx, district._id, year)
    if (!rubric) throw conflict(`${district.name}还没有制定 ${year} 年的评审内容，请先请${district.name}创建办制定`)

    // Each score inside its item's range, each key an item of the rubric: 400 naming the field.
    const byKey = new Map(rubric.items.map((i) => [i.key, i]))
    const bad: FieldError[] = []
    items.forEach((s, n) => {
      const item = byKey.get(s.key)
      if (!item) bad.push({ path: `items.${n}.key`, message: `评审内容里没有这一项（${s.key}）` })
      else if (s.score < 0 || s.score > item.max) bad.push({ path: `items.${n}.score`, message: `“${item.label}”的分数应在 0–${item.max} 之间` })
    })
    if (submit) {
      const given = new Set(items.map((s) => s.key))
      const missing = rubric.items.filter((i) => !given.has(i.key))
      if (missing.length) bad.push({ path: 'items', message: `请给每一项评分后再提交，还差：${missing.map((i) => i.label).join('、')}` })
    }
    if (bad.length) throw validation(bad)

    if (rubric.closed) throw conflict(`${year} 年评审已关闭，不能再评分；只有${district.name}创建办可以重新打开`)
    const id = scoreId(communityId, year, level)
    const current = await ctx.store.collection('reviewScores').get(id)
    if (current?.status === 'submitted') throw conflict(`${SCORE_LEVEL_LABELS[level]}评分已提交，不能再改；需要修改请联系${reopenerOf(level)}退回`)
    if (current && version !== undefined && version !== current.version) throw conflict('评分已被他人修改，请刷新后再试')

    const at = ctx.now().toISOString()
    const clean = rubric.items.flatMap((i) => {
      const s = items.find((x) => x.key === i.key)
      return s ? [{ key: i.key, score: s.score, comment: s.comment }] : []
    })
    const doc: ReviewScore = {
      _id: id,
      communityId,
      communityName: community.name,
      communityPath: community.path,
      districtId: district._id,
      year,
      level,
      items: clean,
      total: scoreTotal(rubric.items, clean),
      status: submit ? 'submitted' : 'draft',
      rubricVersion: rubric.version,
      byId: caller.staff._id,
      byName: caller.staff.name,
      updatedAt: at,
      submittedAt: submit ? at : '',
      reopened: current?.reopened ?? [],
      version: (current?.version ?? 0) + 1,
    }
    await ctx.store.transaction(async (tx) => {
      // Re-read inside the transaction: a colleague's write or the district's close in between refuses.
      const [now, r] = await Promise.all([tx.collection('reviewScores').get(id), tx.collection('reviewRubrics').get(rubric._id)])
      if ((now?.version ?? 0) !== (current?.version ?? 0)) throw conflict('评分已被他人修改，请刷新后再试')
      if (!r || r.closed || r.version !== rubric.version) throw conflict('评审内容刚刚有变化（修改或关闭），请刷新后再试')
      await tx.collection('reviewScores').put(doc)
    })
    return scoreSheetOf(ctx, caller, community, year)
  },
})
