/**
 * Notices: what a resident is told when something that is theirs moves (issue 23). Each kind can
 * be turned off on 我的 → 消息提醒; a notice of a kind that is off is neither filed in the inbox
 * nor sent. WeChat subscribe messages follow WeChat's one-time rule: one message per consent
 * ("允许" in `requestSubscribeMessage`), counted in `subscribeQuotas` like policy reminders.
 */
export const NOTICE_KINDS = ['case', 'site', 'feedback', 'signup'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  case: '我的帮扶进展（受理、指导记录、导师、享受政策）',
  site: '场地申请结果',
  feedback: '意见反馈的回复',
  signup: '活动和培训报名（候补转正、取消）',
}

/** The policy reminders' switch on the same list (their topics are chosen on 订阅政策提醒). */
export const POLICY_REMINDER_LABEL = '新政策和政策更新提醒'

/** Kinds a resident can switch on 我的: the notices and the policy reminders. */
export const SWITCHABLE_KINDS = [...NOTICE_KINDS, 'policy'] as const
export type SwitchableKind = (typeof SWITCHABLE_KINDS)[number]

/** A resident's notice switches, `_id` = resident id; absent means every kind on. */
export interface NoticeSettings {
  _id: string
  /** Kinds the resident turned off. */
  off: NoticeKind[]
  updatedAt: string
}

/**
 * One WeChat subscribe message to send for a notice, filed from the inbox message (same id
 * suffix; `InboxMessage.deliverQueued`) and sent by the `notify` function's `sendNotices` timer,
 * which takes one consent per message; without a consent left it stays in the inbox only (`no_quota`).
 */
export interface NoticeDelivery {
  _id: string
  residentId: string
  kind: NoticeKind
  title: string
  body: string
  /** The page it opens, WeChat style (no leading slash). */
  page: string
  status: 'queued' | 'sending' | 'sent' | 'failed'
  /** `off`: a muted record (below) after the timer credited its push funnel. */
  failReason: 'no_quota' | 'refused' | 'rejected' | 'gave_up' | 'unconfirmed' | 'no_template' | 'off' | null
  /** The push funnel to credit for a benefit of this policy (see `InboxMessage.funnelPolicyId`). */
  funnelPolicyId?: string
  /**
   * The resident turned this kind off: nothing is shown or sent, the record only carries the
   * push-funnel credit to the timer, which then marks it failed (`off`).
   */
  muted?: boolean
  attempts: number
  createdAt: string
  sentAt: string
}

/**
 * My switches as 我的 → 消息提醒 shows them (and 我的数据 exports them): each notice kind on unless
 * turned off; policy reminders on only while subscribed (topics are chosen on 订阅政策提醒).
 */
export function noticeSwitches(
  settings: Pick<NoticeSettings, 'off'> | null,
  policySubscribed: boolean,
): { kind: SwitchableKind; label: string; on: boolean }[] {
  return [
    ...NOTICE_KINDS.map((kind) => ({ kind, label: NOTICE_KIND_LABELS[kind], on: !settings?.off.includes(kind) })),
    { kind: 'policy' as const, label: POLICY_REMINDER_LABEL, on: policySubscribed },
  ]
}
