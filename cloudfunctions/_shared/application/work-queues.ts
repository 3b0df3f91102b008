/**
 * The lists a staff member works through, each written once as a store query. The list actions
 * (`ledger.list` / `ledger.gaps`, `feedback.list` / `feedback.stats`, `event.list`, `survey.list`,
 * `evaluation.list`) page through these queries and the workbench (`workbench.summary`) counts
 * them, so a count on the workbench is the length of the list its link opens.
 */
import type { GapKind, LedgerFilter } from '../contracts/intent'
import { AWAITING_ANSWER, type Feedback, type FeedbackKind, type FeedbackStatus } from '../domain/feedback'
import type { PromotionEvent } from '../domain/event'
import { DEADLINE_WAITS, type EvaluationApplication, type EvaluationStatus } from '../domain/evaluation'
import type { IndexKey } from '../domain/indices'
import type { Case } from '../domain/case'
import type { LeaderPairing } from '../domain/pairing'
import { isWithin, type Org } from '../domain/org'
import { isInForce, type Policy } from '../domain/policy'
import { can, type StaffRole } from '../domain/roles'
import { scoreLevelOf, type ReviewScore, type ScoreLevel } from '../domain/review-rubric'
import type { Report } from '../domain/report'
import type { Survey, SurveyStatus } from '../domain/survey'
import type { Ctx } from '../runtime/action'
import type { Caller } from '../runtime/caller'
import { missingOrOutOfScope } from '../runtime/errors'
import { type Filter, type OrderBy, where } from '../store/port'
import { communitiesUnder, eligibleListOf, indicesOf, seriesOfCommunities } from './figures-scope'
import { targetRecords, targetsOfPath } from './targets'
import { eligibleGroupsOf } from '../domain/money'
import { shanghaiDate } from '../domain/time'

type StaffCaller = Extract<Caller, { kind: 'staff' }>

/** A list as the store runs it: which records, in which order. */
export interface Query<T> {
  where: Filter<T>
  orderBy: OrderBy<T>[]
}

const DAY_MS = 86_400_000

/** `date` (YYYY-MM-DD) moved by `n` days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

// ——— cases (帮扶台帐) ———

/**
 * The cases a staff member sees: their own community's, or for street, district and city
 * staff every community below them (optionally one of them). A community outside the scope is
 * 404, like a case outside it.
 */
export async function caseScope(ctx: Ctx, caller: StaffCaller, communityId?: string): Promise<{ filter: Filter<Case>; community: Org | null }> {
  if (communityId) {
    const community = await ctx.store.collection('orgs').get(communityId)
    if (!community || community.level !== 'community' || !isWithin(community.path, caller.staff.orgId)) {
      throw missingOrOutOfScope(community, '这个社区不在你负责的范围')
    }
    return { filter: where.eq('communityId', community._id), community }
  }
  if (caller.org.level === 'community') return { filter: where.eq('communityId', caller.org._id), community: caller.org }
  return { filter: where.has('communityPath', caller.org._id), community: null }
}

/** The ledger's filter as typed store filters; request values only fill value slots. */
export function ledgerFilters(input: LedgerFilter, today: string): Filter<Case>[] {
  const filters: Filter<Case>[] = []
  if (input.status === 'active') filters.push(where.in('status', ['pending', 'accepted']))
  else if (input.status === 'pending') filters.push(where.eq('status', 'pending'))
  else if (input.status === 'withdrawn') filters.push(where.eq('status', 'withdrawn'))
  if (input.stage) filters.push(where.eq('stage', input.stage))
  if (input.need) filters.push(where.has('needs', input.need))
  if (input.targetGroup) filters.push(where.has('targetGroups', input.targetGroup))
  if (input.flag === 'unguided') filters.push(where.eq('askedHelp', true), where.eq('guidedAt', ''))
  // '' (no date planned) sorts before every real date, so `>= '0'` leaves it out.
  if (input.flag === 'overdue') filters.push(where.gte('nextFollowUpDate', '0'), where.lt('nextFollowUpDate', today))
  if (input.keyword) filters.push(where.contains('name', input.keyword))
  return filters
}

/** The ledger list (newest first) for a scope and a filter. */
export function ledgerQuery(scope: Filter<Case>, input: LedgerFilter, today: string): Query<Case> {
  return { where: where.and<Case>(scope, ...ledgerFilters(input, today)), orderBy: [{ field: 'createdAt', dir: 'desc' }] }
}


const ACTIVE = where.in<Case>('status', ['pending', 'accepted'])

/**
 * A gap list's query. 应享未享 is the set 政策享受率 counts as eligible without an eligible benefit
 * (`isGap` at today, which the dashboard's drill-down lists): entrepreneurs (a venture started) in
 * a group one of the community's policies in force is for, with no benefit they were eligible for
 * (`Case.enjoyedOn`). Like the rate, it keeps a withdrawn registration (its venture stays counted).
 * It takes the policies `policiesInForce` found; with none in force the list is empty (null).
 */
export function gapQuery(kind: GapKind, scope: Filter<Case>, today: string, policies: readonly Policy[] = []): Query<Case> | null {
  if (kind === 'unguided') {
    return { where: where.and(scope, ACTIVE, where.eq('askedHelp', true), where.eq('guidedAt', '')), orderBy: [{ field: 'createdAt', dir: 'asc' }] }
  }
  if (kind === 'overdue') {
    return { where: where.and(scope, ACTIVE, where.gte('nextFollowUpDate', '0'), where.lt('nextFollowUpDate', today)), orderBy: [{ field: 'nextFollowUpDate', dir: 'asc' }] }
  }
  if (kind === 'due') {
    // Planned for today or earlier: today's visits and the overdue ones.
    return { where: where.and(scope, ACTIVE, where.gte('nextFollowUpDate', '0'), where.lte('nextFollowUpDate', today)), orderBy: [{ field: 'nextFollowUpDate', dir: 'asc' }] }
  }
  if (!policies.length) return null
  const order: OrderBy<Case>[] = [{ field: 'startedAt', dir: 'asc' }]
  // '' (never started) sorts before every real time, so `>= '0'` leaves it out.
  const unenjoyed = where.and<Case>(scope, where.gte('startedAt', '0'), where.eq('enjoyedOn', ''))
  // The groups as 政策享受率 judges them: a policy for no particular group is for everyone.
  const eligible = eligibleGroupsOf(policies)
  if (eligible.all) return { where: unenjoyed, orderBy: order }
  return { where: where.and(unenjoyed, where.hasAny('targetGroups', eligible.groups)), orderBy: order }
}

/** How many days ahead a loan's repayment or 贴息 claim puts the case on the reminder list. */
export const LOAN_NOTICE_DAYS = 30

/**
 * Loans whose repayment or 贴息 claim falls due within `LOAN_NOTICE_DAYS` days or has passed
 * (`Case.loanDueDate`, the earliest open one), soonest first: the ledger's 贷款到期 list and the
 * workbench line that counts it.
 */
export function loanDueQuery(scope: Filter<Case>, today: string): Query<Case> {
  const horizon = shanghaiDate(new Date(Date.parse(`${today}T12:00:00+08:00`) + LOAN_NOTICE_DAYS * 86_400_000))
  return { where: where.and(scope, where.gte('loanDueDate', '0'), where.lte('loanDueDate', horizon)), orderBy: [{ field: 'loanDueDate', dir: 'asc' }] }
}

/** The published policies in force for a community (its own and every org above it). */
export async function policiesInForce(ctx: Ctx, community: Org, today: string): Promise<Policy[]> {
  const out: Policy[] = []
  for await (const batch of ctx.store.collection('policies').scan(where.and<Policy>(where.eq('status', 'published'), where.in('orgId', community.path)), 100)) {
    out.push(...batch.filter((p) => isInForce(p, today)))
  }
  return out
}

// ——— feedback ———

/** Which feedback items a list shows. */
export interface FeedbackSelection {
  kind?: FeedbackKind
  status?: FeedbackStatus
  /** Waiting for an answer past the due date. */
  overdue?: boolean
  /** Waiting for an answer and due within `DUE_SOON_DAYS` days, or already past it. */
  due?: boolean
  /** Assigned to this staff id. */
  assigneeId?: string
}

/** "Close to its deadline": due within this many days. */
export const DUE_SOON_DAYS = 2

export function feedbackScope(org: Org): Filter<Feedback> {
  return org.level === 'community' ? where.eq('communityId', org._id) : where.has('communityPath', org._id)
}

/** The feedback inbox (newest first), or the overdue list (oldest due date first). */
export function feedbackQuery(scope: Filter<Feedback>, sel: FeedbackSelection, today: string): Query<Feedback> {
  const filters: Filter<Feedback>[] = [scope]
  if (sel.kind) filters.push(where.eq('kind', sel.kind))
  if (sel.status) filters.push(where.eq('status', sel.status))
  if (sel.overdue) filters.push(where.in('status', AWAITING_ANSWER), where.lt('dueDate', today))
  if (sel.due) filters.push(where.in('status', AWAITING_ANSWER), where.lte('dueDate', addDays(today, DUE_SOON_DAYS)))
  if (sel.assigneeId) filters.push(where.eq('assigneeId', sel.assigneeId))
  const byDue = (sel.overdue || sel.due) && !sel.kind && !sel.status
  return { where: where.and(...filters), orderBy: byDue ? [{ field: 'dueDate', dir: 'asc' }] : [{ field: 'createdAt', dir: 'desc' }] }
}

// ——— promotion events ———

export type EventWhen = 'current' | 'past' | 'today'

/** Shanghai midnight starting `date`, as an ISO instant. */
function shanghaiMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

/**
 * Staff's event list of an org and below: not yet ended (soonest first), ended (latest first), or
 * today's (published, on during the Shanghai day `today`: those to check people in at).
 */
export function staffEventQuery(orgId: string, when: EventWhen, now: Date, today: string): Query<PromotionEvent> {
  const nowIso = now.toISOString()
  const scope = where.has<PromotionEvent>('orgPath', orgId)
  if (when === 'past') return { where: where.and(scope, where.lte('endAt', nowIso)), orderBy: [{ field: 'startAt', dir: 'desc' }] }
  if (when === 'today') {
    return {
      where: where.and(scope, where.eq('status', 'published'), where.lt('startAt', shanghaiMidnight(addDays(today, 1))), where.gt('endAt', shanghaiMidnight(today))),
      orderBy: [{ field: 'startAt', dir: 'asc' }],
    }
  }
  return { where: where.and(scope, where.gt('endAt', nowIso)), orderBy: [{ field: 'startAt', dir: 'asc' }] }
}

// ——— surveys ———

/** Surveys closing within this many days (today included): "this week". */
export const CLOSING_DAYS = 7

/** Staff's survey list of an org and below (latest change first), or those open and closing within the week (soonest first). */
export function surveyQuery(orgId: string, sel: { status?: SurveyStatus; closing?: boolean }, today: string): Query<Survey> {
  const filters: Filter<Survey>[] = [where.has('orgPath', orgId)]
  if (sel.closing) {
    filters.push(where.eq('status', 'published'), where.gte('closesOn', today), where.lt('closesOn', addDays(today, CLOSING_DAYS)))
    return { where: where.and(...filters), orderBy: [{ field: 'closesOn', dir: 'asc' }] }
  }
  if (sel.status) filters.push(where.eq('status', sel.status))
  return { where: where.and(...filters), orderBy: [{ field: 'updatedAt', dir: 'desc' }] }
}

// ——— evaluation chain ———

/**
 * What waits on each role: the statuses it acts on next (`DEADLINE_WAITS`). A community's
 * application waits on the community: its 指导员 sees it too, the 负责人 submits.
 */
export const EVALUATION_WAITING_ON: Partial<Record<StaffRole, readonly (EvaluationStatus | 'none')[]>> = {
  community_staff: DEADLINE_WAITS.apply.statuses,
  community_lead: DEADLINE_WAITS.apply.statuses,
  street_reviewer: DEADLINE_WAITS.review.statuses,
  district_officer: DEADLINE_WAITS.certify.statuses,
  city_officer: ['certified', 'spot_checked'],
}

/** One community's application of a year as the evaluation list shows it (none yet: null). */
export interface EvaluationQueueRow {
  community: Org
  application: EvaluationApplication | null
  status: EvaluationStatus | 'none'
  /** Waiting on the caller's role. */
  mine: boolean
}

/**
 * The year's applications of every community in the caller's scope, those waiting on the caller
 * first (then by name): `evaluation.list` shows them, the workbench counts the `mine` ones.
 */
export async function evaluationQueue(ctx: Ctx, caller: StaffCaller, year: number, communities: readonly Org[]): Promise<EvaluationQueueRow[]> {
  const apps = new Map<string, EvaluationApplication>()
  const scope = where.and<EvaluationApplication>(where.eq('year', year), where.has('communityPath', caller.org._id))
  for await (const batch of ctx.store.collection('evaluations').scan(scope, 200)) for (const a of batch) apps.set(a.communityId, a)
  const waiting = EVALUATION_WAITING_ON[caller.staff.role] ?? []
  const rows = communities.map((community): EvaluationQueueRow => {
    const application = apps.get(community._id) ?? null
    const status: EvaluationStatus | 'none' = application?.status ?? 'none'
    return { community, application, status, mine: waiting.includes(status) }
  })
  return rows.sort((x, y) => Number(y.mine) - Number(x.mine) || x.community.name.localeCompare(y.community.name, 'zh'))
}

/**
 * 评审待打分: the communities among `rows` whose application for the year is submitted (past the
 * community, not sent back) that the caller's level has not submitted a score for. One query of
 * the year's submitted scores of that level in scope. Null when the caller does not score (a
 * community, or a role without `evaluation.score`): the workbench shows no line, the ranking no filter.
 */
export async function scoresWaiting(ctx: Ctx, caller: StaffCaller, year: number, rows: readonly EvaluationQueueRow[]): Promise<{ level: ScoreLevel; waiting: Set<string> } | null> {
  const level = scoreLevelOf(caller.org.level)
  if (!level || !can(caller.staff.role, 'evaluation.score')) return null
  const scored = new Set<string>()
  const q = where.and<ReviewScore>(where.eq('year', year), where.eq('level', level), where.eq('status', 'submitted'), where.has('communityPath', caller.org._id))
  for await (const batch of ctx.store.collection('reviewScores').scan(q, 200)) for (const s of batch) scored.add(s.communityId)
  const waiting = new Set(rows.filter((r) => r.status !== 'none' && r.status !== 'draft' && r.status !== 'returned' && !scored.has(r.community._id)).map((r) => r.community._id))
  return { level, waiting }
}

// ——— indices ———

/** A community with at least one index below its target in a period. */
export interface BehindRow {
  community: Org
  below: IndexKey[]
}

/**
 * The communities under `org` with an index below target in `period`, from the counter
 * documents and the subtree's target records, each read once (reads grow with the number of
 * communities only by one query per 50 of them, never with records), in name order.
 */
export async function communitiesBehind(ctx: Ctx, org: Org, period: string): Promise<BehindRow[]> {
  const communities = await communitiesUnder(ctx, org)
  const year = Number(period.slice(0, 4))
  // Every org on any community's path: the communities, the orgs between them and `org`, and above it.
  const onPaths = [...new Set(communities.flatMap((c) => c.path))]
  const [series, records, eligible] = await Promise.all([seriesOfCommunities(ctx, communities, period), targetRecords(ctx.store, onPaths, year), eligibleListOf(ctx, communities, period)])
  const rows: BehindRow[] = []
  const asOf = shanghaiDate(ctx.now())
  for (const [n, community] of communities.entries()) {
    // Each community against its own targets (a split may give it its own share).
    const below = indicesOf([series.get(community._id) ?? new Map()], period, false, targetsOfPath(records, community.path, year), asOf, (p) => [eligible(p)[n]])
      .filter((i) => i.light === 'below')
      .map((i) => i.key)
    if (below.length) rows.push({ community, below })
  }
  return rows.sort((a, b) => a.community.name.localeCompare(b.community.name, 'zh'))
}

// ——— upward reports (简报) ———

/**
 * A report list of an org: `inbox` sent (or forwarded) to it, optionally only those it has not
 * opened; `sent` written by it; `good` every 好经验. Newest activity first. `report.list` pages
 * through it and the workbench's unread line counts it.
 */
export function reportQuery(box: 'inbox' | 'sent' | 'good', orgId: string, unread = false): Query<Report> {
  const order: OrderBy<Report>[] = [{ field: 'updatedAt', dir: 'desc' }]
  if (box === 'sent') return { where: where.eq<Report>('fromOrgId', orgId), orderBy: order }
  if (box === 'good') return { where: where.eq<Report>('good', true), orderBy: order }
  return { where: unread ? where.has<Report>('unreadOrgIds', orgId) : where.has<Report>('toOrgIds', orgId), orderBy: order }
}

// ——— 挂帮 (a leader's paired cases) ———

/**
 * A leader's active pairings (`ledger.paired`), or only those whose follow-up is due today
 * (`due`: the workbench's 我挂帮的创业者 counts this one), soonest due first.
 */
export function pairingQuery(leaderId: string, today: string, due: boolean): Query<LeaderPairing> {
  const base = [where.eq<LeaderPairing>('leaderId', leaderId), where.eq<LeaderPairing>('active', true)]
  return {
    where: where.and<LeaderPairing>(...base, ...(due ? [where.lte<LeaderPairing>('dueOn', today)] : [])),
    orderBy: [{ field: 'dueOn', dir: 'asc' }, { field: '_id', dir: 'asc' }],
  }
}
