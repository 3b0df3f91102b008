import * as v from 'valibot'
import type { CodeImage } from './file'
import { COURSE_KINDS, type Course, type CourseKind, type CourseSession, type EnrolmentStatus } from '../domain/training'
import { cursorSchema, idSchema, limitSchema, text, editVersionSchema, versionWhenEditing } from './common'
import { instantSchema, MOBILE_PATTERN, requestIdSchema, sceneSchema } from './event'

/** `training.list`: residents see courses of their community's chain (those matching their intent first); staff `manage` their subtree. */
export const courseListInput = v.object({
  view: v.optional(v.picklist(['resident', 'manage'] as const, '未知的列表类型'), 'resident'),
  after: cursorSchema,
  limit: limitSchema,
})
export type CourseListInput = v.InferInput<typeof courseListInput>

const sessionSchema = v.object({ title: text('课节名称', 2, 30), startAt: instantSchema, endAt: instantSchema })

/** `training.save`: the staff course form. A new course is published at once. */
export const courseSaveInput = v.pipe(
  v.object({
    id: v.optional(idSchema),
    version: editVersionSchema,
    title: text('课程名称', 4, 40),
    kind: v.picklist(COURSE_KINDS, '请选择课程类型'),
    description: text('课程介绍', 10, 1000),
    place: text('上课地点', 2, 60),
    provider: text('培训机构', 2, 40),
    sessions: v.pipe(v.array(sessionSchema, '请添加课节'), v.minLength(1, '至少 1 节课'), v.maxLength(30, '最多 30 节课')),
    capacity: v.pipe(v.number('请填写名额'), v.integer('名额应为整数'), v.minValue(1, '名额至少 1 人'), v.maxValue(500, '名额最多 500 人')),
    requiredSessions: v.pipe(v.number('请填写结业要求'), v.integer(), v.minValue(1, '至少出勤 1 节')),
    subsidyAmount: v.pipe(v.number('请填写补贴金额'), v.integer('补贴金额应为整数'), v.minValue(0, '补贴不能为负数'), v.maxValue(10000, '补贴金额过大')),
    policyId: v.nullable(idSchema),
    enrolUntil: instantSchema,
  }),
  v.forward(
    v.check((i) => i.requiredSessions <= i.sessions.length, '结业要求不能多于课节数'),
    ['requiredSessions'],
  ),
  v.forward(
    v.check((i) => i.sessions.every((s) => s.endAt > s.startAt), '每节课的下课时间要晚于上课时间'),
    ['sessions'],
  ),
  versionWhenEditing(),
)
export type CourseSaveInput = v.InferInput<typeof courseSaveInput>

export const courseGetInput = v.object({ id: idSchema })

export const enrolInput = v.object({
  courseId: idSchema,
  name: text('姓名', 2, 20),
  phone: v.pipe(v.string('请填写手机号'), v.trim(), v.regex(MOBILE_PATTERN, '请填写 11 位手机号')),
})
export type EnrolInput = v.InferInput<typeof enrolInput>

export const courseIdInput = v.object({ courseId: idSchema })

/** `training.checkin`: a resident scans a session's rotating code, or staff check someone in by hand. */
export const courseCheckinInput = v.variant(
  'mode',
  [
    v.object({ mode: v.literal('scan'), scene: sceneSchema, requestId: requestIdSchema }),
    v.object({ mode: v.literal('manual'), courseId: idSchema, enrolmentId: idSchema, session: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ],
  '未知的签到方式',
)
export type CourseCheckinInput = v.InferInput<typeof courseCheckinInput>

/** `training.code`: a session's current check-in code, as a PNG. */
export const courseCodeInput = v.object({
  id: idSchema,
  session: v.pipe(v.number(), v.integer(), v.minValue(0)),
  origin: v.optional(v.pipe(v.string(), v.maxLength(200, '网址过长'), v.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '网址格式不对'))),
})
export type CourseCodeInput = v.InferInput<typeof courseCodeInput>

export const enrolmentsInput = v.object({ courseId: idSchema, after: cursorSchema, limit: limitSchema })

/** The resident's own place on a course. */
export interface MyEnrolment {
  status: EnrolmentStatus
  attended: number[]
  certificateNo: string | null
  completedAt: string | null
  /** The case moved to 已培训 by completing it. */
  caseTrained: boolean
  /** A training subsidy was recorded on the case. */
  subsidyRecorded: boolean
}

export interface CourseView extends Omit<Course, 'orgPath' | 'updatedBy'> {
  editable: boolean
  /** Suits the resident's registered intent (asked for training). */
  matches: boolean
  mine: MyEnrolment | null
  policyTitle: string | null
}

export interface CourseListItem {
  _id: string
  title: string
  kind: CourseKind
  orgName: string
  place: string
  provider: string
  firstAt: string
  sessionCount: number
  requiredSessions: number
  capacity: number
  enrolledCount: number
  completedCount: number
  subsidyAmount: number
  status: Course['status']
  matches: boolean
  mine: EnrolmentStatus | null
}

/** What a check-in did. `completed`: this session completed the course. */
export interface CourseCheckinOutput {
  session: CourseSession
  course: CourseView
  completed: boolean
}

export interface EnrolmentRow {
  _id: string
  name: string
  phoneMasked: string
  status: EnrolmentStatus
  attended: number[]
  certificateNo: string | null
}

export interface CourseCodeOutput extends CodeImage {
  scene: string
  url: string | null
  rotatesAt: string
}
