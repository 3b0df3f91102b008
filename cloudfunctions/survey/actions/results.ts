import { type SurveyComment, type SurveyResults, surveyResultsInput } from '../../_shared/contracts/survey'
import { previousPeriod } from '../../_shared/domain/period'
import { computeIndex, type Survey, type SurveyResponse, surveyState } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import type { Ctx } from '../../_shared/runtime/action'
import { forbidden, notFound } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, residentCommunity, responseId, surveyHeading } from '../access'

/** The same org's survey of the same kind one quarter earlier, with its index. */
async function previousOf(ctx: Ctx, survey: Survey): Promise<SurveyResults['previous']> {
  const page = await ctx.store.collection('surveys').find({
    where: where.and<Survey>(
      where.eq('orgId', survey.orgId),
      where.eq('kind', survey.kind),
      where.eq('period', previousPeriod(survey.period)),
      where.ne('status', 'draft'),
    ),
    orderBy: [{ field: 'publishedAt', dir: 'desc' }],
    limit: 1,
  })
  const prev = page.items[0]
  if (!prev) return null
  const tally = await ctx.store.collection('surveyTallies').get(prev._id)
  return { surveyId: prev._id, title: prev.title, period: prev.period, index: computeIndex(prev, tally) }
}

/**
 * The satisfaction index of a survey, from its tally (one read). Staff in scope see it at any
 * time, with the previous quarter and the comments; residents of the community (or anyone who
 * answered) see the index once the survey has closed.
 */
export const results = defineAction({
  input: surveyResultsInput,
  access: 'any',
  async run({ id, commentsAfter }, ctx): Promise<SurveyResults> {
    const { store, caller } = ctx
    const today = shanghaiDate(ctx.now())
    let survey: Survey
    if (caller.kind === 'staff') {
      survey = await loadSurveyInScope(ctx, id, 'survey.read')
    } else {
      const found = await store.collection('surveys').get(id)
      if (!found || found.status === 'draft') throw notFound('问卷不存在或已删除')
      // Business rules, not access: residents see a survey's index once it has closed (so
      // answers are not swayed), and only the surveyed community's residents or those who answered.
      if (surveyState(found, today) !== 'closed') throw forbidden('问卷结束后才能查看结果')
      if (found.kind !== 'event') {
        const community = await residentCommunity(ctx)
        const mine = community?.path.includes(found.orgId)
          ? true
          : (await store.collection('surveyResponses').get(responseId(ctx, found._id))) !== null
        if (!mine) throw forbidden(`这是${found.orgName}的调查结果`)
      }
      survey = found
    }
    const tally = await store.collection('surveyTallies').get(survey._id)
    const head: SurveyResults['survey'] = { ...surveyHeading(survey), closedAt: survey.closedAt, state: surveyState(survey, today) }
    const index = computeIndex(survey, tally)
    if (caller.kind !== 'staff') return { survey: head, index, previous: null, comments: null }

    const questionText = new Map(survey.questions.map((q) => [q.id, q.text]))
    const [previous, page] = await Promise.all([
      previousOf(ctx, survey),
      // Ordered by the keyed-hash id: a stable order that says nothing about who or when.
      store.collection('surveyResponses').find({
        where: where.and<SurveyResponse>(where.eq('surveyId', survey._id), where.eq('hasComment', true)),
        limit: 20,
        after: commentsAfter ?? null,
      }),
    ])
    const items: SurveyComment[] = page.items.flatMap((r) =>
      r.comments.map((c) => ({ question: c.question, questionText: questionText.get(c.question) ?? '', text: c.text })),
    )
    return { survey: head, index, previous, comments: { items, next: page.next } }
  },
})
