import { type SurveyDetail, surveyIdInput } from '../../_shared/contracts/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { notFound, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { inScope, residentCommunity, residentMayAnswer, responseId, signedUpForEvent, toView } from '../access'

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
      return { survey: toView(survey, caller, today), answered: false, mine: null, outOfScope: false, needsCommunity: false, limitNote: '' }
    }
    if (survey.status === 'draft') throw notFound('问卷不存在或已删除')
    const [community, mine, signedUp] = await Promise.all([
      residentCommunity(ctx, survey.opensOn),
      store.collection('surveyResponses').get(responseId(ctx, survey._id)),
      signedUpForEvent(ctx, survey),
    ])
    const needsCommunity = survey.kind !== 'event' && community === null
    const outOfScope = survey.kind === 'event' ? !signedUp : !needsCommunity && !residentMayAnswer(survey, community)
    return {
      survey: toView(survey, caller, today),
      answered: mine !== null,
      mine: mine ? { levels: mine.levels, comments: mine.comments } : null,
      outOfScope,
      needsCommunity,
      limitNote:
        caller.kind === 'resident' && caller.deviceId
          ? '每人、每台设备只能提交一份，截止前可以修改自己的答案'
          : '每人只能提交一份，截止前可以修改自己的答案',
    }
  },
})
