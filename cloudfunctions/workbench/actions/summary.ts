import { JUDGING_RULES } from '../../_shared/domain/judging'
import { WORKBENCH_KEYS, workbenchSummaryInput, type WorkbenchItem, type WorkbenchSummary } from '../../_shared/contracts/workbench'
import { DEADLINE_LABELS, EVALUATION_STATUS_LABELS, daysUntil } from '../../_shared/domain/evaluation'
import { pageUrl } from '../../_shared/domain/pages'
import { periodsOf } from '../../_shared/domain/period'
import { can } from '../../_shared/domain/roles'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { communitiesUnder } from '../../_shared/application/figures-scope'
import { deadlinesFor, deadlinesForEach } from '../../_shared/application/evaluation-deadlines'
import {
  caseScope,
  communitiesBehind,
  evaluationQueue,
  scoresWaiting,
  feedbackQuery,
  feedbackScope,
  gapQuery,
  LOAN_NOTICE_DAYS,
  loanDueQuery,
  ledgerQuery,
  policiesInForce,
  reportQuery,
  staffEventQuery,
  surveyQuery,
  pairingQuery,
} from '../../_shared/application/work-queues'
import { PAIRING_FOLLOW_UP_DAYS } from '../../_shared/domain/pairing'
import { SCORE_LEVEL_LABELS } from '../../_shared/domain/review-rubric'

/** "9月30日" */
function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

function dueWords(today: string, deadline: string): string {
  const left = daysUntil(today, deadline)
  return left < 0 ? `截止日 ${monthDay(deadline)} 已过` : left === 0 ? '今天截止' : `${monthDay(deadline)} 截止，还有 ${left} 天`
}

/**
 * 工作台: what waits on the caller today, each line a count and the page listing it. Every count
 * is `count()` of the query the linked list pages through (`_shared/application/work-queues`),
 * one store read each; communities behind target come from the counter documents. A line shows
 * only when the caller's role may open its list.
 */
export const summary = defineAction({
  input: workbenchSummaryInput,
  access: 'staff',
  async run(_input, ctx): Promise<WorkbenchSummary> {
    const caller = ctx.caller
    const role = caller.staff.role
    const org = caller.org
    const now = ctx.now()
    const today = shanghaiDate(now)
    const year = Number(today.slice(0, 4))
    const items: WorkbenchItem[] = []
    const add = (item: WorkbenchItem) => items.push(item)
    const intents = ctx.store.collection('cases')
    const community = org.level === 'community'

    if (can(role, 'pairing.write')) {
      // 我挂帮的创业者: the pairings whose follow-up is due, the list `ledger.paired { due }` opens.
      const q = pairingQuery(caller.staff._id, today, true)
      const all = pairingQuery(caller.staff._id, today, false)
      const [due, total] = await Promise.all([ctx.store.collection('pairings').count(q.where), ctx.store.collection('pairings').count(all.where)])
      if (total > 0) add({ key: 'pairedDue', label: '我挂帮的创业者', count: due, page: pageUrl('ledger', { tab: 'paired' }), note: `共挂帮 ${total} 位，${due ? `${due} 位该去跟进了（${PAIRING_FOLLOW_UP_DAYS} 天没有挂帮跟进或已到约定日期）` : '都已按时跟进'}` })
    }

    if (community) {
      if (can(role, 'intent.read')) {
        const { filter } = await caseScope(ctx, caller)
        add({ key: 'pendingCases', label: '待受理的登记', count: await intents.count(ledgerQuery(filter, { status: 'pending' }, today).where), page: pageUrl('ledger', { status: 'pending' }), note: '居民登记后还没有工作人员受理' })
        const due = gapQuery('due', filter, today)
        add({ key: 'followUpsDue', label: '今天该回访或已逾期', count: due ? await intents.count(due.where) : 0, page: pageUrl('ledger', { tab: 'due' }), note: '按约定的回访日期' })
        const unguided = gapQuery('unguided', filter, today)
        add({ key: 'unguided', label: '要帮扶但还没指导', count: unguided ? await intents.count(unguided.where) : 0, page: pageUrl('ledger', { tab: 'unguided' }), note: '登记时提出需要帮助，还没有一对一指导记录' })
        const unbenefited = gapQuery('unbenefited', filter, today, await policiesInForce(ctx, org, today))
        add({ key: 'unbenefited', label: '应享未享政策', count: unbenefited ? await intents.count(unbenefited.where) : 0, page: pageUrl('ledger', { tab: 'unbenefited' }), note: '已创业、符合有效期内的政策，还没有享受记录（政策享受率里的应享未享）' })
        // Issue 22: reminders before a loan repayment or a 贴息 claim falls due (the ledger's 贷款到期).
        const loans = await intents.count(loanDueQuery(filter, today).where)
        add({ key: 'loansDue', label: '贷款还款或贴息申领到期', count: loans, page: pageUrl('ledger', { tab: 'loanDue' }), note: `${LOAN_NOTICE_DAYS} 天内到期或已过期的创业担保贷款` })
      }
      if (can(role, 'feedback.read')) {
        const q = feedbackQuery(feedbackScope(org), { due: true }, today)
        add({ key: 'feedbackDue', label: '反馈两天内到期或已超期', count: await ctx.store.collection('feedback').count(q.where), page: pageUrl('feedbackInbox', { due: '1' }), note: '居民的意见和投诉，需要按时答复' })
      }
    }
    if (can(role, 'event.read')) {
      const q = staffEventQuery(org._id, 'today', now, today)
      add({ key: 'eventsToday', label: '今天的活动', count: await ctx.store.collection('events').count(q.where), page: pageUrl('staffEvents', { when: 'today' }), note: '到场签到从活动的“签到”进入' })
    }
    if (can(role, 'survey.read')) {
      const q = surveyQuery(org._id, { closing: true }, today)
      add({ key: 'surveysClosing', label: '本周截止的问卷', count: await ctx.store.collection('surveys').count(q.where), page: pageUrl('staffSurveys', { closing: '1' }), note: '7 天内结束收集' })
    }
    if (can(role, 'evaluation.read')) {
      const communities = await communitiesUnder(ctx, org)
      const rows = await evaluationQueue(ctx, caller, year, communities)
      const mine = rows.filter((r) => r.mine)
      if (community) {
        // The community's own deadline: the year's, or the later one the city extended it to.
        const deadlines = await deadlinesFor(ctx.store, year, org._id)
        const status = rows[0]?.status ?? 'none'
        const step = status === 'none' ? '还没有开始申报' : `申报${EVALUATION_STATUS_LABELS[status]}`
        add({ key: 'evaluationStep', label: `${year} 年创建评估：${DEADLINE_LABELS.apply}`, count: mine.length, page: pageUrl('evaluation'), note: mine.length ? `${step}，${dueWords(today, deadlines.apply)}` : `${step}` })
      } else if (mine.length || role !== 'admin') {
        const key = role === 'street_reviewer' ? 'review' : role === 'district_officer' ? 'certify' : 'spotCheck'
        // The soonest deadline among the applications waiting (each community's, extensions included); none waiting: the year's.
        const each = await deadlinesForEach(ctx.store, year, mine.length ? mine.map((r) => r.community._id) : [org._id])
        const soonest = [...each.values()].map((d) => d[key]).sort()[0]
        add({ key: 'applicationsWaiting', label: `等你${DEADLINE_LABELS[key].slice(2)}的申报`, count: mine.length, page: pageUrl('evaluation'), note: dueWords(today, soonest) })
      }
      // 评审待打分: the line opens the ranking filtered to the same communities.
      const toScore = await scoresWaiting(ctx, caller, year, rows)
      if (toScore) {
        const n = toScore.waiting.size
        add({ key: 'scoresWaiting', label: `评审待打分 ${n} 个社区`, count: n, page: pageUrl('evaluationScores', { year, waiting: '1' }), note: `${year} 年已申报、${SCORE_LEVEL_LABELS[toScore.level]}还没有提交评分的社区；点开在列表里进入各社区的评分表` })
      }
    }
    if (!community) {
      if (can(role, 'index.read')) {
        const behind = await communitiesBehind(ctx, org, periodsOf(now).month)
        add({ key: 'communitiesBehind', label: '指标未达标的社区', count: behind.length, page: pageUrl('staffDashboard'), note: `本月至少有一项指数未达标（不到目标的 ${Math.round(JUDGING_RULES.closeShare.value * 100)}%；这条${JUDGING_RULES.closeShare.label}为${JUDGING_RULES.closeShare.sourceLabel}）` })
      }
      if (can(role, 'intent.read')) {
        const { filter } = await caseScope(ctx, caller)
        const q = gapQuery('overdue', filter, today)
        add({ key: 'overdueFollowUps', label: '回访已逾期（各社区合计）', count: q ? await intents.count(q.where) : 0, page: pageUrl('ledger', { tab: 'overdue' }), note: '约定的回访日期已过' })
      }
      if (can(role, 'feedback.stats')) {
        const q = feedbackQuery(feedbackScope(org), { overdue: true }, today)
        add({ key: 'overdueFeedback', label: '超期未答复的反馈（各社区合计）', count: await ctx.store.collection('feedback').count(q.where), page: pageUrl('feedbackInbox'), note: '按社区分列见反馈统计' })
      }
    }
    if (can(role, 'report.receive')) {
      const q = reportQuery('inbox', org._id, true)
      add({ key: 'unreadReports', label: '未读的下级简报', count: await ctx.store.collection('reports').count(q.where), page: pageUrl('staffReports', { box: 'inbox', unread: '1' }), note: '下级报送的工作简报、工作情况和好经验' })
    }
    items.sort((a, b) => WORKBENCH_KEYS.indexOf(a.key) - WORKBENCH_KEYS.indexOf(b.key))
    return { orgName: org.name, items }
  },
})
