import { defineRubricInput, type RubricOutput } from '../../_shared/contracts/evaluation'
import { type ReviewRubric, rubricId } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { loadRubric } from '../scoring'
import { INDEX_OPTIONS, submittedScores } from './rubric'

/**
 * The district writes its 评审内容 for a year (seed 000: 各自县(区)也可根据实际情况制定评审内容):
 * items 定性 or 定量, weights adding up to 100, a score range each, and for 定量 items the indices
 * they draw on. Refused while the year is closed, or once a score has been submitted against it.
 */
export const defineRubric = defineAction({
  input: defineRubricInput,
  ...evaluationStaff('evaluation.rubric'),
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, version, items }, ctx): Promise<RubricOutput> {
    const caller = ctx.caller
    const district = caller.org
    const current = await loadRubric(ctx, district._id, year)
    if (current?.closed) throw conflict(`${year} 年评审已关闭；只有${district.name}创建办可以重新打开后再改评审内容`)
    if (current && version !== undefined && version !== current.version) throw conflict('评审内容已被他人修改，请刷新后再试')
    const submitted = await submittedScores(ctx, district._id, year)
    if (submitted > 0) throw conflict(`已有 ${submitted} 份评分按现在的评审内容提交，不能再改；需要改时请先退回这些评分`)
    const at = ctx.now().toISOString()
    const doc: ReviewRubric = {
      _id: rubricId(district._id, year),
      districtId: district._id,
      districtName: district.name,
      year,
      items: items.map((i) => ({ ...i, indices: i.kind === 'quantitative' ? i.indices : [] })),
      closed: false,
      closedBy: '',
      closedAt: '',
      updatedBy: caller.staff._id,
      updatedAt: at,
      version: (current?.version ?? 0) + 1,
    }
    if (current) {
      const ok = await ctx.store.collection('reviewRubrics').update(doc._id, { set: { items: doc.items, updatedBy: doc.updatedBy, updatedAt: at }, inc: { version: 1 } }, where.and<ReviewRubric>(where.eq('version', current.version), where.eq('closed', false)))
      if (!ok) throw conflict('评审内容已被他人修改，请刷新后再试')
    } else {
      await ctx.store.collection('reviewRubrics').insert(doc)
    }
    return { year, districtId: district._id, districtName: district.name, items: doc.items, custom: true, closed: false, version: doc.version, submitted: 0, mayEdit: true, mayClose: true, indexOptions: INDEX_OPTIONS }
  },
})
