import * as v from 'valibot'
import type { InboxMessage } from '../domain/inbox'
import { SWITCHABLE_KINDS, type SwitchableKind } from '../domain/notice'
import type { PolicyPush, SubscribeChannel } from '../domain/notify'
import { POLICY_CATEGORIES, type PolicyCategory } from '../domain/policy'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { cursorSchema, idSchema, limitSchema, type PageOf } from './common'

/** `notify.inbox`: my messages, newest first. */
export const inboxInput = v.object({
  after: cursorSchema,
  limit: limitSchema,
})
export type InboxInput = v.InferInput<typeof inboxInput>

/**
 * `notify.markRead`: some messages, all of mine, or the message of one push (opened from the
 * WeChat message, whose page carries the push id). Opening a push's message counts as an open.
 */
export const markReadInput = v.pipe(
  v.object({
    ids: v.optional(v.pipe(v.array(idSchema, '消息编号格式不对'), v.maxLength(50, '一次最多 50 条'))),
    all: v.optional(v.boolean()),
    push: v.optional(idSchema),
  }),
  v.forward(
    v.check((i) => i.all === true || i.push !== undefined || (i.ids !== undefined && i.ids.length > 0), '请选择要标记的消息'),
    ['ids'],
  ),
)
export type MarkReadInput = v.InferInput<typeof markReadInput>

export type InboxItem = Omit<InboxMessage, 'residentId'>

export type InboxOutput = PageOf<InboxItem> & { unreadCount: number }

export interface MarkReadOutput {
  marked: number
  unreadCount: number
}

const categoriesSchema = v.pipe(
  v.array(v.picklist(POLICY_CATEGORIES, '未知的政策类别'), '请选择政策类别'),
  v.maxLength(POLICY_CATEGORIES.length, '政策类别重复了'),
)
const groupsSchema = v.pipe(
  v.array(v.picklist(TARGET_GROUPS, '未知的人群'), '请选择人群'),
  v.maxLength(TARGET_GROUPS.length, '人群重复了'),
)

/**
 * `notify.subscribe`: my topics, and the templates I just accepted in WeChat's
 * `requestSubscribeMessage` (each adds one to my quota for it; the H5 build sends none).
 * `active: false` turns reminders off.
 */
export const subscribeInput = v.object({
  categories: categoriesSchema,
  targetGroups: groupsSchema,
  channel: v.picklist(['weapp', 'h5'] as const, '未知的渠道'),
  accepted: v.optional(v.pipe(v.array(idSchema, '模板编号格式不对'), v.maxLength(3, '一次最多 3 个模板')), []),
  active: v.optional(v.boolean(), true),
})
export type SubscribeInput = v.InferInput<typeof subscribeInput>

/** `notify.preferences`: my subscription and the templates to ask WeChat for. */
export const preferencesInput = v.object({})

/** One configured subscribe-message template and how many messages of it I have allowed and not yet received. */
export interface TemplateQuota {
  templateId: string
  remaining: number
}

/** What `preferences` and `subscribe` answer. */
export interface PreferencesOutput {
  subscription: {
    categories: PolicyCategory[]
    targetGroups: TargetGroup[]
    channel: SubscribeChannel
    active: boolean
    communityId: string | null
  } | null
  /** The templates to pass to `requestSubscribeMessage` (empty when none is configured). */
  templates: TemplateQuota[]
  /** My profile has no community yet: pushes go to communities, so reminders cannot reach me. */
  needsCommunity: boolean
}

/** `notify.push`: send a published policy to the subscribed residents of some communities (and groups). */
export const pushInput = v.object({
  policyId: idSchema,
  communityIds: v.pipe(v.array(idSchema, '请选择社区'), v.minLength(1, '请至少选择一个社区'), v.maxLength(200, '一次最多 200 个社区')),
  targetGroups: v.optional(groupsSchema, []),
})
export type PushInput = v.InferInput<typeof pushInput>

/** `notify.pushStatus`: the pushes of a policy, with counts and the funnel. */
export const pushStatusInput = v.object({ policyId: idSchema })

/**
 * One push as staff see it: the stored push's targets, delivery counts and funnel (the funnel's
 * two later steps counted as 0 when absent).
 */
export interface PushView
  extends Pick<
    PolicyPush,
    '_id' | 'policyVersion' | 'communityIds' | 'targetGroups' | 'queued' | 'sent' | 'failed' | 'failedNoQuota' | 'failedRefused' | 'opened' | 'createdAt' | 'createdByName'
  > {
  /** Residents it was filed for (every one also got it in their in-app inbox). */
  recipients: number
  intentsAfter: number
  benefitsAfter: number
  /** Nothing left to send (the last send pass finished). */
  done: boolean
}

/** An optional feature's configuration, as the staff page shows it. */
export interface FeatureConfig {
  configured: boolean
  /** '已配置' or '未配置'. */
  label: string
  /** What it means for the staff member, and who does what to set it up (empty when configured). */
  note: string
}

export interface PushStatusOutput {
  /** The WeChat subscribe-message template: without it pushes reach the in-app inbox only. */
  subscribeTemplate: FeatureConfig
  /** The policy's current version: a push of an older one is history. */
  policyVersion: number
  /** Communities the caller may push this policy to. */
  targets: { _id: string; name: string }[]
  /** Newest first. */
  pushes: PushView[]
}

/** What a resident's reminder data is, for 我的数据's export. */
export interface RemindersExport {
  subscription: { categories: string[]; targetGroups: string[]; channel: string; active: boolean; createdAt: string; updatedAt: string } | null
  /** WeChat reminders still allowed, per template. */
  consents: { templateId: string; remaining: number; granted: number; used: number }[]
  /** Policy reminders filed for me: when, whether sent, whether opened. */
  deliveries: { policyId: string; createdAt: string; status: string; sentAt: string; openedAt: string }[]
}

/** `notify.notices`: my notice switches. */
export const noticesInput = v.object({})

/**
 * `notify.setNotice`: turns one kind on or off (a progress notice, or `policy`: the policy
 * reminders subscription). Turning off a kind that is already off, or policy reminders never
 * subscribed to, answers the same settings and changes nothing.
 */
export const setNoticeInput = v.object({
  kind: v.picklist(SWITCHABLE_KINDS, '未知的提醒类别'),
  on: v.boolean('请选择开或关'),
})

/** `notify.consentNotices`: the notice template ids I just allowed in WeChat (one message each). */
export const consentNoticesInput = v.object({
  accepted: v.pipe(v.array(idSchema, '模板编号格式不对'), v.minLength(1, '没有新的允许'), v.maxLength(3, '一次最多 3 个模板')),
})

export interface NoticesOutput {
  kinds: { kind: SwitchableKind; label: string; on: boolean }[]
  /** The progress template to pass to `requestSubscribeMessage` and my consents left; null when none is configured. */
  template: TemplateQuota | null
}

