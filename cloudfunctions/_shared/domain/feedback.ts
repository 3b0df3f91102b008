import type { Contribution } from './counter'
import { shanghaiDate } from './time'

/**
 * Resident feedback and complaints (反馈/投诉). Seed 000 counts it against a community when
 * entrepreneurship-service problems lead to petitions or incidents, and seed 001 asks for
 * entrepreneurs' complaints to be handled promptly: every item gets a response deadline, an
 * answer the resident can see and rate, and a trail staff cannot skip.
 */

/** What the resident is telling the community. */
export const FEEDBACK_KINDS = ['consultation', 'suggestion', 'service_complaint', 'policy_complaint'] as const
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  consultation: '咨询',
  suggestion: '建议',
  service_complaint: '投诉服务',
  policy_complaint: '政策没落实',
}

/** What residents read under each kind on the form. */
export const FEEDBACK_KIND_HINTS: Record<FeedbackKind, string> = {
  consultation: '想问政策、办事流程等',
  suggestion: '对社区创业服务有好的想法',
  service_complaint: '对工作人员或服务不满意',
  policy_complaint: '该享受的扶持政策没有落实',
}

/** The two complaint kinds: these count in 未办结投诉 (complaintsUnresolved). */
export const COMPLAINT_KINDS: readonly FeedbackKind[] = ['service_complaint', 'policy_complaint']

export function isComplaint(kind: FeedbackKind): boolean {
  return COMPLAINT_KINDS.includes(kind)
}

/**
 * The response deadline per kind, in working days after the day the item arrives: the one place
 * to change it. Complaints 3 working days, as seed 001 asks them to be handled promptly.
 */
export const RESPONSE_WORKING_DAYS: Record<FeedbackKind, number> = {
  consultation: 5,
  suggestion: 10,
  service_complaint: 3,
  policy_complaint: 3,
}

/** received → in_progress → answered → closed; a reopen sends an item back to in_progress. */
export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: '已收到',
  in_progress: '处理中',
  answered: '已答复',
  closed: '已办结',
}

/** Statuses still waiting for an answer: the deadline runs only in these. */
export const AWAITING_ANSWER: readonly FeedbackStatus[] = ['received', 'in_progress']

/** How staff close an item. */
export const FEEDBACK_RESOLUTIONS = ['resolved', 'explained', 'referred', 'duplicate', 'invalid'] as const
export type FeedbackResolution = (typeof FEEDBACK_RESOLUTIONS)[number]

export const FEEDBACK_RESOLUTION_LABELS: Record<FeedbackResolution, string> = {
  resolved: '问题已解决',
  explained: '已解释说明',
  referred: '已转交有关部门',
  duplicate: '重复反馈',
  invalid: '无效反馈',
}

/** Where a resident started from; a case subject links the item to the resident's case. */
export const FEEDBACK_SUBJECT_KINDS = ['policy', 'event', 'case'] as const
export type FeedbackSubjectKind = (typeof FEEDBACK_SUBJECT_KINDS)[number]

/** Calendar days after an answer (or closing) in which the resident may reopen the item. */
export const REOPEN_WINDOW_DAYS = 7

export const FEEDBACK_TEXT_MIN = 5
export const FEEDBACK_TEXT_MAX = 1000
export const REPLY_TEXT_MAX = 1000
export const MAX_PHOTOS = 3
/** Largest accepted photo, in bytes. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024

/** Photo formats accepted, recognised by their first bytes, never by a name or a declared type. */
export const PHOTO_TYPES = ['jpeg', 'png', 'webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

export const PHOTO_EXTENSIONS: Record<PhotoType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }
export const PHOTO_MIME: Record<PhotoType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** The image format from a file's first 12 bytes (magic numbers), or null for anything else. */
export function detectPhotoType(head: Uint8Array): PhotoType | null {
  const at = (i: number, bytes: number[]) => bytes.every((b, k) => head[i + k] === b)
  if (at(0, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  // RIFF....WEBP
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp'
  return null
}

/** Why a photo is refused, in words for the resident; null when it is fine. */
export function photoProblem(size: number, head: Uint8Array): string | null {
  if (size === 0) return '照片是空的，请重新选择'
  if (size > PHOTO_MAX_BYTES) return `照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`
  if (!detectPhotoType(head)) return '只能上传 JPG、PNG 或 WebP 格式的照片'
  return null
}

/** One entry in an item's thread. */
export interface FeedbackMessage {
  id: string
  /**
   * `reply`: staff answer the resident sees; `note`: internal, staff only; `resident`: what the
   * resident added when reopening.
   */
  kind: 'reply' | 'note' | 'resident'
  text: string
  at: string
  /** Staff id, or '' for the resident (whose id never goes into the thread). */
  byId: string
  byName: string
}

/** One thing staff did, for the item's trail on the staff side. */
export interface FeedbackEvent {
  at: string
  what: 'assigned' | 'closed' | 'reopened' | 'rated'
  byName: string
  detail: string
}

/**
 * One feedback item. `residentId` is kept so the resident sees their own items and the answer
 * reaches them; it never leaves the server in a staff view, and for an anonymous item neither
 * does any other identity (no name, no case).
 */
export interface Feedback {
  _id: string
  residentId: string
  anonymous: boolean
  /** How the resident wants to be called; '' when anonymous or not given. */
  contactName: string
  communityId: string
  communityPath: string[]
  communityName: string
  kind: FeedbackKind
  text: string
  /** Storage references of the photos (cloud fileIDs, or `local:` names in the local runtime). */
  photos: string[]
  subjectKind: FeedbackSubjectKind | null
  subjectId: string | null
  subjectTitle: string
  /** The resident's own case the item names; null for anonymous items. */
  caseId: string | null
  status: FeedbackStatus
  assigneeId: string
  assigneeName: string
  messages: FeedbackMessage[]
  events: FeedbackEvent[]
  createdAt: string
  /** Shanghai date by which the first answer is due (what 按时答复 measures). */
  firstDueDate: string
  /** Shanghai date by which the current round's answer is due (reset by a reopen). */
  dueDate: string
  /** ISO time of the first staff reply, or ''. */
  firstAnsweredAt: string
  /** ISO time of the latest staff reply in the current round, or '' while awaiting one. */
  answeredAt: string
  closedAt: string
  closedBy: 'staff' | 'resident' | ''
  resolution: FeedbackResolution | null
  resolutionNote: string
  /** 1–5, the resident's rating of the latest answer, or null. */
  rating: number | null
  ratingComment: string
  ratedAt: string
  reopenCount: number
  updatedAt: string
  version: number
}

/** The Shanghai weekday of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/**
 * The date `n` working days after `date` (Monday to Friday; the day itself does not count, so an
 * item arriving on Friday with 3 days is due the next Wednesday). Public holidays are not known
 * to the app and count as working days.
 */
export function addWorkingDays(date: string, n: number): string {
  let d = date
  let left = n
  while (left > 0) {
    d = addDays(d, 1)
    const w = weekday(d)
    if (w !== 0 && w !== 6) left--
  }
  return d
}

/** The due date of an item of `kind` arriving (or reopened) at `at`. */
export function dueDateFor(kind: FeedbackKind, at: Date): string {
  return addWorkingDays(shanghaiDate(at), RESPONSE_WORKING_DAYS[kind])
}

/** Waiting for an answer past its due date (Shanghai date `today`). */
export function isFeedbackOverdue(f: Pick<Feedback, 'status' | 'dueDate'>, today: string): boolean {
  return AWAITING_ANSWER.includes(f.status) && f.dueDate < today
}

/** Whole calendar days since the item arrived. */
export function ageInDays(createdAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 86_400_000))
}

/** The last moment the resident may reopen, or null when the item cannot be reopened. */
export function reopenUntil(f: Pick<Feedback, 'status' | 'answeredAt' | 'closedAt'>): Date | null {
  if (f.status !== 'answered' && f.status !== 'closed') return null
  const from = [f.answeredAt, f.closedAt].filter(Boolean).sort().pop()
  if (!from) return null
  return new Date(new Date(from).getTime() + REOPEN_WINDOW_DAYS * 86_400_000)
}

/** Whether the resident may still reopen the item at `now`. */
export function mayReopen(f: Pick<Feedback, 'status' | 'answeredAt' | 'closedAt'>, now: Date): boolean {
  const until = reopenUntil(f)
  return until !== null && now.getTime() <= until.getTime()
}

/** Whether the resident may rate: staff have answered, and this answer is not rated yet. */
export function mayRate(f: Pick<Feedback, 'firstAnsweredAt' | 'answeredAt' | 'ratedAt' | 'status'>): boolean {
  if (!f.answeredAt) return false
  return f.status !== 'received' && f.status !== 'in_progress' && (!f.ratedAt || f.ratedAt < f.answeredAt)
}

/** Counter metric names (DESIGN.md "Aggregates"); the dashboard reads these. */
export const FEEDBACK_METRICS = {
  received: 'feedbackReceived',
  receivedOf: (kind: FeedbackKind) => `feedbackReceived_${kind}`,
  answered: 'feedbackAnswered',
  answeredOnTime: 'feedbackAnsweredOnTime',
  ratingSum: 'feedbackRatingSum',
  ratings: 'feedbackRatings',
  complaintsUnresolved: 'complaintsUnresolved',
  /** A stock: items now in `status`, dated the day they arrived (summing every year document gives today's count). */
  inStatus: (status: FeedbackStatus) => `feedbackIn_${status}`,
} as const

/**
 * What one item adds to its community's counters: received (and by kind) on the day it arrived;
 * answered, and answered on time, on the day of the first answer (on time: by the first due
 * date); the current rating on the day it was given; and for complaints a stock of unresolved
 * ones, +1 when received and −1 when closed (a reopen takes the −1 back); and the item in its
 * current status, on the day it arrived (so `feedback.stats` counts by status from the counters).
 */
export function feedbackContributions(
  f: Pick<Feedback, 'kind' | 'createdAt' | 'firstAnsweredAt' | 'firstDueDate' | 'rating' | 'ratedAt' | 'status' | 'closedAt'>,
): Contribution[] {
  const M = FEEDBACK_METRICS
  const complaint = isComplaint(f.kind)
  const out: Contribution[] = [
    {
      date: shanghaiDate(new Date(f.createdAt)),
      inc: { [M.received]: 1, [M.receivedOf(f.kind)]: 1, [M.inStatus(f.status)]: 1, ...(complaint ? { [M.complaintsUnresolved]: 1 } : {}) },
    },
  ]
  if (f.firstAnsweredAt) {
    const day = shanghaiDate(new Date(f.firstAnsweredAt))
    out.push({ date: day, inc: { [M.answered]: 1, [M.answeredOnTime]: day <= f.firstDueDate ? 1 : 0 } })
  }
  if (f.rating !== null && f.ratedAt) {
    out.push({ date: shanghaiDate(new Date(f.ratedAt)), inc: { [M.ratingSum]: f.rating, [M.ratings]: 1 } })
  }
  if (complaint && f.status === 'closed' && f.closedAt) {
    out.push({ date: shanghaiDate(new Date(f.closedAt)), inc: { [M.complaintsUnresolved]: -1 } })
  }
  return out
}
