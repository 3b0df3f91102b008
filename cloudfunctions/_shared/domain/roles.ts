import type { OrgLevel } from './org'

/** Staff roles. A resident is anyone signed in who holds no staff role. */
export const STAFF_ROLES = [
  'community_staff',
  'community_lead',
  'street_reviewer',
  'district_officer',
  'city_officer',
  'admin',
] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole | 'resident', string> = {
  resident: '居民',
  community_staff: '社区创业指导员',
  community_lead: '社区负责人',
  street_reviewer: '街道初评员',
  district_officer: '县(区)创建办',
  city_officer: '市创建办',
  admin: '系统管理员',
}

/** The org level a role is bound to. */
export const ROLE_LEVEL: Record<StaffRole, OrgLevel> = {
  community_staff: 'community',
  community_lead: 'community',
  street_reviewer: 'street',
  district_officer: 'district',
  city_officer: 'city',
  admin: 'city',
}

/** Permissions checked by actions. Deny by default: a role has only what is listed. */
export type Permission = 'policy.read' | 'policy.write' | 'policy.publish'

const MATRIX: Record<StaffRole, readonly Permission[]> = {
  community_staff: ['policy.read', 'policy.write', 'policy.publish'],
  community_lead: ['policy.read', 'policy.write', 'policy.publish'],
  street_reviewer: ['policy.read'],
  district_officer: ['policy.read', 'policy.write', 'policy.publish'],
  city_officer: ['policy.read', 'policy.write', 'policy.publish'],
  admin: ['policy.read', 'policy.write', 'policy.publish'],
}

export function can(role: StaffRole, permission: Permission): boolean {
  return MATRIX[role].includes(permission)
}

/** The matrix as rows, for the README and the staff help screen. */
export function permissionMatrix(): { role: StaffRole; permissions: readonly Permission[] }[] {
  return STAFF_ROLES.map((role) => ({ role, permissions: MATRIX[role] }))
}
