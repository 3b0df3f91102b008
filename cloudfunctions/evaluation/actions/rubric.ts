import { rubricInput, type RubricOutput } from '../../_shared/contracts/evaluation'
import { INDEX_DEFS } from '../../_shared/domain/indices'
import { can } from '../../_shared/domain/roles'
import { DEFAULT_RUBRIC_ITEMS, type ReviewScore } from '../../_shared/domain/review-rubric'
import { defineAction } from '../../_shared/runtime/action'
import type { Ctx } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { loadRubric, rubricDistrict } from '../scoring'

/** The indices a 定量 item may draw on, by name. */
export const INDEX_OPTIONS = INDEX_DEFS.map((d) => ({ key: d.key, label: d.label }))

/** Submitted scores given against a district's rubric for a year. */
export async function submittedScores(ctx: Pick<Ctx, 'store'>, districtId: string, year: number): Promise<number> {
  return ctx.store.collection('reviewScores').count(where.and<ReviewScore>(where.eq('districtId', districtId), where.eq('year', year), where.eq('status', 'submitted')))
}

/**
 * A district's 评审内容 for a year: its own once written, else seed 000's five 定性 and five 定量
 * items to start from. The caller's district (the city names one).
 */
export const rubric = defineAction({
  input: rubricInput,
  ...evaluationStaff('evaluation.read'),
  async run({ year, districtId }, ctx): Promise<RubricOutput> {
    const caller = ctx.caller
    const district = await rubricDistrict(ctx, caller, districtId)
    const [doc, submitted] = await Promise.all([loadRubric(ctx, district._id, year), submittedScores(ctx, district._id, year)])
    const own = caller.org._id === district._id && can(caller.staff.role, 'evaluation.rubric')
    const closed = doc?.closed ?? false
    return {
      year,
      districtId: district._id,
      districtName: district.name,
      items: doc ? doc.items : DEFAULT_RUBRIC_ITEMS.map((i) => ({ ...i, indices: [...i.indices] })),
      custom: Boolean(doc),
      closed,
      version: doc?.version ?? 0,
      submitted,
      mayEdit: own && !closed && submitted === 0,
      mayClose: own && Boolean(doc),
      indexOptions: INDEX_OPTIONS,
    }
  },
})
