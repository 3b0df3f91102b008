import { type FeedbackCounts, type FeedbackIndices, feedbackStatsInput, type FeedbackStatsOutput, type OverdueFeedback } from '../../_shared/contracts/feedback'
import type { Counter } from '../../_shared/domain/counter'
import { ageInDays, type Feedback, FEEDBACK_METRICS, FEEDBACK_STATUSES } from '../../_shared/domain/feedback'
import { isWithin, type Org } from '../../_shared/domain/org'
import { periodsOf } from '../../_shared/domain/period'
import { FIRST_YEAR } from '../../_shared/domain/indices'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, type Ctx, staffWith } from '../../_shared/runtime/action'
import { missingOrOutOfScope } from '../../_shared/runtime/errors'
import { pagesOf, where } from '../../_shared/store/port'
import { feedbackQuery, feedbackScope } from '../../_shared/application/work-queues'
import { FEEDBACK_REFUSED } from '../item'

const OVERDUE_LISTED = 100

/**
 * Counts per status of each community, from its counter documents: every item counts in its
 * current status on its arrival day (`FEEDBACK_METRICS.inStatus`), so the year documents summed
 * give today's count. Reads grow with communities (one page per 100 counter documents), never
 * with items; overdue needs the day, so it is one count for each community with items awaiting
 * an answer.
 */
async function countsByCommunity(ctx: Ctx, communities: readonly Org[], now: Date, today: string): Promise<Map<string, FeedbackCounts>> {
  const years: string[] = []
  for (let y = FIRST_YEAR; y <= Number(periodsOf(now).year); y++) years.push(String(y))
  const out = new Map<string, FeedbackCounts>()
  for (const c of communities) out.set(c._id, { total: 0, overdue: 0, received: 0, in_progress: 0, answered: 0, closed: 0 })
  const ids = communities.map((c) => c._id)
  for (let k = 0; k < ids.length; k += 50) {
    const chunk = ids.slice(k, k + 50)
    for await (const batch of ctx.store.collection('counters').scan(where.and<Counter>(where.in('orgId', chunk), where.in('period', years)), 100)) {
      for (const doc of batch) {
        const counts = out.get(doc.orgId)
        if (!counts) continue
        for (const status of FEEDBACK_STATUSES) {
          const n = doc[FEEDBACK_METRICS.inStatus(status)]
          if (typeof n === 'number') counts[status] += n
        }
      }
    }
  }
  const col = ctx.store.collection('feedback')
  for (const [id, counts] of out) {
    counts.total = FEEDBACK_STATUSES.reduce((sum, s) => sum + counts[s], 0)
    if ((['received', 'in_progress'] as const).some((s) => counts[s] > 0)) {
      // The same query as the overdue list the workbench links to.
      counts.overdue = await col.count(feedbackQuery(where.eq<Feedback>('communityId', id), { overdue: true }, today).where)
    }
  }
  return out
}

function sumCounts(list: readonly FeedbackCounts[]): FeedbackCounts {
  const out: FeedbackCounts = { total: 0, overdue: 0, received: 0, in_progress: 0, answered: 0, closed: 0 }
  for (const c of list) for (const k of Object.keys(out) as (keyof FeedbackCounts)[]) out[k] += c[k]
  return out
}

async function communitiesUnder(ctx: Ctx, org: Org): Promise<Org[]> {
  if (org.level === 'community') return [org]
  const out: Org[] = []
  const communities = where.and<Org>(where.has('path', org._id), where.eq('level', 'community'))
  for await (const items of pagesOf(ctx.store.collection('orgs'), { where: communities, orderBy: [{ field: 'name', dir: 'asc' }] })) out.push(...items)
  return out
}

/** The year's feedback metrics, summed over the communities' counter documents (never averaged). */
async function indicesOf(ctx: Ctx, communities: readonly Org[], period: string): Promise<FeedbackIndices> {
  const sums = new Map<string, number>()
  for (let k = 0; k < communities.length; k += 100) {
    const ids = communities.slice(k, k + 100).map((c) => c._id)
    const page = await ctx.store.collection('counters').find({ where: where.and<Counter>(where.in('orgId', ids), where.eq('period', period)), limit: 100 })
    for (const doc of page.items) {
      for (const metric of Object.values(FEEDBACK_METRICS)) {
        if (typeof metric !== 'string') continue
        const n = doc[metric]
        if (typeof n === 'number') sums.set(metric, (sums.get(metric) ?? 0) + n)
      }
    }
  }
  const M = FEEDBACK_METRICS
  const get = (m: string) => sums.get(m) ?? 0
  const answered = get(M.answered)
  const ratings = get(M.ratings)
  return {
    period,
    received: get(M.received),
    answered,
    answeredOnTime: get(M.answeredOnTime),
    onTimeRate: answered ? Math.round((get(M.answeredOnTime) / answered) * 1000) / 10 : null,
    ratings,
    ratingSum: get(M.ratingSum),
    averageRating: ratings ? Math.round((get(M.ratingSum) / ratings) * 100) / 100 : null,
    complaintsUnresolved: get(M.complaintsUnresolved),
  }
}

/**
 * Counts per status and the overdue items for the caller's scope (a community, or every
 * community under a street, district or city), plus the year's indices from the counters. Only
 * what and how old, never who: no text, no names, no resident ids.
 */
export const stats = defineAction({
  input: feedbackStatsInput,
  ...staffWith('feedback.stats', FEEDBACK_REFUSED['feedback.stats']),
  async run(input, ctx): Promise<FeedbackStatsOutput> {
    const caller = ctx.caller
    const now = ctx.now()
    const today = shanghaiDate(now)
    let org = caller.org
    if (input.orgId && input.orgId !== org._id) {
      const wanted = await ctx.store.collection('orgs').get(input.orgId)
      if (!wanted || !isWithin(wanted.path, caller.org._id)) throw missingOrOutOfScope(wanted, '这个单位不在你负责的范围')
      org = wanted
    }
    const scope = feedbackScope(org)
    const communities = await communitiesUnder(ctx, org)

    const overdue = await ctx.store.collection('feedback').find({ ...feedbackQuery(scope, { overdue: true }, today), limit: OVERDUE_LISTED })
    const overdueItems: OverdueFeedback[] = overdue.items.map((f) => ({
      _id: f._id,
      kind: f.kind,
      status: f.status,
      communityId: f.communityId,
      communityName: f.communityName,
      dueDate: f.dueDate,
      ageDays: ageInDays(f.createdAt, now),
    }))

    const byCommunity = await countsByCommunity(ctx, communities, now, today)
    const rows: FeedbackStatsOutput['communities'] = communities.map((c) => ({ orgId: c._id, name: c.name, counts: byCommunity.get(c._id)! }))
    return {
      scope: { orgId: org._id, name: org.name, level: org.level },
      counts: org.level === 'community' ? rows[0].counts : sumCounts(rows.map((r) => r.counts)),
      communities: rows,
      overdueItems,
      indices: await indicesOf(ctx, communities, periodsOf(now).year),
    }
  },
})
