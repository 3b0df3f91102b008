/**
 * The in-app inbox: messages a resident reads on the 消息 page. Features put messages here
 * (an event cancelled, a policy update); push notifications (issue 7) extend the same records.
 */
export const INBOX_KINDS = ['event_cancelled', 'policy', 'system', 'evaluation', 'case', 'site', 'feedback', 'signup', 'report'] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

export const INBOX_KIND_LABELS: Record<InboxKind, string> = {
  event_cancelled: '活动通知',
  policy: '政策动态',
  system: '系统消息',
  evaluation: '创建评估',
  case: '帮扶进展',
  site: '场地申请',
  feedback: '反馈回复',
  signup: '报名通知',
  report: '工作简报',
}

/** One message to one resident, or to a staff member (`residentId` holds the staff id: deadline reminders). */
export interface InboxMessage {
  _id: string
  residentId: string
  kind: InboxKind
  title: string
  body: string
  /** A page in the app to open (e.g. `/pages/event/index?id=…`), or null. */
  link: string | null
  /** The record the message is about (event id, policy id), or null. */
  sourceId: string | null
  /** The policy push that filed it (notify), so opening it counts as an open of that push. */
  pushId?: string
  /**
   * True while its WeChat delivery is still to be made: a notice files the inbox message only,
   * and the `sendNotices` timer turns it into the `noticeDeliveries` record (then false). Absent
   * on messages with no delivery (pushes, announcements) and on those filed before the flag.
   */
  deliverQueued?: boolean
  /** A benefit of this policy was recorded for the resident: the timer credits their opened pushes of it (push funnel). */
  funnelPolicyId?: string
  createdAt: string
  readAt: string | null
}
