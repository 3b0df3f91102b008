import * as v from 'valibot'
import type { CodeImage, FileRef } from './file'
import {
  type EventPhase,
  type EventStatus,
  type PromotionEvent,
  type RefusalReason,
  SIGNUP_STATUSES,
  type SignupStatus,
} from '../domain/event'
import { cursorSchema, idSchema, limitSchema, type PageOf, text, editVersionSchema, versionWhenEditing } from './common'

/**
 * An instant as the client sends it: ISO 8601 with a zone (`2026-12-05T09:30:00+08:00`),
 * normalised to UTC (`…Z`) so stored values compare as strings.
 */
export const instantSchema = v.pipe(
  v.string('请选择时间'),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式不对'),
  v.check((s) => !Number.isNaN(Date.parse(s)), '时间格式不对'),
  v.transform((s) => new Date(s).toISOString()),
)

/** A mainland mobile number (sign-up contact). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/** A client-made id for one tap, so a retry on a poor connection has no second effect. */
export const requestIdSchema = v.pipe(
  v.string('缺少请求编号'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'),
)

/** `event.save`: the staff editor's form. A new event is published at once. */
export const eventDraftSchema = v.pipe(
  v.object({
    /** Absent for a new event. */
    id: v.optional(idSchema),
    /** The version being edited; required with `id`. */
    version: editVersionSchema,
    title: text('活动名称', 4, 40),
    description: text('活动介绍', 10, 1000),
    place: text('活动地点', 2, 80),
    startAt: instantSchema,
    endAt: instantSchema,
    capacity: v.pipe(
      v.number('请填写人数上限'),
      v.integer('人数上限应为整数'),
      v.minValue(1, '人数上限至少 1 人'),
      v.maxValue(5000, '人数上限最多 5000 人'),
    ),
    signupFrom: instantSchema,
    signupUntil: instantSchema,
    walkIn: v.boolean('请选择是否允许现场报名'),
    surveyId: v.nullable(idSchema),
    policyIds: v.pipe(v.array(idSchema, '关联政策格式不对'), v.maxLength(10, '最多关联 10 条政策')),
  }),
  v.forward(
    v.partialCheck([['startAt'], ['endAt']], (i) => i.endAt > i.startAt, '结束时间应晚于开始时间'),
    ['endAt'],
  ),
  v.forward(
    v.partialCheck([['signupFrom'], ['signupUntil']], (i) => i.signupUntil > i.signupFrom, '报名截止应晚于报名开始'),
    ['signupUntil'],
  ),
  v.forward(
    v.partialCheck([['signupUntil'], ['endAt']], (i) => i.signupUntil <= i.endAt, '报名截止不能晚于活动结束'),
    ['signupUntil'],
  ),
  versionWhenEditing(),
)
export type EventDraft = v.InferOutput<typeof eventDraftSchema>
export type EventDraftInput = v.InferInput<typeof eventDraftSchema>

/** `event.list`: residents get upcoming events of their community's chain; `manage` is staff's. */
export const eventListInput = v.object({
  view: v.optional(v.picklist(['resident', 'manage'] as const, '未知的列表类型'), 'resident'),
  /** Manage view: events not yet ended, past ones, or today's published ones (to check people in). */
  when: v.optional(v.picklist(['current', 'past', 'today'] as const, '未知的时间范围'), 'current'),
  after: cursorSchema,
  limit: limitSchema,
})
export type EventListInput = v.InferInput<typeof eventListInput>

export const eventIdInput = v.object({ id: idSchema })

export const sceneSchema = v.pipe(v.string('缺少二维码内容'), v.trim(), v.minLength(1, '缺少二维码内容'), v.maxLength(64, '二维码内容不对'))

/** `event.resolve`: a scanned scene → the event and what the caller may do. */
export const resolveInput = v.object({ scene: sceneSchema })

/** `event.signup`: sign up (or join the waitlist) with a name and a mobile number. */
export const signupInput = v.object({
  eventId: idSchema,
  name: text('姓名', 2, 20),
  phone: v.pipe(v.string('请填写手机号'), v.trim(), v.regex(MOBILE_PATTERN, '请填写 11 位手机号')),
  requestId: requestIdSchema,
  /**
   * The check-in code, when signing up at the venue: a fresh one lets a walk-in sign up outside
   * the sign-up window (if the event allows walk-ins) and checks a confirmed sign-up in at once.
   */
  scene: v.optional(sceneSchema),
})
export type SignupInput = v.InferInput<typeof signupInput>

/** `event.cancel`: a resident gives back their place, or staff cancel the whole event. */
export const cancelInput = v.variant(
  'mode',
  [
    v.object({ mode: v.literal('signup'), eventId: idSchema, requestId: requestIdSchema }),
    v.object({ mode: v.literal('event'), eventId: idSchema, reason: text('取消原因', 2, 100) }),
  ],
  '未知的取消方式',
)
export type CancelInput = v.InferInput<typeof cancelInput>

/** `event.checkin`: a resident scans the rotating code, or staff check someone in by hand. */
export const checkinInput = v.variant(
  'mode',
  [
    v.object({ mode: v.literal('scan'), eventId: idSchema, scene: sceneSchema, requestId: requestIdSchema }),
    v.object({ mode: v.literal('manual'), eventId: idSchema, signupId: idSchema }),
  ],
  '未知的签到方式',
)
export type CheckinInput = v.InferInput<typeof checkinInput>

export const attendeesInput = v.object({
  eventId: idSchema,
  status: v.optional(v.picklist(SIGNUP_STATUSES, '未知的状态')),
  after: cursorSchema,
  limit: limitSchema,
})
export type AttendeesInput = v.InferInput<typeof attendeesInput>

/** `event.code`: the poster's code or the current check-in code, as a PNG. */
export const codeInput = v.object({
  id: idSchema,
  purpose: v.picklist(['poster', 'checkin'] as const, '未知的二维码用途'),
  /**
   * Local runtime only: the origin the H5 app is served from (the QR opens `<origin>/#/…`).
   * The mini-program code ignores it.
   */
  origin: v.optional(v.pipe(v.string(), v.maxLength(200, '网址过长'), v.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '网址格式不对'))),
})
export type CodeInput = v.InferInput<typeof codeInput>

export const exportInput = v.object({ eventId: idSchema })

/** Live counts of an event. */
export interface EventCounts {
  capacity: number
  confirmed: number
  waitlisted: number
  checkedIn: number
}

/** The caller's own sign-up. */
export interface MySignup {
  _id: string
  status: SignupStatus
  name: string
  phoneMasked: string
  via: 'online' | 'walk_in'
  createdAt: string
  checkedInAt: string | null
  /** Waitlisted: how many are ahead; otherwise null. */
  waitlistAhead: number | null
}

/** What the client sees of an event. */
export type EventView = Omit<
  PromotionEvent,
  'orgPath' | 'updatedBy' | 'seq' | 'confirmedCount' | 'waitlistCount' | 'checkedInCount'
> & {
  phase: EventPhase
  counts: EventCounts
  /** The caller may edit, cancel, check people in (staff in scope). */
  editable: boolean
  /** A resident's own sign-up, or null. */
  mine: MySignup | null
  /** Titles of the linked policies still visible. */
  policies: { _id: string; title: string }[]
}

/** `event.get`: the view plus, for a resident, last time's name and phone to prefill sign-up. */
export type EventDetail = EventView & { prefill: { name: string; phone: string } | null }

export interface EventListItem {
  _id: string
  title: string
  place: string
  startAt: string
  endAt: string
  orgName: string
  status: EventStatus
  phase: EventPhase
  counts: EventCounts
  walkIn: boolean
  /** A resident's own sign-up status, or null. */
  mine: SignupStatus | null
}
export type EventListOutput = PageOf<EventListItem>

/** May or may not, and why not. */
export type Permit = { ok: true } | { ok: false; reason: RefusalReason; message: string }

export interface ResolveOutput {
  event: EventView
  /** Which code was scanned; a check-in code also says whether it is still fresh. */
  scene: { kind: 'poster' | 'checkin' }
  signup: Permit
  /** Null when the scanned code is the poster's (it does not check in). */
  checkin: Permit | null
  /** Name and phone from the resident's last sign-up, to make this one a single tap. */
  prefill: { name: string; phone: string } | null
}

export interface SignupOutput {
  /** `checked_in`: signed up at the venue with a fresh check-in code and checked in at once. */
  outcome: 'confirmed' | 'waitlisted' | 'checked_in'
  mine: MySignup
  /** The event's counts after this sign-up (the page shows the places left from them). */
  counts: EventCounts
}

/** A resident's check-in. */
export interface CheckinOutput {
  outcome: 'checked_in'
  mine: MySignup
}

export interface AttendeeView {
  _id: string
  name: string
  phoneMasked: string
  status: SignupStatus
  seq: number
  via: 'online' | 'walk_in'
  createdAt: string
  checkedInAt: string | null
  checkedInBy: 'scan' | 'staff' | null
}

export type AttendeesOutput = PageOf<AttendeeView> & { counts: EventCounts }

/** `event.mine` (我的活动): the events and courses I signed up for. */
export const myActivitiesInput = v.object({})

/** One event or course I signed up for, as 我的活动 lists it. */
export interface MyActivity {
  kind: 'event' | 'course'
  id: string
  title: string
  /** ISO: the event's start, or the course's next (else last) session. */
  startAt: string
  endAt: string
  place: string
  /** In words: 已报名 / 候补中 / 已签到 / 活动已取消 / 已上 1/2 节 … */
  status: string
  /** What I show staff to be checked in by hand (报名号), or my certificate number; null if none. */
  code: string | null
  canCancel: boolean
  /** The page that opens it. */
  url: string
}

export interface MyActivitiesOutput {
  upcoming: MyActivity[]
  past: MyActivity[]
}

export interface CancelOutput {
  /** `signup`: the resident's sign-up is cancelled; `event`: the event is. */
  mode: 'signup' | 'event'
  /** Residents told in their inbox (event mode). */
  notified: number
  /** Residents moved up from the waitlist. */
  promoted: number
  event: EventView
}

export interface CodeOutput extends CodeImage {
  purpose: 'poster' | 'checkin'
  scene: string
  /** The mini-program page the code opens. */
  page: string
  /** The H5 URL (local runtime) or the fallback QR's link, null for a mini-program code. */
  url: string | null
  /** Check-in codes: when the next one replaces this; null for the poster. */
  rotatesAt: string | null
}

/** `event.export`: the attendee list as a file to download (a cloud file id on CloudBase, a link locally). */
export interface ExportOutput extends FileRef {
  rows: number
}

