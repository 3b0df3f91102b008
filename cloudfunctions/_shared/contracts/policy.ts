import * as v from 'valibot'
import {
  POLICY_CATEGORIES,
  POLICY_STATUSES,
  type Policy,
  type PolicyCategory,
  type PolicyStatus,
} from '../domain/policy'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { cursorSchema, idSchema, isoDateSchema, limitSchema, type PageOf, text, textList, editVersionSchema, versionWhenEditing } from './common'

export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{3,4}-?\d{7,8}|12345)$/

/** `policy.list`: residents see published, in-force policies; `manage` is the staff editor's view. */
export const policyListInput = v.object({
  view: v.optional(v.picklist(['resident', 'manage'] as const, '未知的列表类型'), 'resident'),
  category: v.optional(v.picklist(POLICY_CATEGORIES, '未知的政策类别')),
  targetGroup: v.optional(v.picklist(TARGET_GROUPS, '未知的人群')),
  /** Only policies for the groups in my profile (resident view). */
  forMe: v.optional(v.boolean(), false),
  /** Manage view only. */
  status: v.optional(v.picklist(POLICY_STATUSES, '未知的状态')),
  keyword: v.optional(v.pipe(v.string('关键词应为文字'), v.trim(), v.maxLength(30, '关键词最多 30 个字'))),
  after: cursorSchema,
  limit: limitSchema,
})
export type PolicyListInput = v.InferInput<typeof policyListInput>

export const policyIdInput = v.object({ id: idSchema })

/** The editable part of a policy: the staff editor's form and `policy.save` share it. */
export const policyDraftSchema = v.pipe(
  v.object({
    /** Absent for a new policy. */
    id: v.optional(idSchema),
    /** The version being edited; required when `id` is given. */
    version: editVersionSchema,
    title: text('标题', 4, 60),
    category: v.picklist(POLICY_CATEGORIES, '请选择政策类别'),
    summary: text('简介', 6, 120),
    benefit: text('扶持内容', 2, 200),
    targetGroups: v.pipe(
      v.array(v.picklist(TARGET_GROUPS, '未知的人群'), '请选择适用人群'),
      v.minLength(1, '请至少选择一个适用人群'),
    ),
    eligibility: textList('申请条件', 1, 12, 200),
    materials: textList('所需材料', 1, 20, 100),
    process: textList('办理流程', 1, 12, 200),
    contact: v.object(
      {
        department: text('咨询部门', 2, 40),
        phone: v.pipe(text('咨询电话', 5, 20), v.regex(PHONE_PATTERN, '电话号码格式不对')),
        address: text('办理地点', 2, 100),
      },
      '请填写咨询方式',
    ),
    validFrom: isoDateSchema,
    validTo: v.nullable(isoDateSchema),
    /** Cap per benefit or loan, in fen; null for none; left out, an edit keeps the stored cap. */
    capFen: v.optional(
      v.nullable(v.pipe(v.number('上限请填金额（元），最多到分'), v.integer('上限应精确到分'), v.minValue(1, '上限应大于 0'), v.maxValue(100_000_000_00, '上限过大'))),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['validFrom'], ['validTo']],
      (input) => input.validTo === null || input.validTo >= input.validFrom,
      '截止日期不能早于开始日期',
    ),
    ['validTo'],
  ),
  versionWhenEditing(),
)
export type PolicyDraft = v.InferOutput<typeof policyDraftSchema>
export type PolicyDraftInput = v.InferInput<typeof policyDraftSchema>

/** What the client sees of a policy. */
export type PolicyView = Omit<Policy, 'orgPath' | 'updatedBy'> & {
  /** In force today (Shanghai). */
  inForce: boolean
  /** The caller may edit it (staff in scope). */
  editable: boolean
}

export interface PolicyListItem {
  _id: string
  title: string
  category: PolicyCategory
  summary: string
  benefit: string
  targetGroups: TargetGroup[]
  orgName: string
  validFrom: string
  validTo: string | null
  status: PolicyStatus
  updatedAt: string
  inForce: boolean
}

export type PolicyListOutput = PageOf<PolicyListItem>
