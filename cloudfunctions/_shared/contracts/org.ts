import * as v from 'valibot'
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
