import type { AuditEntry } from '../domain/audit'
import type { Counter } from '../domain/counter'
import type { ReviewRubric, ReviewScore } from '../domain/review-rubric'
import type { EvaluationApplication, EvaluationDeadlineDoc, EvaluationExtensionDoc } from '../domain/evaluation'
import type { EventReach, EventRequest, EventSignup, PromotionEvent } from '../domain/event'
import type { Feedback } from '../domain/feedback'
import type { DutyAdjustment, DutyTask } from '../domain/duty'
import type { InboxMessage } from '../domain/inbox'
import type { NoticeDelivery, NoticeSettings } from '../domain/notice'
import type { OutboxMessage, PolicyPush, PushDelivery, SubscribeQuota, Subscription } from '../domain/notify'
import type { ClaimCode, Case, CaseSlot } from '../domain/case'
import type { Project } from '../domain/project'
import type { Guide, Hotline, Mentor, MentorRequest, Site, SiteApplication, Story } from '../domain/service'
import type { Course, CourseEnrolment } from '../domain/training'
import type { Invitation } from '../domain/invitation'
import type { Job } from '../domain/job'
import type { Org } from '../domain/org'
import type { MigrationRecord } from '../domain/migration'
import type { Policy } from '../domain/policy'
import type { RateWindow } from '../domain/rate-limit'
import type { Profile } from '../domain/profile'
import type { Honor, HonorYear, Report } from '../domain/report'
import type { SearchEntry } from '../domain/search'
import type { ShareArrival } from '../domain/share'
import type { StaffMember } from '../domain/staff'
import type { TargetRecord, TargetYear } from '../domain/target'
import type { LeaderPairing } from '../domain/pairing'
import type { LocalAverage } from '../domain/census'
import type { OrgSetup } from '../domain/org-setup'
import type { Survey, SurveyDeviceSlot, SurveyResponse, SurveyTally } from '../domain/survey'

/** Every collection and its document type: the one map of collection names. */
export interface Collections {
  orgs: Org
  staff: StaffMember
  profiles: Profile
  policies: Policy
  counters: Counter
  audit: AuditEntry
  invitations: Invitation
  surveys: Survey
  /** Anonymous answers: id = keyed hash of (survey, resident); no identity inside. */
  surveyResponses: SurveyResponse
  /** One per survey: response count and per-question, per-level answer counts. */
  surveyTallies: SurveyTally
  /** Browser build: one response per device per survey; id = keyed hash of (survey, device). */
  surveyDevices: SurveyDeviceSlot
  /** Cases: residents' registered entrepreneurial intents, followed in the 帮扶台帐 (stored as `intents` until 2026-12). */
  cases: Case
  /** Active-registration claims: id = keyed hash; one per (community, ID number) and (community, resident). */
  caseSlots: CaseSlot
  /** One-time codes residents asked for to claim a case registered on their behalf; id = keyed hash of the resident. */
  claimCodes: ClaimCode
  /** The project reserve (创业项目库). */
  projects: Project
  /** Promotion events; id `ev_<code>`, the code carried in QR scenes. */
  events: PromotionEvent
  /** One per (event, resident): id = keyed hash of the pair. */
  eventSignups: EventSignup
  /** Processed resident requests (idempotent retries): id = keyed hash of (resident, action, request id). */
  eventRequests: EventRequest
  /** Residents reached by an org's events, once each: id = keyed hash of (org, resident). */
  eventReach: EventReach
  /** The in-app inbox. */
  inbox: InboxMessage
  /** Resident feedback and complaints (反馈/投诉) with their thread. */
  feedback: Feedback
  /** Policy reminder subscriptions: id = resident id. */
  subscriptions: Subscription
  /** WeChat subscribe-message consents left: id = keyed hash of (resident, template id). */
  subscribeQuotas: SubscribeQuota
  /** Policy pushes: id = `push_<policy>_v<version>`, one per policy version. */
  pushes: PolicyPush
  /** One per (push, resident), recorded before sending: id = `pd_` + keyed hash of the pair. */
  pushDeliveries: PushDelivery
  /** The local runtime's stand-in for WeChat: messages as they would have been sent. */
  outbox: OutboxMessage
  /** Residents who opened an item through a share, once per (item, resident): id = keyed hash of the pair. */
  shareArrivals: ShareArrival
  /** The evaluation chain: one application per community per year, id `<communityId>:<year>`. */
  evaluations: EvaluationApplication
  /** A year's evaluation deadlines as the city set them, id = the year. */
  evaluationDeadlines: EvaluationDeadlineDoc
  /** A community's own extended deadlines for a year, id `<communityId>:<year>`. */
  evaluationExtensions: EvaluationExtensionDoc
  /** Training courses with sessions; id `co_<code>`, the code carried in check-in scenes. */
  courses: Course
  /** One per (course, resident): id = keyed hash of the pair; attendance and certificate. */
  courseEnrolments: CourseEnrolment
  /** The mentor group (创业服务指导团), kept per org. */
  mentors: Mentor
  /** Residents' requests for a session with their mentor. */
  mentorRequests: MentorRequest
  /** Sites and incubators (创业园、孵化基地、低租金场地). */
  sites: Site
  /** Residents' applications for a place; one per (site, resident). */
  siteApplications: SiteApplication
  /** Step-by-step guides (办事指南). */
  guides: Guide
  /** Success stories (典型宣传), published with consent. */
  stories: Story
  /** Offices' hotlines and hours; id = org id. */
  hotlines: Hotline
  /** A resident's notice switches (我的 → 消息提醒), id = resident id; absent: all on. */
  noticeSettings: NoticeSettings
  /** WeChat subscribe messages for notices, filed with their inbox message, sent by notify's `sendNotices`. */
  noticeDeliveries: NoticeDelivery
  /** The search index: one entry per findable item, id `<kind>:<item id>` (application/search-index.ts). */
  searchEntries: SearchEntry
  /** Data migrations applied to this database, id = the migration's name (see runtime/migrations.ts). */
  migrations: MigrationRecord
  /** Long work run in resumable chunks (exports, the recount): progress and cursor, see runtime/jobs.ts. */
  jobs: Job
  /** Per-caller call counts on CloudBase, shared by every function instance: id = `rl_` + hash of the caller (runtime/rate-limit.ts). */
  rateLimits: RateWindow
  /** Targets as data (目标): id `<year>:<orgId>:<index>`, set by the city, split down the tree. */
  targets: TargetRecord
  /** Years whose targets are closed to edits: id = the year. */
  targetYears: TargetYear
  /** Upward reports (工作简报 / 工作情况 / 好经验 / 认定报告) with their route and read receipts. */
  reports: Report
  /** 表彰: one per person or org named in a year by the city or a district. */
  honors: Honor
  /** A naming office's published 表彰 list for a year: id `<orgId>:<year>`. */
  honorYears: HonorYear
  /** 当地平均数 of the 创业活动指数 per year (entered or computed by the city): id = the year. */
  localAverages: LocalAverage
  /** 组织体系: a community's 创建组织, equipment, 工作计划 and 宣传方案 (id = the community's org id). */
  orgSetups: OrgSetup
  /** 领导干部联系挂帮: a leader paired with an entrepreneur's case, id `<caseId>:<staffId>`. */
  pairings: LeaderPairing
  /** The plan's tasks (督查): owner, deadline, weight, progress reports and 催办 kept on the task. */
  dutyTasks: DutyTask
  /** The level above's adjustments of a 目标责任考核 result: id `<year>_<ownerKey>`. */
  dutyAdjustments: DutyAdjustment
  /** A district's 评审内容 for a year, id `<districtId>:<year>`. */
  reviewRubrics: ReviewRubric
  /** One reviewer level's scores of a community for a year, id `<communityId>:<year>:<level>`. */
  reviewScores: ReviewScore
}

export type CollectionName = Extract<keyof Collections, string>

/**
 * Names no longer used, kept only so the migration that moved their documents
 * (`runtime/migrations.ts`, RENAMED_COLLECTIONS) can read what an older database holds: the
 * SQLite store opens one only when the file already has it; nothing else may use them.
 */
export const RETIRED_COLLECTION_NAMES = ['event_signups', 'event_requests', 'event_reach', 'intents', 'intentSlots'] as const

export const COLLECTION_NAMES: readonly CollectionName[] = ['orgs', 'staff', 'profiles', 'policies', 'counters', 'audit', 'invitations', 'surveys', 'surveyResponses', 'surveyTallies', 'surveyDevices', 'cases', 'caseSlots', 'claimCodes', 'projects', 'events', 'eventSignups', 'eventRequests', 'eventReach', 'inbox', 'feedback', 'subscriptions', 'subscribeQuotas', 'pushes', 'pushDeliveries', 'outbox', 'shareArrivals', 'evaluations', 'evaluationDeadlines', 'evaluationExtensions', 'courses', 'courseEnrolments', 'mentors', 'mentorRequests', 'sites', 'siteApplications', 'guides', 'stories', 'hotlines', 'searchEntries', 'noticeSettings', 'noticeDeliveries', 'migrations', 'jobs', 'rateLimits', 'targets', 'targetYears', 'reports', 'honors', 'honorYears', 'localAverages', 'pairings', 'orgSetups', 'dutyTasks', 'dutyAdjustments', 'reviewRubrics', 'reviewScores']

/**
 * A CloudBase database security rule for the client SDK (the console's 自定义安全规则 JSON:
 * `read` / `write` are `true`, `false` or an expression). Functions use the server SDK, which
 * the rules do not bind.
 */
export interface ClientRule {
  read: boolean | string
  write: boolean | string
}

/** The default for every collection: no client access, every read and write goes through a function. */
export const NO_CLIENT_ACCESS: ClientRule = { read: false, write: false }

/**
 * Collections a mini-program may reach with the client SDK, each with its reason. None: the
 * mini-program reads and writes only through functions, so identity and scope are always
 * checked server-side. An entry here is the only way to open one.
 */
export const CLIENT_ACCESS_EXCEPTIONS: Partial<Record<CollectionName, { rule: ClientRule; reason: string }>> = {}

/** The declared client rule of a collection. */
export function clientRule(name: CollectionName): ClientRule {
  return CLIENT_ACCESS_EXCEPTIONS[name]?.rule ?? NO_CLIENT_ACCESS
}
