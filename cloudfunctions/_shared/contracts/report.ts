import * as v from 'valibot'
import {
  CITATION_MAX,
  CITATION_MIN,
  HONOR_KINDS,
  type HonorKind,
  REPORT_BODY_MAX,
  REPORT_BODY_MIN,
  REPORT_COMMENT_MAX,
  REPORT_KINDS,
  REPORT_MAX_FILES,
  REPORT_MAX_PHOTOS,
  REPORT_TITLE_MAX,
  type ReportKind,
} from '../domain/report'
import type { OrgLevel } from '../domain/org'
import { cursorSchema, idSchema, limitSchema, text } from './common'
import { photoRefSchema } from './feedback'
import { type AttachmentView, documentsSchema } from './file'

const yearSchema = v.pipe(v.number('请选择年度'), v.integer('年度应为整数'), v.minValue(2020, '年度不早于 2020'), v.maxValue(2100, '年度不晚于 2100'))
const orgIdSchema = v.pipe(v.string('请选择报送单位'), v.trim(), v.minLength(1, '请选择报送单位'), v.maxLength(64, '单位编号过长'))

/** `report.send`: write a report and send it to the level above (the sender's parent org only). */
export const reportSendInput = v.object({
  kind: v.picklist(REPORT_KINDS, '请选择简报类型'),
  title: text('标题', 2, REPORT_TITLE_MAX),
  body: text('正文', REPORT_BODY_MIN, REPORT_BODY_MAX),
  photos: v.optional(v.pipe(v.array(photoRefSchema, '照片格式不对'), v.maxLength(REPORT_MAX_PHOTOS, `最多 ${REPORT_MAX_PHOTOS} 张照片`)), []),
  /** PDF / Word / Excel files uploaded through the document path, each with the name it had. */
  files: documentsSchema(REPORT_MAX_FILES),
  toOrgId: orgIdSchema,
  /** The evaluation year a 认定报告 reports on (required for that kind only). */
  year: v.optional(v.nullable(yearSchema), null),
})
export type ReportSendInput = v.InferInput<typeof reportSendInput>

export const REPORT_BOXES = ['inbox', 'sent', 'good'] as const
export type ReportBox = (typeof REPORT_BOXES)[number]

/** `report.list`: sent to my org (optionally unread only), sent by my org, or every 好经验. */
export const reportListInput = v.object({
  box: v.picklist(REPORT_BOXES, '未知的列表'),
  unread: v.optional(v.boolean('筛选格式不对'), false),
  after: cursorSchema,
  limit: limitSchema,
})

export const reportIdInput = v.object({ id: idSchema })

export const reportCommentInput = v.object({ id: idSchema, text: text('批注', 2, REPORT_COMMENT_MAX) })

/** `report.forward`: pass a report received by my org on to my org's parent. */
export const reportForwardInput = v.object({ id: idSchema })

/** `report.markGood`: share a received report with every community as 好经验. */
export const reportMarkGoodInput = v.object({ id: idSchema, note: v.optional(v.pipe(v.string('推荐语格式不对'), v.trim(), v.maxLength(100, '推荐语最多 100 个字')), '') })

/** One line of a list. */
export interface ReportLine {
  id: string
  kind: ReportKind
  kindLabel: string
  title: string
  fromOrgName: string
  authorName: string
  createdAt: string
  /** Whether my org (a receiver) has opened it; null when my org is not a receiver. */
  readByMe: boolean | null
  /** For the sender: the first hop's receipt. */
  readAt: string | null
  good: boolean
  photoCount: number
  fileCount: number
  commentCount: number
}

export interface ReportHopView {
  orgName: string
  sentByName: string
  sentByOrgName: string
  sentAt: string
  readAt: string | null
  readByName: string | null
}

export interface ReportView {
  id: string
  kind: ReportKind
  kindLabel: string
  title: string
  body: string
  photos: { url: string }[]
  /** Document attachments: rows the reader taps to open. */
  files: AttachmentView[]
  year: number | null
  fromOrgName: string
  fromLevel: OrgLevel
  authorName: string
  createdAt: string
  hops: ReportHopView[]
  comments: { id: string; orgName: string; byName: string; text: string; at: string }[]
  good: boolean
  goodBy: { orgName: string; byName: string; at: string; note: string } | null
  /** What the caller may do here. */
  can: { comment: boolean; forward: boolean; markGood: boolean }
  /** Where a forward goes (my org's parent), or null. */
  forwardTo: string | null
  version: number
}

/** The orgs a sender may send to: only its parent. */
export interface ReportTargets {
  fromOrgName: string
  fromLevel: OrgLevel
  parent: { id: string; name: string } | null
  /** The evaluation years a 认定报告 may be about (a district only). */
  years: number[]
}

// ——— 表彰 ———

export const honorYearInput = v.object({ year: yearSchema })

/** `report.honorSave`: name one person or org for a year (new) or edit the citation (with `id`). */
export const honorSaveInput = v.object({
  id: v.optional(v.nullable(idSchema), null),
  year: yearSchema,
  kind: v.picklist(HONOR_KINDS, '请选择表彰类别'),
  /** A case id (优秀创业人员), an org id (先进集体) or a staff id (先进工作者). */
  subjectId: v.pipe(v.string('请选择表彰对象'), v.trim(), v.minLength(1, '请选择表彰对象'), v.maxLength(64, '表彰对象编号过长')),
  citation: text('表彰事迹', CITATION_MIN, CITATION_MAX),
  /** The success story the resident's 表彰 shows on (优秀创业人员 only). */
  storyId: v.optional(v.nullable(idSchema), null),
})

export type HonorSaveInput = v.InferInput<typeof honorSaveInput>

/** `report.honorCandidates`: who the caller's office may name for a kind, found by name (up to 20). */
export const honorCandidatesInput = v.object({
  kind: v.picklist(HONOR_KINDS, '请选择表彰类别'),
  keyword: v.optional(v.pipe(v.string('关键词应为文字'), v.trim(), v.maxLength(20, '关键词最多 20 个字')), ''),
})

export interface HonorCandidate {
  id: string
  name: string
  /** The community (a case), the org itself (a collective) or the staff member's org. */
  orgName: string
  /** For a case: its stage (创业阶段) in words. */
  note: string
}

export interface HonorCandidates {
  kind: HonorKind
  items: HonorCandidate[]
  /** Published success stories in scope a 优秀创业人员 may be shown on (entrepreneur only). */
  stories: { id: string; title: string; person: string; orgName: string }[]
}

/** `report.honorConsent`: record (or withdraw) the resident's consent to show it on their story. */
export const honorConsentInput = v.object({
  id: idSchema,
  consent: v.boolean('请选择是否同意'),
  how: v.optional(v.pipe(v.string('同意方式格式不对'), v.trim(), v.maxLength(60, '同意方式最多 60 个字')), ''),
})

/** `report.honorClose`: publish (close) a year's list, or reopen it (the city only). */
export const honorCloseInput = v.object({ year: yearSchema, orgId: v.optional(orgIdSchema), closed: v.boolean('请选择公布或重新开放') })

export interface HonorView {
  id: string
  year: number
  kind: HonorKind
  kindLabel: string
  byOrgName: string
  subjectName: string
  subjectOrgName: string
  citation: string
  consent: { how: string; at: string; recordedByName: string } | null
  storyId: string | null
  /** The 命名/授牌 the collective holds (evaluation.award), linked, not copied. */
  award: { applicationId: string; date: string; documentNo: string } | null
  createdByName: string
  mayEdit: boolean
}

export interface HonorList {
  year: number
  items: HonorView[]
  /** Each naming office's list for the year in scope, and whether it is published. */
  lists: { orgId: string; orgName: string; closed: boolean; closedAt: string | null }[]
  /** Whether the caller may name (and for which office: the caller's own). */
  mayName: boolean
  closedMine: boolean
}

/** A story's 表彰, shown only with the resident's consent. */
export interface StoryHonor {
  year: number
  kindLabel: string
  byOrgName: string
  citation: string
}
