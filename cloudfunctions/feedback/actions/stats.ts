import { type FeedbackCounts, type FeedbackIndices, feedbackStatsInput, type FeedbackStatsOutput, type OverdueFeedback } from '../../_shared/contracts/feedback'
import type { Counter } from '../../_shared/domain/counter'
import { ageInDays, type Feedback, FEEDBACK_METRICS, FEEDBACK_STATUSES } from '../../_shared/domain/feedback'
import { isWithin, type Org } from '../../_shared/domain/org'
import { periodsOf } from '../../_shared/domain/period'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, type Ctx } from '../../_shared/runtime/action'
import { missingOrOutOfScope } from '../../_shared/runtime/errors'
import { type Filter, where } from '../../_shared/store/port'
import { feedbackQuery, feedbackScope } from '../../_shared/application/work-queues'
import { FEEDBACK_REFUSED } from '../item'

const OVERDUE_LISTED = 100

async function countsOf(ctx: Ctx, scope: Filter<Feedback>, today: string): Promise<FeedbackCounts> {
  const col = ctx.store.collection('feedback')
  const counts = { total: 0, overdue: 0 } as FeedbackCounts
  for (const status of FEEDBACK_STATUSES) {
    counts[status] = await col.count(where.and(scope, where.eq('status', status)))
    counts.total += counts[status]
  }
  counts.overdue = await col.count(feedbackQuery(scope, { overdue: true }, today).where)
  return counts
}

async function communitiesUnder(ctx: Ctx, org: Org): Promise<Org[]> {
  if (org.level === 'community') return [org]
  const out: Org[] = []
  let after: string | null = null
  do {
    const page = await ctx.store.collection('orgs').find({
      where: where.and<Org>(where.has('path', org._id), where.eq('level', 'community')),
      orderBy: [{ field: 'name', dir: 'asc' }],
      limit: 100,
      after,
    })
    out.push(...page.items)
    after = page.next
  } while (after)
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
  access: 'staff',
  permission: 'feedback.stats',
  refusal: FEEDBACK_REFUSED['feedback.stats'],
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

    const rows: FeedbackStatsOutput['communities'] = []
    for (const c of communities) rows.push({ orgId: c._id, name: c.name, counts: await countsOf(ctx, where.eq('communityId', c._id), today) })
    return {
      scope: { orgId: org._id, name: org.name, level: org.level },
      counts: org.level === 'community' ? rows[0].counts : await countsOf(ctx, scope, today),
      communities: rows,
      overdueItems,
      indices: await indicesOf(ctx, communities, periodsOf(now).year),
    }
  },
})
