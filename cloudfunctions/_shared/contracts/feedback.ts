import * as v from 'valibot'
import {
  FEEDBACK_KINDS,
  FEEDBACK_RESOLUTIONS,
  FEEDBACK_STATUSES,
  FEEDBACK_SUBJECT_KINDS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  type FeedbackEvent,
  type FeedbackKind,
  type FeedbackResolution,
  type FeedbackStatus,
  type FeedbackSubjectKind,
  MAX_PHOTOS,
  REPLY_TEXT_MAX,
} from '../domain/feedback'
import type { OrgLevel } from '../domain/org'
import { cursorSchema, idSchema, isPlaceholder, limitSchema, text } from './common'

/**
 * A stored upload: a CloudBase fileID (`cloud://…`) or a local-runtime name (`local:…`). Only
 * its shape is checked here; the action asks the files port whether it exists and what it is.
 */
export const photoRefSchema = v.pipe(
  v.string('照片格式不对'),
  v.maxLength(300, '照片地址过长'),
  v.regex(/^(cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]+|local:[A-Za-z0-9_-]{22}\.(jpg|png|webp))$/, '照片没有上传成功，请重新选择'),
)

/** `feedback.submit`: a new item from a resident. */
export const feedbackSubmitInput = v.object({
  kind: v.picklist(FEEDBACK_KINDS, '请选择反馈类型'),
  // An id, never the picker's prompt (请选择你所在的社区) or its empty default.
  communityId: v.pipe(v.string('请选择社区'), v.trim(), v.minLength(1, '请选择社区'), v.maxLength(64, '社区编号过长'), v.regex(/^[A-Za-z0-9_-]+$/, '请选择社区')),
  text: text('反馈内容', FEEDBACK_TEXT_MIN, FEEDBACK_TEXT_MAX),
  anonymous: v.optional(v.boolean('匿名选项格式不对'), false),
  contactName: v.optional(
    v.pipe(v.string('称呼格式不对'), v.trim(), v.maxLength(20, '称呼最多 20 个字'), v.check((s) => !isPlaceholder(s), '称呼不要填“选填”这类提示，不想留可以空着')),
    '',
  ),
  photos: v.optional(v.pipe(v.array(photoRefSchema, '照片格式不对'), v.maxLength(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`)), []),
  subject: v.optional(
    v.nullable(v.object({ kind: v.picklist(FEEDBACK_SUBJECT_KINDS, '未知的关联内容'), id: idSchema })),
    null,
  ),
})
export type FeedbackSubmitInput = v.InferInput<typeof feedbackSubmitInput>

/** `feedback.mine`: the resident's own items, newest first. */
export const feedbackMineInput = v.object({ after: cursorSchema, limit: limitSchema })

/** `feedback.list`: the staff inbox of the caller's community. */
export const feedbackListInput = v.object({
  kind: v.optional(v.picklist(FEEDBACK_KINDS, '未知的反馈类型')),
  status: v.optional(v.picklist(FEEDBACK_STATUSES, '未知的状态')),
  /** Only items waiting for an answer past their due date. */
  overdue: v.optional(v.boolean('超期筛选格式不对'), false),
  /** Only items waiting for an answer due within two days or already past it (the workbench's line). */
  due: v.optional(v.boolean('到期筛选格式不对'), false),
  /** Only items assigned to the caller. */
  mine: v.optional(v.boolean('筛选格式不对'), false),
  after: cursorSchema,
  limit: limitSchema,
})
export type FeedbackListInput = v.InferInput<typeof feedbackListInput>

export const feedbackIdInput = v.object({ id: idSchema })

/** `feedback.reply`: an answer the resident sees, or (`internal`) a note only staff see. */
export const feedbackReplyInput = v.object({
  id: idSchema,
  text: text('回复内容', 1, REPLY_TEXT_MAX),
  internal: v.optional(v.boolean('内部备注选项格式不对'), false),
})
export type FeedbackReplyInput = v.InferInput<typeof feedbackReplyInput>

/** `feedback.assign`: hands the item to a colleague of the same community. */
export const feedbackAssignInput = v.object({ id: idSchema, staffId: idSchema })

const ratingSchema = v.pipe(
  v.number('请选择评分'),
  v.integer('请选择评分'),
  v.minValue(1, '请选择评分'),
  v.maxValue(5, '请选择评分'),
)

/**
 * `feedback.close`. Staff close with a resolution category (and an optional note); a resident
 * closes by rating the answer (1–5, optional comment). Which fields are required follows from
 * who calls.
 */
export const feedbackCloseInput = v.object({
  id: idSchema,
  resolution: v.optional(v.picklist(FEEDBACK_RESOLUTIONS, '请选择办结方式')),
  note: v.optional(v.pipe(v.string('说明格式不对'), v.trim(), v.maxLength(300, '说明最多 300 个字')), ''),
  rating: v.optional(ratingSchema),
  comment: v.optional(v.pipe(v.string('评价格式不对'), v.trim(), v.maxLength(300, '评价最多 300 个字')), ''),
})
export type FeedbackCloseInput = v.InferInput<typeof feedbackCloseInput>

/** `feedback.reopen`: the resident is not satisfied and says why. */
export const feedbackReopenInput = v.object({ id: idSchema, text: text('补充说明', 2, 500) })
export type FeedbackReopenInput = v.InferInput<typeof feedbackReopenInput>

/** `feedback.stats`: counts for the caller's scope, or one org inside it. */
export const feedbackStatsInput = v.object({ orgId: v.optional(idSchema) })

/** A photo to show: a temporary link. */
export interface FeedbackPhotoLink {
  url: string
  expiresAt: string
}

/** A message as the resident sees it (no internal notes, no staff ids). */
export interface FeedbackThreadEntry {
  id: string
  kind: 'reply' | 'note' | 'resident'
  text: string
  at: string
  byName: string
}

/** One row of 我的反馈. */
export interface MyFeedbackRow {
  _id: string
  kind: FeedbackKind
  status: FeedbackStatus
  excerpt: string
  communityName: string
  subjectTitle: string
  anonymous: boolean
  createdAt: string
  updatedAt: string
  /** A staff answer the resident has not rated yet. */
  awaitingRating: boolean
}

/** An item as its resident sees it. */
export interface MyFeedbackView extends MyFeedbackRow {
  view: 'resident'
  text: string
  photos: FeedbackPhotoLink[]
  subjectKind: FeedbackSubjectKind | null
  subjectId: string | null
  contactName: string
  dueDate: string
  replies: FeedbackThreadEntry[]
  resolution: FeedbackResolution | null
  resolutionNote: string
  closedAt: string
  rating: number | null
  ratingComment: string
  canRate: boolean
  canReopen: boolean
  /** ISO time the reopen window ends, or null. */
  reopenUntil: string | null
}

/** One inbox row for staff. Never the resident's id; for anonymous items no name either. */
export interface StaffFeedbackRow {
  _id: string
  kind: FeedbackKind
  status: FeedbackStatus
  excerpt: string
  /** '匿名居民', the name the resident gave, or '居民'. */
  from: string
  anonymous: boolean
  photoCount: number
  subjectTitle: string
  createdAt: string
  dueDate: string
  overdue: boolean
  ageDays: number
  assigneeName: string
}

/** An item as staff of its community see it. */
export interface StaffFeedbackView extends StaffFeedbackRow {
  view: 'staff'
  communityName: string
  text: string
  photos: FeedbackPhotoLink[]
  subjectKind: FeedbackSubjectKind | null
  subjectId: string | null
  /** The resident's case this item names (never for anonymous items). */
  caseId: string | null
  assigneeId: string
  thread: FeedbackThreadEntry[]
  events: FeedbackEvent[]
  resolution: FeedbackResolution | null
  resolutionNote: string
  closedAt: string
  rating: number | null
  ratingComment: string
  /** Colleagues of the community the item may be assigned to. */
  colleagues: { _id: string; name: string }[]
  /** The caller may reply, assign and close. */
  mayWrite: boolean
}

/** Counts per status plus the overdue count. */
export type FeedbackCounts = Record<FeedbackStatus, number> & { overdue: number; total: number }

/** An overdue item as the level above sees it: what and how old, never who. */
export interface OverdueFeedback {
  _id: string
  kind: FeedbackKind
  status: FeedbackStatus
  communityId: string
  communityName: string
  dueDate: string
  ageDays: number
}

/** The feedback metrics of the scope's counters for one period (year to date by default). */
export interface FeedbackIndices {
  period: string
  received: number
  answered: number
  answeredOnTime: number
  /** answeredOnTime ÷ answered × 100, or null with nothing answered. */
  onTimeRate: number | null
  ratings: number
  ratingSum: number
  /** ratingSum ÷ ratings, or null with no ratings. */
  averageRating: number | null
  complaintsUnresolved: number
}

export interface FeedbackStatsOutput {
  scope: { orgId: string; name: string; level: OrgLevel }
  counts: FeedbackCounts
  /** Per community below the scope (one row for a community scope). */
  communities: { orgId: string; name: string; counts: FeedbackCounts }[]
  overdueItems: OverdueFeedback[]
  indices: FeedbackIndices
}

/** `get` answers with the view of whoever calls. */
export type FeedbackView = MyFeedbackView | StaffFeedbackView
