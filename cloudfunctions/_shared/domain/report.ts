import type { StoredAttachment } from './attachments'
import type { OrgLevel } from './org'

/**
 * Upward reporting (信息或简报, seed 000 四(四)): a community or street writes a 工作简报 /
 * 工作情况 / 好经验 and sends it to the level above; a district's written report of its 认定
 * (seed 000 三(一)3: 将评审认定情况书面报市创建办) goes to the city the same way.
 */
export const REPORT_KINDS = ['brief', 'situation', 'experience', 'certification'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  brief: '工作简报',
  situation: '工作情况',
  experience: '好经验',
  certification: '认定报告',
}

/** Levels that write reports upward: every level below the city. */
export const REPORTING_LEVELS: readonly OrgLevel[] = ['community', 'street', 'district']

export const REPORT_TITLE_MAX = 40
export const REPORT_BODY_MIN = 10
export const REPORT_BODY_MAX = 3000
export const REPORT_COMMENT_MAX = 500
export const REPORT_MAX_PHOTOS = 6
/** PDF / Word / Excel files a report may carry beside its pictures. */
export const REPORT_MAX_FILES = 5

/** One hop of a report upward: sent (or forwarded) to an org, and that org's read receipt. */
export interface ReportHop {
  orgId: string
  orgName: string
  /** Who sent or forwarded it to this org, and when. */
  sentById: string
  sentByName: string
  sentByOrgName: string
  sentAt: string
  /** The read receipt: the first staff member of this org who opened it. */
  readAt: string | null
  readById: string | null
  readByName: string | null
}

export interface ReportComment {
  id: string
  orgId: string
  orgName: string
  byId: string
  byName: string
  text: string
  at: string
}

/** A 简报 with its route upward. */
export interface Report {
  _id: string
  kind: ReportKind
  title: string
  body: string
  /** Uploads through the photo path (refs the photo store holds). */
  photos: string[]
  /**
   * PDF / Word / Excel attachments (the document store's files), as checked when sent. Absent on
   * reports written before documents were accepted: read as none (no stored record changes shape).
   */
  files?: StoredAttachment[]
  /** The evaluation year a 认定报告 reports on; null for the other kinds. */
  year: number | null
  fromOrgId: string
  fromOrgName: string
  fromLevel: OrgLevel
  /** The sender's org path, so the subtree above can be checked without a read. */
  fromOrgPath: string[]
  authorId: string
  authorName: string
  createdAt: string
  /** Every org it was sent or forwarded to, in order (the first is the sender's parent). */
  hops: ReportHop[]
  /** The ids of `hops`, for the inbox query. */
  toOrgIds: string[]
  /** Receiving orgs that have not opened it yet: the unread query (`where.has`) reads it. */
  unreadOrgIds: string[]
  comments: ReportComment[]
  /** Marked 好经验 by a receiving level: shared with every community. */
  good: boolean
  goodBy: { orgName: string; byName: string; at: string; note: string } | null
  /** When it was last sent, forwarded or marked: the lists' order. */
  updatedAt: string
  version: number
}

/** 表彰 (seed 001 第二阶段 9: 表彰一批优秀创业人员和先进集体、先进工作者). */
export const HONOR_KINDS = ['entrepreneur', 'collective', 'worker'] as const
export type HonorKind = (typeof HONOR_KINDS)[number]

export const HONOR_KIND_LABELS: Record<HonorKind, string> = {
  entrepreneur: '优秀创业人员',
  collective: '先进集体',
  worker: '先进工作者',
}

export const CITATION_MIN = 10
export const CITATION_MAX = 300

/** One named person or org in a year's 表彰 list of the city or a district. */
export interface Honor {
  _id: string
  year: number
  kind: HonorKind
  /** The office that names (the city or a district) and its path (scope). */
  byOrgId: string
  byOrgName: string
  byOrgPath: string[]
  /** Who is named: a case (优秀创业人员), an org (先进集体) or a staff member (先进工作者). */
  subjectId: string
  subjectName: string
  /** The org the subject belongs to (the case's community, the org itself, the staff member's org). */
  subjectOrgName: string
  citation: string
  /**
   * 优秀创业人员 only: the resident's consent to show it on their success story, as recorded by
   * staff; null = not shown. The story it shows on, when there is one.
   */
  consent: { how: string; at: string; recordedByName: string } | null
  storyId: string | null
  /** The 命名/授牌 record (an evaluation application id with an award) a 先进集体 links to. */
  awardId: string | null
  createdAt: string
  createdByName: string
  updatedAt: string
  version: number
}

/** A year's 表彰 list of one office, once published: id `<orgId>:<year>`. */
export interface HonorYear {
  _id: string
  orgId: string
  year: number
  closed: boolean
  closedByName: string
  closedAt: string
}

/** Who can reopen a published 表彰 list. */
export const HONOR_REOPEN_WHO = '市创建办'

/** A person with their org, without saying the org twice (`新华社区 创业指导员` is already one). */
export function whoAt(orgName: string, name: string | null): string {
  if (!name) return orgName
  return name.startsWith(orgName) ? name : `${orgName} ${name}`
}
