import { type SurveyCard, surveyOpenInput, type SurveyOpenOutput } from '../../_shared/contracts/survey'
import { type Survey, surveyState } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { answerableByResident, residentCommunity, responseId } from '../access'

/**
 * The surveys open to me today (my community's and those of the orgs above it), and the last few
 * closed ones whose results I can read. Event surveys are answered on site, so they are not listed.
 */
export const open = defineAction({
  input: surveyOpenInput,
  access: 'any',
  async run(_input, ctx): Promise<SurveyOpenOutput> {
    const { store, caller } = ctx
    const today = shanghaiDate(ctx.now())
    const path = caller.kind === 'staff' ? caller.org.path : ((await residentCommunity(ctx))?.path ?? null)
    if (!path) return { needsCommunity: true, open: [], closed: [] }
    const surveys = store.collection('surveys')
    const [openPage, closedPage] = await Promise.all([
      surveys.find({
        where: where.and<Survey>(
          where.eq('status', 'published'),
          where.in('orgId', path),
          where.lte('opensOn', today),
          where.gte('closesOn', today),
          where.ne('kind', 'event'),
        ),
        orderBy: [{ field: 'closesOn', dir: 'asc' }],
        limit: 20,
      }),
      surveys.find({
        where: where.and<Survey>(
          where.in('orgId', path),
          where.ne('kind', 'event'),
          where.or(where.eq('status', 'closed'), where.and(where.eq('status', 'published'), where.lt('closesOn', today))),
        ),
        orderBy: [{ field: 'closesOn', dir: 'desc' }],
        limit: 5,
      }),
    ])
    // Listed by today's community, offered only where the opening-day rule lets them answer.
    let openItems = openPage.items
    if (caller.kind === 'resident') {
      const answerable = await answerableByResident(ctx)
      const keep = await Promise.all(openItems.map(answerable))
      openItems = openItems.filter((_, i) => keep[i])
    }
    const all = [...openItems, ...closedPage.items]
    let answered = new Set<string>()
    if (caller.kind === 'resident' && all.length) {
      const ids = new Map(all.map((s) => [responseId(ctx, s._id), s._id]))
      const mine = await store.collection('surveyResponses').find({ where: where.in('_id', [...ids.keys()]), limit: 50 })
      answered = new Set(mine.items.map((r) => r.surveyId))
    }
    const card = (s: Survey): SurveyCard => ({
      _id: s._id,
      title: s.title,
      kind: s.kind,
      orgName: s.orgName,
      period: s.period,
      closesOn: s.closesOn,
      questionCount: s.questions.length,
      state: surveyState(s, today),
      answered: answered.has(s._id),
    })
    return { needsCommunity: false, open: openItems.map(card), closed: closedPage.items.map(card) }
  },
})
