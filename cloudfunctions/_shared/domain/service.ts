/**
 * The service resources around the ledger (seed 001): the mentor group (创业服务指导团), sites
 * and incubators (创业园、孵化基地、低租金场地), step-by-step guides (办事指南), success stories
 * (典型宣传) and each office's hotline. A resource belongs to the org that keeps it: its staff
 * (and staff above it) edit it; residents and staff of every org below it see it.
 */
import type { Case, Industry } from './case'
import type { OrgResource } from './org'

export type { OrgResource } from './org'


export const MENTOR_FIELDS = ['entrepreneur', 'expert', 'official', 'finance', 'legal'] as const
export type MentorField = (typeof MENTOR_FIELDS)[number]
export const MENTOR_FIELD_LABELS: Record<MentorField, string> = {
  entrepreneur: '创业成功人士',
  expert: '行业专家',
  official: '政府部门',
  finance: '金融财务',
  legal: '法律证照',
}

/** A member of the mentor group. */
export interface Mentor extends OrgResource {
  name: string
  field: MentorField
  /** What they advise on, e.g. 餐饮门店经营. */
  specialty: string
  organisation: string
  phone: string
  /** When they take sessions, in words (每周三下午). */
  availability: string
  active: boolean
}

export const SITE_KINDS = ['park', 'incubator', 'low_rent'] as const
export type SiteKind = (typeof SITE_KINDS)[number]
export const SITE_KIND_LABELS: Record<SiteKind, string> = { park: '创业园', incubator: '孵化基地', low_rent: '低租金场地' }

/** A place for new businesses. */
export interface Site extends OrgResource {
  name: string
  kind: SiteKind
  address: string
  /** Places in all, and free now; a placement takes one. */
  capacity: number
  vacancies: number
  /** Who may move in and on what terms (租金减免、入驻条件). */
  conditions: string
  /** Industries it takes; empty: any. */
  industries: Industry[]
  contactName: string
  contactPhone: string
  active: boolean
}

export const SITE_APPLICATION_STATUSES = ['pending', 'placed', 'declined', 'withdrawn'] as const
export type SiteApplicationStatus = (typeof SITE_APPLICATION_STATUSES)[number]
export const SITE_APPLICATION_STATUS_LABELS: Record<SiteApplicationStatus, string> = {
  pending: '待社区处理',
  placed: '已入驻',
  declined: '未能安排',
  withdrawn: '已撤回',
}

/** A resident's request for a place at a site, tied to their case; one per (site, resident). */
export interface SiteApplication {
  _id: string
  siteId: string
  siteName: string
  intentId: string
  residentId: string
  /** The case's community: whose staff handle it. */
  communityId: string
  communityPath: string[]
  name: string
  note: string
  status: SiteApplicationStatus
  /** Staff's answer (why not, or move-in details). */
  reply: string
  createdAt: string
  updatedAt: string
  handledByName: string
}

/** A site application as staff see it: the applicant by a per-viewer pseudonym, never their id. */
export type SiteApplicationView = Omit<SiteApplication, 'residentId'> & { applicant: string }

/** A mentor assigned to a case, as the case carries it. */
export interface CaseMentor {
  id: string
  name: string
  field: MentorField
  specialty: string
  organisation: string
  availability: string
  assignedAt: string
  assignedByName: string
}

export const MENTOR_REQUEST_STATUSES = ['open', 'scheduled', 'closed'] as const
export type MentorRequestStatus = (typeof MENTOR_REQUEST_STATUSES)[number]
export const MENTOR_REQUEST_STATUS_LABELS: Record<MentorRequestStatus, string> = { open: '等待安排', scheduled: '已安排', closed: '已结束' }

/** A resident asks for a session with their mentor; the community sees it on the case. */
export interface MentorRequest {
  _id: string
  intentId: string
  residentId: string
  communityId: string
  communityPath: string[]
  mentorId: string
  mentorName: string
  topic: string
  /** When suits the resident, in words. */
  preferredTime: string
  status: MentorRequestStatus
  createdAt: string
  updatedAt: string
}

/** A mentor request as staff see it: the resident by a per-viewer pseudonym, never their id. */
export type MentorRequestView = Omit<MentorRequest, 'residentId'> & { applicant: string }

export const GUIDE_TOPICS = ['licence', 'loan', 'subsidy', 'tax', 'other'] as const
export type GuideTopic = (typeof GUIDE_TOPICS)[number]
export const GUIDE_TOPIC_LABELS: Record<GuideTopic, string> = {
  licence: '办营业执照',
  loan: '申请创业贷款',
  subsidy: '申领补贴',
  tax: '税费减免',
  other: '其他事项',
}

/** One step of a procedure. */
export interface GuideStep {
  title: string
  detail: string
}

/** A step-by-step guide to a procedure (办事指南). */
export interface Guide extends OrgResource {
  title: string
  topic: GuideTopic
  summary: string
  steps: GuideStep[]
  materials: string[]
  /** Where to go: office, address, hours. */
  where: string
  /** Time it usually takes, in words. */
  duration: string
  /** Policies this procedure serves; their pages link here. */
  policyIds: string[]
  published: boolean
}

/** A published story of a local entrepreneur (典型宣传), shown only with their consent on record. */
export interface Story extends OrgResource {
  title: string
  /** The entrepreneur's name as they agreed it be shown (may be a surname only). */
  person: string
  business: string
  summary: string
  body: string
  policyIds: string[]
  /** The help they used, in words (一对一指导、创业担保贷款、入驻孵化基地). */
  helpUsed: string[]
  /** How consent was given and when: no story publishes without it. */
  consent: { how: string; at: string; recordedByName: string }
  publishedAt: string
}

/** An office's hotline and hours (社区创业服务热线); id = org id. */
export interface Hotline {
  _id: string
  orgId: string
  orgPath: string[]
  orgName: string
  phone: string
  hours: string
  address: string
  updatedAt: string
}

/** Can staff of `staffOrgId` edit a resource kept at `orgPath`? Only their own org's and those below. */
export function mayEditResource(orgPath: readonly string[], staffOrgId: string): boolean {
  return orgPath.includes(staffOrgId)
}

/** Is a resource kept at `resourceOrgId` visible from an org or community with path `viewerPath`? (Kept there or above.) */
export function visibleFrom(resourceOrgId: string, viewerPath: readonly string[]): boolean {
  return viewerPath.includes(resourceOrgId)
}

/**
 * Sites that suit a case that asked for a place: active, kept for its community's chain, with a
 * vacancy, taking its industry; most vacancies first.
 */
export function matchingSites<S extends Pick<Site, 'orgId' | 'active' | 'vacancies' | 'industries'>>(
  sites: readonly S[],
  intent: Pick<Case, 'needs' | 'industry' | 'communityPath'>,
): S[] {
  if (!intent.needs.includes('site')) return []
  return sites
    .filter((s) => s.active && s.vacancies > 0 && visibleFrom(s.orgId, intent.communityPath) && (s.industries.length === 0 || s.industries.includes(intent.industry)))
    .sort((a, b) => b.vacancies - a.vacancies)
}

/** The nearest hotline for a path: the community's own, else its street's, district's or city's. */
export function nearestHotline<H extends Pick<Hotline, 'orgId'>>(hotlines: readonly H[], path: readonly string[]): H | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const h = hotlines.find((x) => x.orgId === path[i])
    if (h) return h
  }
  return null
}
