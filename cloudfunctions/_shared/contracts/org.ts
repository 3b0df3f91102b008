import * as v from 'valibot'
import { type OrgSetup, type SetupCheck, SETUP_MEMBER_ROLES } from '../domain/org-setup'
import type { AuditEntry } from '../domain/audit'
import { ORG_LEVELS, type OrgLevel } from '../domain/org'
import { STAFF_ROLES, type StaffRole } from '../domain/roles'
import { passwordProblem } from '../domain/staff'
import { cursorSchema, idSchema, isoDateSchema, limitSchema, type PageOf, text } from './common'

/**
 * A new staff password: the error names the rule it broke (too short, too long, no letter or no
 * digit), from the one rule set `passwordProblem`, so the person knows what to change.
 */
export function newPasswordSchema(missing = '请输入密码') {
  return v.pipe(
    v.string(missing),
    v.check((p) => passwordProblem(p) === null, (issue) => passwordProblem(String(issue.input)) ?? '密码不符合要求'),
  )
}

export interface OrgNode {
  _id: string
  name: string
  level: OrgLevel
  parentId: string | null
  /** Names from the city down, e.g. 市 / 区 / 街道 / 社区, for pickers. */
  fullName: string
}

export const saveOrgInput = v.object({
  /** Absent to create. Existing orgs can be renamed; moving a subtree is not supported. */
  id: v.optional(idSchema),
  name: text('名称', 2, 30),
  level: v.picklist(ORG_LEVELS, '请选择层级'),
  parentId: v.nullable(idSchema),
})

export const inviteInput = v.object({
  role: v.picklist(STAFF_ROLES, '请选择角色'),
  orgId: idSchema,
  /** Who it is for, e.g. 金沙社区 张老师. */
  label: text('受邀人', 2, 30),
  expiresInDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, '至少 1 天'), v.maxValue(30, '最多 30 天')), 7),
})

export const bindInput = v.object({
  code: v.pipe(v.string('请输入邀请码'), v.trim(), v.minLength(6, '邀请码不完整'), v.maxLength(20, '邀请码过长')),
  name: text('姓名', 2, 20),
  /** Local runtime (browser) only: the account to sign in with later. */
  username: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^[a-z][a-z0-9_-]{2,31}$/, '账号为 3–32 位小写字母、数字、- 或 _，以字母开头')),
  ),
  password: v.optional(newPasswordSchema()),
})

export const staffListInput = v.object({ orgId: v.optional(idSchema), after: cursorSchema, limit: limitSchema })
export const revokeInput = v.object({ staffId: idSchema })

export const auditInput = v.object({
  orgId: v.optional(idSchema),
  actorId: v.optional(idSchema),
  kind: v.optional(v.picklist(['write', 'reveal', 'export', 'login', 'access'] as const, '未知的类型')),
  result: v.optional(v.picklist(['ok', 'denied', 'invalid', 'error'] as const, '未知的结果')),
  from: v.optional(isoDateSchema),
  to: v.optional(isoDateSchema),
  after: cursorSchema,
  limit: limitSchema,
})

export interface StaffView {
  _id: string
  name: string
  role: StaffRole
  orgId: string
  orgName: string
  username: string | null
  boundToWeChat: boolean
  active: boolean
  createdAt: string
  /** The caller may revoke this account. */
  revocable: boolean
}

/** `org.tree`: the orgs the caller sees. */
export interface OrgTree {
  orgs: OrgNode[]
}

/** `org.invite`: the one-time code to hand over. */
export interface IssuedInvitation {
  code: string
  expiresAt: string
  role: StaffRole
  orgName: string
}

/** `org.bind`: the account the invitation made. */
export interface BoundAccount {
  staffId: string
  role: StaffRole
  orgName: string
  username: string | null
}

/** `org.staff`: the accounts the caller manages. */
/** `org.staff`: a page of the staff in scope, by unit. */
export type StaffList = PageOf<StaffView>

/** `org.audit`: a page of the audit log. */
export type AuditPage = PageOf<AuditEntry>

const setupMemberSchema = v.object({
  name: text('姓名', 2, 20),
  role: v.picklist(SETUP_MEMBER_ROLES, '请选择组内职务'),
  unit: text('单位或职务', 2, 40),
})
const setupDocumentSchema = v.object({
  title: text('标题', 2, 60),
  date: isoDateSchema,
  summary: text('主要内容', 2, 500),
})
const countSchema = (label: string) => v.pipe(v.number(`请填写${label}数量`), v.integer(`${label}数量应为整数`), v.minValue(0, `${label}数量不能为负`), v.maxValue(999, `${label}数量过大`))

/** `org.setup`: a community's 组织体系 (the caller's own when no org is given). */
export const setupInput = v.object({ orgId: v.optional(idSchema) })

/** `org.saveSetup`: the caller's community records its 组织体系; `version` is the one read (0 for the first save). */
export const saveSetupInput = v.object({
  groupName: text('创建组织名称', 2, 40),
  members: v.pipe(v.array(setupMemberSchema, '请填写成员'), v.minLength(1, '请至少填写 1 名成员'), v.maxLength(40, '成员最多 40 人')),
  partners: v.pipe(v.array(text('共建单位', 2, 40)), v.maxLength(30, '共建单位最多 30 个')),
  liaisons: v.pipe(v.array(text('挂点干部', 2, 40)), v.maxLength(20, '挂点干部最多 20 名')),
  computers: countSchema('计算机'),
  printers: countSchema('打印机'),
  plan: v.nullable(setupDocumentSchema),
  publicity: v.nullable(setupDocumentSchema),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
})
export type SaveSetupInput = v.InferInput<typeof saveSetupInput>

/** A community's 组织体系 as staff see it, with the checklist's verdicts for this year. */
export interface SetupView {
  org: { _id: string; name: string }
  setup: OrgSetup | null
  checks: SetupCheck[]
  year: number
  /** The caller may edit it (their own community, `setup.write`). */
  canEdit: boolean
}
