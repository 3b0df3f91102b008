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
