import { surveyAnswerInput } from '../../_shared/contracts/survey'
import { type Survey, surveyState } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, forbidden, notFound, validation } from '../../_shared/runtime/errors'
import { deviceSlotId, residentCommunity, residentMayAnswer, responseId, signedUpForEvent } from '../access'
import { applyAnswer } from '../record'

function refuseUnlessOpen(survey: Survey, today: string): void {
  const state = surveyState(survey, today)
  if (state === 'closed') throw conflict('这份问卷已经结束，不能再提交了，感谢关注')
  if (state === 'scheduled') throw conflict(`这份问卷还没开始，${survey.opensOn} 起可以填写`)
}

/**
 * A resident's answer. One response per resident per survey: its id is a keyed hash of the
 * survey and the resident, so answering again before the survey closes replaces the earlier
 * answer, and the tally and counters move by the difference in the same transaction.
 *
 * Why a resident may change their answer until the close date (and not only answer once): the
 * seeds measure 创业环境满意度 as residents' current opinion of the community's service, one
 * respondent one voice; a resident who misread a question or whose case moved on since should
 * be able to correct it, and a locked answer only pushes them to ask for a new anonymous
 * session. What must not happen is a second voice: the keyed-hash id keeps the response count,
 * the per-question tally and the index at one per person (the form says 截止前可以修改).
 * After the close date the index is final and nothing changes it. A retry
 * with the same request id (a dropped connection) is answered without applying it again.
 */
export const answer = defineAction({
  input: surveyAnswerInput,
  access: 'resident',
  async run(input, ctx): Promise<{ answered: true; replaced: boolean }> {
    const today = shanghaiDate(ctx.now())
    const survey = await ctx.store.collection('surveys').get(input.id)
    if (!survey || survey.status === 'draft') throw notFound('问卷不存在或已删除')
    refuseUnlessOpen(survey, today)
    // Business rules, not access: a survey's audience (those signed up for its event, or the
    // residents of its community when it opened) is part of what the survey is.
    if (survey.kind === 'event') {
      if (!(await signedUpForEvent(ctx, survey))) throw forbidden('这份问卷只请报名参加了这场活动的居民填写')
    } else {
      // The community held when the survey opened: moving one's profile opens no other survey.
      const community = await residentCommunity(ctx, survey.opensOn)
      if (!community) throw validation([{ path: 'community', message: '请先选择你所在的社区' }], '请先选择你所在的社区')
      if (!residentMayAnswer(survey, community)) throw forbidden(`这份问卷只面向${survey.orgName}的居民`)
    }
    const fields: { path: string; message: string }[] = []
    if (input.levels.length !== survey.questions.length) {
      fields.push({ path: 'levels', message: `请回答全部 ${survey.questions.length} 道题` })
    }
    input.levels.forEach((l, i) => {
      const q = survey.questions[i]
      if (q?.options && 5 - l >= q.options.length) fields.push({ path: `levels.${i}`, message: '请从给出的选项中选择' })
    })
    const seen = new Set<string>()
    input.comments.forEach((c, i) => {
      const q = survey.questions.find((x) => x.id === c.question)
      if (!q || !q.allowComment) fields.push({ path: `comments.${i}.question`, message: '这道题不需要填写意见' })
      else if (seen.has(c.question)) fields.push({ path: `comments.${i}.question`, message: '每道题只能写一条意见' })
      seen.add(c.question)
    })
    if (fields.length) throw validation(fields)
    const id = responseId(ctx, survey._id)
    const slotId = deviceSlotId(ctx, survey._id)
    // Keyed with the response id, so it says nothing about who answered.
    const requestKey = input.requestId ? ctx.keyring.keyedHash('survey-request', id, input.requestId).slice(0, 24) : undefined
    const replaced = await ctx.store.transaction(async (tx) => {
      if (requestKey) {
        const previous = await tx.collection('surveyResponses').get(id)
        // A retry of the submission already applied: answer as the first call did.
        if (previous?.lastRequest === requestKey) return previous.revisions > 0
      }
      // Re-read inside the transaction: a close that lands first wins.
      const current = await tx.collection('surveys').get(survey._id)
      if (!current) throw notFound('问卷不存在或已删除')
      refuseUnlessOpen(current, today)
      if (slotId) {
        // One response per device as well as per identity: a fresh anonymous token on the same
        // browser does not make a second respondent.
        const slot = await tx.collection('surveyDevices').get(slotId)
        if (slot && slot.responseId !== id) throw conflict('这台设备已经提交过这份问卷，每台设备、每人只能填写一次')
        if (!slot) await tx.collection('surveyDevices').insert({ _id: slotId, surveyId: current._id, responseId: id })
      }
      return applyAnswer(tx, current, id, input.levels, input.comments, today, requestKey)
    })
    return { answered: true, replaced }
  },
})
