import * as v from 'valibot'
import type { RemindersExport } from './notify'
import type { InboxKind } from '../domain/inbox'
import type { NoticeKind, SwitchableKind } from '../domain/notice'
import type { Benefit, FollowUp, CaseAnswers, CaseStage, CaseStatus, StageChange, Venture } from '../domain/case'
import type { SignupStatus } from '../domain/event'
import type { StaffRole } from '../domain/roles'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { idSchema } from './common'

export const profileSaveInput = v.object({
  communityId: v.nullable(idSchema),
  targetGroups: v.pipe(
    v.array(v.picklist(TARGET_GROUPS, '未知的人群'), '请选择人群'),
    v.maxLength(TARGET_GROUPS.length, '人群选择过多'),
  ),
})
export type ProfileSaveInput = v.InferInput<typeof profileSaveInput>

/** The caller's profile and, for staff, their role and org. */
export interface Me {
  kind: 'resident' | 'staff'
  communityId: string | null
  communityName: string | null
  targetGroups: TargetGroup[]
  /** A resident with an active registration (创业意向): the home banner shows their file, not 去登记. */
  hasIntent: boolean
  staff: { name: string; role: StaffRole; orgId: string; orgName: string } | null
}

/** The word a resident types to confirm deleting their data. */
export const DELETE_CONFIRM_WORD = '删除'

/** `profile.deleteMine`: only an explicit, typed confirmation deletes anything. */
export const deleteMineInput = v.object({
  confirm: v.pipe(
    v.string(`请输入“${DELETE_CONFIRM_WORD}”确认`),
    v.trim(),
    v.check((s) => s === DELETE_CONFIRM_WORD, `请输入“${DELETE_CONFIRM_WORD}”两个字确认`),
  ),
})
export type DeleteMineInput = v.InferInput<typeof deleteMineInput>

/** One of my registrations as exported: my own ID number and phone in the clear, nobody else's. */
export interface IntentExport extends CaseAnswers {
  _id: string
  communityId: string
  communityName: string
  phone: string
  idCard: string
  consentVersion: string
  consentAt: string
  status: CaseStatus
  stage: CaseStage
  stageHistory: Omit<StageChange, 'byId'>[]
  followUps: Omit<FollowUp, 'byId'>[]
  ventures: Venture[]
  benefits: Benefit[]
  createdAt: string
  updatedAt: string
  acceptedAt: string
  withdrawnAt: string
}

export interface SignupExport {
  eventId: string
  eventTitle: string
  eventStartAt: string | null
  eventPlace: string
  status: SignupStatus
  name: string
  phone: string
  via: 'online' | 'walk_in'
  createdAt: string
  checkedInAt: string | null
  cancelledAt: string | null
}

export interface InboxExport {
  kind: InboxKind
  title: string
  body: string
  /** The page the message opens (a notice opens the case, the event, the feedback …), or null. */
  link: string | null
  createdAt: string
  readAt: string | null
}

/** My progress-notice switches and the WeChat messages filed for my notices. */
export interface NoticesExport {
  /** Each kind as 我的 → 消息提醒 shows it (policy reminders included). */
  switches: { kind: SwitchableKind; label: string; on: boolean }[]
  /** When I last changed a switch; null when I never did (everything on). */
  switchesUpdatedAt: string | null
  /** One per notice that was to reach me in WeChat, with whether it was sent and why not. */
  deliveries: { kind: NoticeKind; title: string; body: string; page: string; status: string; failReason: string | null; createdAt: string; sentAt: string }[]
}

/** `profile.exportMine`: everything held about the caller, as one JSON document. */
export interface MyDataExport {
  format: 'chuangye-my-data/1'
  exportedAt: string
  /** Plain-language notes on what is and is not in the file. */
  notes: string[]
  profile: { communityId: string | null; communityName: string | null; targetGroups: TargetGroup[]; updatedAt: string } | null
  intents: IntentExport[]
  eventSignups: SignupExport[]
  inbox: InboxExport[]
  /** My notice switches (消息提醒) and the WeChat deliveries of my notices. */
  notices: NoticesExport
  /** My policy-reminder subscription, WeChat consents and the reminders filed for me. */
  reminders: RemindersExport
  /** My feedback and complaints with the replies I was sent (staff-internal notes left out). */
  feedback: {
    kind: string
    anonymous: boolean
    contactName: string
    communityName: string
    text: string
    photos: number
    subjectTitle: string
    status: string
    replies: { kind: 'reply' | 'resident'; text: string; at: string; byName: string }[]
    rating: number | null
    ratingComment: string
    createdAt: string
    closedAt: string
  }[]
  /** My training enrolments, attendance and certificates. */
  courseEnrolments: { courseId: string; name: string; phoneMasked: string; attendedSessions: number[]; status: string; certificateNo: string | null; completedAt: string | null; createdAt: string }[]
  /** My requests for a session with my mentor. */
  mentorRequests: { mentorName: string; topic: string; preferredTime: string; status: string; createdAt: string }[]
  /** My applications for a place at a site or incubator. */
  siteApplications: { siteName: string; name: string; note: string; status: string; reply: string; createdAt: string }[]
  /** My own calls the append-only audit log recorded (time, action, result). */
  activity: { at: string; action: string; result: string }[]
}

/** `profile.deleteMine`: what was deleted or anonymised (all zeros on a repeat). */
export interface DeleteMineOutput {
  profileDeleted: boolean
  intentsAnonymised: number
  signupsDeleted: number
  signupsAnonymised: number
  inboxDeleted: number
  /** Policy-reminder records: the subscription, consents and per-push records. */
  remindersDeleted: number
  /** Feedback, course enrolments, mentor requests and site applications stripped of my words and identity. */
  serviceRecordsAnonymised: number
}
