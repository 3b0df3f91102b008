import { surveyIdInput, type SurveyView } from '../../_shared/contracts/survey'
import type { Survey } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, forbidden } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, SURVEY_WRITE, toView } from '../access'

/** Closes a published survey: no more answers, and residents see the results. */
export const close = defineAction({
  input: surveyIdInput,
  ...SURVEY_WRITE,
  async run({ id }, ctx): Promise<SurveyView> {
    const current = await loadSurveyInScope(ctx, id)
    // Business rule, not access: the city's spot-check questionnaire is the city's to end, not
    // the community's it checks (the community may still see and manage its own surveys).
    if (current.kind === 'spotcheck' && ctx.caller.org.level !== 'city') throw forbidden('市级抽查问卷只能由市创建办结束')
    const now = ctx.now()
    const today = shanghaiDate(now)
    if (current.status === 'closed') return toView(current, ctx.caller, today)
    if (current.status === 'draft') throw conflict('草稿还没有发布，不需要结束')
    const at = now.toISOString()
    const set: Partial<Survey> = { status: 'closed', closedAt: at, updatedAt: at, updatedBy: ctx.caller.id }
    const changed = await ctx.store
      .collection('surveys')
      .update(id, { set, inc: { version: 1 } }, where.eq<Survey>('version', current.version))
    if (!changed) throw conflict('问卷已被他人修改，请刷新后再试')
    return toView({ ...current, ...set, version: current.version + 1 }, ctx.caller, today)
  },
})
