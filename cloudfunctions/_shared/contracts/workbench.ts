import * as v from 'valibot'

/**
 * The lines a workbench can hold, in the order they are shown: a community's day first; for
 * street, district and city the evaluation, the indices and the overdue work, then events and
 * surveys.
 */
export const WORKBENCH_KEYS = [
  'pairedDue',
  'pendingCases',
  'followUpsDue',
  'unguided',
  'unbenefited',
  'loansDue',
  'feedbackDue',
  'applicationsWaiting',
  'scoresWaiting',
  'communitiesBehind',
  'overdueFollowUps',
  'overdueFeedback',
  'eventsToday',
  'surveysClosing',
  'evaluationStep',
  'unreadReports',
] as const
export type WorkbenchKey = (typeof WORKBENCH_KEYS)[number]

/** One line of the workbench: what waits, how many, and the page listing them. */
export interface WorkbenchItem {
  key: WorkbenchKey
  /** Plain words: 待受理的登记. */
  label: string
  /** The length of the list `page` opens (computed by the same query). */
  count: number
  /** The list behind the count: an in-app URL built by `pageUrl`. */
  page: string
  /** One more sentence (a deadline, what to do), or ''. */
  note: string
}

export interface WorkbenchSummary {
  /** The caller's org, for the page's heading. */
  orgName: string
  items: WorkbenchItem[]
}

/** `workbench.summary` takes nothing: the caller's role and scope decide. */
export const workbenchSummaryInput = v.object({})
