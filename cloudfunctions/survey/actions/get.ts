import { type SurveyDetail, surveyIdInput } from '../../_shared/contracts/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { notFound, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { inScope, residentCommunity, residentMayAnswer, responseId, toView } from '../access'

/**
 * One survey. Staff read any survey of their org and below. Residents read any published survey
 * by its id (event surveys are reached by scanning a code on site), with their own answer so
 * they can change it; drafts are not found.
 */
export const get = defineAction({
  input: surveyIdInput,
  access: 'any',
  async run({ id }, ctx): Promise<SurveyDetail> {
    const { store, caller } = ctx
    const today = shanghaiDate(ctx.now())
    const survey = await store.collection('surveys').get(id)
    if (!survey) throw notFound('问卷不存在或已删除')
    if (caller.kind === 'staff') {
      if (!inScope(caller, survey)) throw missingOrOutOfScope(survey, '问卷不存在或已删除')
      return { survey: toView(survey, caller, today), answered: false, mine: null, outOfScope: false, needsCommunity: false }
    }
    if (survey.status === 'draft') throw notFound('问卷不存在或已删除')
    const [community, mine] = await Promise.all([
      residentCommunity(ctx),
      store.collection('surveyResponses').get(responseId(ctx, survey._id)),
    ])
    const needsCommunity = survey.kind !== 'event' && community === null
    return {
      survey: toView(survey, caller, today),
      answered: mine !== null,
      mine: mine ? { levels: mine.levels, comments: mine.comments } : null,
      outOfScope: !needsCommunity && !residentMayAnswer(survey, community),
      needsCommunity,
    }
  },
})
