import * as v from 'valibot'
import type { StoryHonor } from './report'
import { INDUSTRIES } from '../domain/case'
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchKind } from '../domain/search'
import {
  GUIDE_TOPICS,
  type Guide,
  type Hotline,
  type Mentor,
  MENTOR_FIELDS,
  type OrgResource,
  type Site,
  type SiteApplication,
  SITE_APPLICATION_STATUSES,
  SITE_KINDS,
  type Story,
} from '../domain/service'
import { cursorSchema, idSchema, limitSchema, text, textList, editVersionSchema } from './common'
import { PHONE_PATTERN } from './policy'

/** `id` absent for a new resource; with `id`, the version being edited (checked by the action). */
const versioned = {
  id: v.optional(idSchema),
  version: editVersionSchema,
}
const phone = (label: string) => v.pipe(text(label, 5, 20), v.regex(PHONE_PATTERN, '电话号码格式不对'))
const count = (label: string, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}应为整数`), v.minValue(0, `${label}不能为负数`), v.maxValue(max, `${label}过大`))

/** Lists of an org's resources: residents see those of their community's chain; staff `manage` their subtree's. */
export const resourceListInput = v.object({
  view: v.optional(v.picklist(['resident', 'manage'] as const, '未知的列表类型'), 'resident'),
  after: cursorSchema,
  limit: limitSchema,
})
export type ResourceListInput = v.InferInput<typeof resourceListInput>
export const resourceIdInput = v.object({ id: idSchema })

export const mentorSaveInput = v.pipe(
  v.object({
    ...versioned,
    name: text('姓名', 2, 20),
    field: v.picklist(MENTOR_FIELDS, '请选择导师类别'),
    specialty: text('擅长领域', 2, 40),
    organisation: text('单位', 2, 40),
    phone: phone('联系电话'),
    availability: text('可约时间', 2, 40),
    active: v.boolean(),
  }),
)
export type MentorSaveInput = v.InferInput<typeof mentorSaveInput>

/** `service.assignMentor`: staff give a case a mentor (null takes the mentor off). */
export const assignMentorInput = v.object({ intentId: idSchema, mentorId: v.nullable(idSchema) })

/** `service.requestMentor`: a resident asks for a session with their mentor. */
export const requestMentorInput = v.object({ topic: text('想聊的问题', 4, 200), preferredTime: text('方便的时间', 2, 40) })
export const intentIdInput = v.object({ intentId: idSchema })
export const closeMentorRequestInput = v.object({ id: idSchema, status: v.picklist(['scheduled', 'closed'] as const, '未知的状态') })

export const siteSaveInput = v.pipe(
  v.object({
    ...versioned,
    name: text('场地名称', 2, 40),
    kind: v.picklist(SITE_KINDS, '请选择场地类型'),
    address: text('地址', 4, 80),
    capacity: count('总工位数', 10000),
    vacancies: count('空余工位', 10000),
    conditions: text('入驻条件', 4, 500),
    industries: v.pipe(v.array(v.picklist(INDUSTRIES, '未知的行业')), v.maxLength(INDUSTRIES.length)),
    contactName: text('联系人', 2, 20),
    contactPhone: phone('联系电话'),
    active: v.boolean(),
  }),
  v.forward(
    v.check((i) => i.vacancies <= i.capacity, '空余工位不能多于总工位数'),
    ['vacancies'],
  ),
)
export type SiteSaveInput = v.InferInput<typeof siteSaveInput>

export const applySiteInput = v.object({ siteId: idSchema, note: text('你的需求', 4, 300) })
export const siteApplicationsInput = v.object({
  status: v.optional(v.picklist(SITE_APPLICATION_STATUSES, '未知的状态')),
  after: cursorSchema,
  limit: limitSchema,
})
/** `service.placeSite` / `declineSite`: staff answer an application. */
export const answerSiteInput = v.object({ id: idSchema, reply: text('答复', 2, 200) })

const stepSchema = v.object({ title: text('步骤名称', 2, 30), detail: text('步骤说明', 2, 300) })
export const guideSaveInput = v.pipe(
  v.object({
    ...versioned,
    title: text('指南名称', 4, 40),
    topic: v.picklist(GUIDE_TOPICS, '请选择事项类别'),
    summary: text('简介', 4, 200),
    steps: v.pipe(v.array(stepSchema, '请填写办理步骤'), v.minLength(1, '至少 1 个步骤'), v.maxLength(20, '最多 20 个步骤')),
    materials: textList('材料', 1, 30, 60),
    where: text('办理地点', 4, 200),
    duration: text('办理时限', 2, 40),
    policyIds: v.pipe(v.array(idSchema), v.maxLength(10, '最多关联 10 条政策')),
    published: v.boolean(),
  }),
)
export type GuideSaveInput = v.InferInput<typeof guideSaveInput>
export const guideListInput = v.object({ policyId: v.optional(idSchema), view: v.optional(v.picklist(['resident', 'manage'] as const), 'resident'), after: cursorSchema, limit: limitSchema })

export const storySaveInput = v.pipe(
  v.object({
    ...versioned,
    title: text('标题', 4, 40),
    person: text('主人公称呼', 1, 20),
    business: text('创业项目', 2, 40),
    summary: text('摘要', 4, 100),
    body: text('正文', 20, 3000),
    policyIds: v.pipe(v.array(idSchema), v.maxLength(10, '最多关联 10 条政策')),
    helpUsed: v.pipe(v.array(text('帮扶内容', 2, 30)), v.maxLength(10, '最多 10 项')),
    /** How the entrepreneur agreed to publication (书面同意书、电话确认录音…). Required: no consent, no story. */
    consentHow: text('本人同意方式', 4, 100),
    consentDate: v.pipe(v.string('请填写同意日期'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')),
  }),
)
export type StorySaveInput = v.InferInput<typeof storySaveInput>

export const hotlineSaveInput = v.object({ phone: phone('服务热线'), hours: text('办公时间', 4, 60), address: text('办公地点', 4, 80) })

export { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind }

/**
 * `service.search`: a plain question (想开个小店有什么补贴) or words; `kind` narrows to one kind.
 * Any text is accepted (empty, emoji, a pasted paragraph): what is not searchable answers an
 * empty result with a hint, never an error; only the first 40 characters are read.
 */
export const searchInput = v.object({
  q: v.pipe(v.string('请输入要找的内容'), v.maxLength(500, '搜索词太长了')),
  kind: v.optional(v.picklist(SEARCH_KINDS, '未知的类别')),
  after: cursorSchema,
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 5),
})
export type SearchInput = v.InferInput<typeof searchInput>

/** A resource as callers see it: its keeping org's path and editor id left out. */
export type ResourceView<T extends OrgResource> = Omit<T, 'orgPath' | 'updatedBy'> & { editable: boolean }
export type MentorView = ResourceView<Mentor>
export type SiteView = ResourceView<Site> & { matches: boolean; mine: SiteApplication['status'] | null }
export type GuideView = ResourceView<Guide> & { policies: { _id: string; title: string }[] }
export type StoryView = Omit<ResourceView<Story>, 'consent'> & {
  policies: { _id: string; title: string }[]
  consentRecorded: boolean
  /** On the story's own page only: the 表彰 its entrepreneur consented to show (report.honorConsent). */
  honors?: StoryHonor[]
}
export type HotlineView = Omit<Hotline, 'orgPath'>

export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  summary: string
  /** The page that opens it. */
  url: string
  /** How well it answers the question (higher is better; for ordering and tests). */
  score: number
}
export interface SearchGroup {
  kind: SearchKind
  label: string
  items: SearchHit[]
  /** Always null: a kind's hits come whole (at most `limit`), ranked by how well they answer. */
  next: string | null
}

/** `service.search`'s answer: the best three overall, then every kind's hits, best kind first. */
export interface SearchResult {
  top: SearchHit[]
  groups: SearchGroup[]
  /** Said instead of results when the question had nothing to search for, or nothing matched. */
  hint: string | null
}

