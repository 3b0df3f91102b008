import { surveyIdInput, type SurveyView } from '../../_shared/contracts/survey'
import { emptyTally, type Survey } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, SURVEY_WRITE, toView } from '../access'

/** Publishes a draft: residents can answer from its first day. Its empty tally is created with it. */
export const publish = defineAction({
  input: surveyIdInput,
  ...SURVEY_WRITE,
  async run({ id }, ctx): Promise<SurveyView> {
    const current = await loadSurveyInScope(ctx, id)
    const now = ctx.now()
    const today = shanghaiDate(now)
    if (current.status === 'published') return toView(current, ctx.caller, today)
    if (current.status === 'closed') throw conflict('问卷已结束，不能再发布；可以新建一份')
    if (current.closesOn < today) throw conflict('结束日期已经过了，请先修改日期再发布')
    const at = now.toISOString()
    const set: Partial<Survey> = { status: 'published', publishedAt: at, updatedAt: at, updatedBy: ctx.caller.id }
    await ctx.store.transaction(async (tx) => {
      const changed = await tx
        .collection('surveys')
        .update(id, { set, inc: { version: 1 } }, where.and<Survey>(where.eq('version', current.version), where.eq('status', 'draft')))
      if (!changed) throw conflict('问卷已被他人修改，请刷新后再试')
      await tx.collection('surveyTallies').put(emptyTally(current))
    })
    return toView({ ...current, ...set, version: current.version + 1 }, ctx.caller, today)
  },
})
