import type { PolicyCategory } from './policy'
import type { TargetGroup } from './target-groups'

/**
 * Policy push notifications. WeChat's one-time subscribe messages allow one message per
 * consent: every tap on "允许" in `requestSubscribeMessage` lets the mini-program send that
 * resident one message of that template. So a resident's consents are counted (quota), each
 * push is recorded per resident before anything is sent, and a send uses one consent at most once.
 */

/** Where a resident subscribed: in WeChat (consents counted per template) or the H5 build (no quota, in-app only). */
export type SubscribeChannel = 'weapp' | 'h5'

/**
 * A resident's subscription to policy reminders, `_id` = resident id. Topics are two filters; an
 * empty one means "any": a push reaches the resident when its policy's category is among
 * `categories` (or none chosen) AND its target groups meet `targetGroups` (or none chosen).
 */
export interface Subscription {
  _id: string
  residentId: string
  /** Copied from the profile when the resident subscribes or changes topics; pushes target communities. */
  communityId: string | null
  categories: PolicyCategory[]
  targetGroups: TargetGroup[]
  channel: SubscribeChannel
  /** False after the resident turned reminders off (the consents already given stay counted). */
  active: boolean
  createdAt: string
  updatedAt: string
}

/**
 * Consents left for one template, one resident: `_id` = keyed hash of (resident, template id).
 * `remaining` goes up by one per acceptance and down by one per message WeChat took.
 */
export interface SubscribeQuota {
  _id: string
  residentId: string
  templateId: string
  remaining: number
  /** Acceptances ever recorded, and messages sent against them (for support questions). */
  granted: number
  used: number
  updatedAt: string
}

/** What staff aim a push at: communities in their scope and, optionally, target groups. */
export interface PushTarget {
  communityIds: string[]
  /** Empty: the policy's own target groups decide. */
  targetGroups: TargetGroup[]
}

/**
 * One push of one version of a policy, `_id` = `push_<policy id>_v<version>`: pushing the same
 * version again (a retry, a second staff member at the same moment, a wider target) is the
 * same push, so nobody is messaged twice about the same text.
 */
export interface PolicyPush {
  _id: string
  policyId: string
  policyVersion: number
  policyTitle: string
  category: PolicyCategory
  /** The policy's publishing org path: who may see the push's status. */
  orgPath: string[]
  /** Union of every target this version was pushed to. */
  communityIds: string[]
  targetGroups: TargetGroup[]
  templateId: string | null
  /** Deliveries in each state (moved in the same transaction as the delivery). */
  queued: number
  sent: number
  failed: number
  /** Of the failed: no consent left (or an H5 subscription); WeChat said refused; other. */
  failedNoQuota: number
  failedRefused: number
  /** Residents who opened the message (inbox tap or the WeChat message). */
  opened: number
  /** Of those, residents who registered an intent after opening (moved by `creditPushFunnel`; absent = 0). */
  intentsAfter?: number
  /** Of those, residents who got a benefit of this policy after opening (absent = 0). */
  benefitsAfter?: number
  createdAt: string
  createdBy: string
  createdByName: string
  updatedAt: string
  /** When the last send pass found nothing left to do, or ''. */
  finishedAt: string
}

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** Why a delivery failed for good. */
export type FailReason =
  /** No consent left for the template (or an H5 subscription in production): in-app only. */
  | 'no_quota'
  /** WeChat 43101: the resident has not (or no longer) accepted this template. */
  | 'refused'
  /** WeChat rejected the request itself (bad template, page, openid): retrying cannot help. */
  | 'rejected'
  /** Transient errors every time, until the attempts ran out. */
  | 'gave_up'
  /**
   * A send was under way when its sender stopped (timeout, crash): WeChat may have delivered it,
   * so it is never sent again (never twice beats maybe once) and its consent counts as used.
   */
  | 'unconfirmed'

/**
 * One message of one push to one resident, recorded before anything is sent. `_id` = `pd_` +
 * keyed hash of (push, resident); the resident's inbox message has the same hash (`ib_…`), so
 * a retried or concurrent push can neither queue nor file it twice.
 */
export interface PushDelivery {
  _id: string
  pushId: string
  policyId: string
  residentId: string
  channel: SubscribeChannel
  status: DeliveryStatus
  attempts: number
  /** ISO time before which a queued delivery is not tried (retry backoff); '' when due at once. */
  nextAttemptAt: string
  /** When a sender claimed it; a claim older than the lease is `unconfirmed`. */
  claimedAt: string
  failReason: FailReason | null
  lastError: string
  /** Whether a consent was taken for this delivery (refunded when the send fails). */
  quotaHeld: boolean
  createdAt: string
  sentAt: string
  /** First time the resident opened the message, or ''. */
  openedAt: string
  /** When an intent after the open was credited to the push's funnel (absent: not yet). */
  intentAt?: string
  /** When a benefit of the policy after the open was credited (absent: not yet). */
  benefitAt?: string
}

/** The local runtime's outbox: what would have gone to WeChat, as WeChat would get it. */
export interface OutboxMessage {
  _id: string
  toUser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  createdAt: string
}

/** True when a subscription's topics and community fit a push of `policy` to `target`. */
export function matchesPush(
  sub: Pick<Subscription, 'active' | 'communityId' | 'categories' | 'targetGroups'>,
  policy: { category: PolicyCategory; targetGroups: readonly TargetGroup[] },
  target: PushTarget,
): boolean {
  if (!sub.active || sub.communityId === null || !target.communityIds.includes(sub.communityId)) return false
  if (sub.categories.length > 0 && !sub.categories.includes(policy.category)) return false
  const groups = target.targetGroups.length > 0 ? target.targetGroups : policy.targetGroups
  if (sub.targetGroups.length > 0 && !sub.targetGroups.some((g) => groups.includes(g))) return false
  return true
}

/** The push of this version of this policy (see `PolicyPush`). */
export function pushIdOf(policyId: string, version: number): string {
  return `push_${policyId}_v${version}`
}

/** Attempts before a transiently failing delivery is given up. */
export const MAX_ATTEMPTS = 5

/** Wait before attempt `attempt + 1` (attempt counts from 1): 1 s, 2 s, 4 s, 8 s… capped at 60 s. */
export function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1))
}

/** How long a claimed send may run before it is considered lost (`unconfirmed`). */
export const CLAIM_LEASE_MS = 2 * 60_000

// ---------------------------------------------------------------------------------------------
// WeChat's per-field rules for subscribe-message data
// ---------------------------------------------------------------------------------------------

/** A template field's kind is the letters of its key: `thing1` → `thing`, `character_string3` → `character_string`. */
export type FieldKind =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'

const FIELD_KINDS: readonly FieldKind[] = ['thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase']

/** The kind of a template key, or null when it is not a WeChat field key. */
export function fieldKindOf(key: string): FieldKind | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  return m && (FIELD_KINDS as readonly string[]).includes(m[1]) ? (m[1] as FieldKind) : null
}

/** Cuts to `max` characters (code points, as WeChat counts a Chinese character as one), marking a cut with "…". */
function cut(value: string, max: number): string {
  const chars = Array.from(value)
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`
}

const CONTROL = /[\u0000-\u001f\u007f]/g
const HAN = /\p{Script=Han}/u

/**
 * A value fitted to WeChat's rule for its field kind (a value breaking the rule makes the whole
 * send fail with 47003): thing ≤ 20 characters, phrase ≤ 5 Chinese characters, name ≤ 10
 * Chinese or 20 letters, number / letter / character_string ≤ 32 of their characters,
 * symbol ≤ 5, phone ≤ 17, car number ≤ 8, amount = one currency sign + ≤ 10 digits; time and
 * date are written `2026年11月22日 10:30`. Control characters (line breaks) are never allowed.
 */
export function fitField(kind: FieldKind, raw: string): string {
  const value = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
  switch (kind) {
    case 'thing':
      return cut(value, 20) || '—'
    case 'phrase': {
      // Only Chinese characters are allowed: the rest is dropped, then cut without an ellipsis (a symbol).
      const han = Array.from(value).filter((c) => HAN.test(c))
      return han.slice(0, 5).join('') || '通知'
    }
    case 'name': {
      const hasHan = HAN.test(value)
      return Array.from(value).slice(0, hasHan ? 10 : 20).join('')
    }
    case 'number':
      return (value.match(/^-?\d+(\.\d+)?/)?.[0] ?? '0').slice(0, 32)
    case 'letter':
      return value.replace(/[^A-Za-z]/g, '').slice(0, 32)
    case 'symbol':
      return Array.from(value.replace(/[\p{L}\p{N}\s]/gu, '')).slice(0, 5).join('')
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32)
    case 'phone_number':
      return value.replace(/[^\d+\-() ]/g, '').trim().slice(0, 17)
    case 'car_number':
      return Array.from(value.replace(/\s/g, '')).slice(0, 8).join('')
    case 'amount': {
      const digits = value.replace(/[^\d.]/g, '').replace(/^(\d*\.?\d*).*$/, '$1')
      const [whole = '0', frac] = digits.split('.')
      return `¥${whole.slice(0, 10) || '0'}${frac ? `.${frac.slice(0, 2)}` : ''}`
    }
    case 'time':
    case 'date':
      return value
  }
}

/** An ISO instant as WeChat's time/date fields want it, in Shanghai time: `2026年11月22日 10:30`. */
export function wechatTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

/** What a policy push can say; a template layout picks which value goes in which field. */
export const MESSAGE_VALUES = ['title', 'category', 'org', 'time', 'note', 'benefit'] as const
export type MessageValue = (typeof MESSAGE_VALUES)[number]

/**
 * Which value goes in which field of the configured template, e.g.
 * `thing1:title,phrase2:category,thing3:org,time4:time,thing5:note`. The field keys are the ones
 * the template shows in the WeChat console (公众平台 → 订阅消息 → 详情).
 */
export type TemplateLayout = { key: string; kind: FieldKind; value: MessageValue }[]

export const DEFAULT_LAYOUT_SPEC = 'thing1:title,thing2:org,time3:time,thing4:note'

/** Parses a layout spec; throws naming the bad part (configuration is checked when the function starts). */
export function parseLayout(spec: string): TemplateLayout {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [key = '', value = ''] = part.split(':').map((s) => s.trim())
      const kind = fieldKindOf(key)
      if (!kind) throw new Error(`subscribe template layout: "${key}" is not a WeChat field key (thing1, time2…)`)
      if (!(MESSAGE_VALUES as readonly string[]).includes(value)) {
        throw new Error(`subscribe template layout: "${value}" is not one of ${MESSAGE_VALUES.join(', ')}`)
      }
      return { key, kind, value: value as MessageValue }
    })
}

/** The template data for a push, every field fitted to its rule. */
export function templateData(layout: TemplateLayout, values: Record<MessageValue, string>): Record<string, { value: string }> {
  return Object.fromEntries(layout.map((f) => [f.key, { value: fitField(f.kind, values[f.value]) }]))
}
