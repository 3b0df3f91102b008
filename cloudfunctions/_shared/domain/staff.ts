import type { StaffRole } from './roles'

/**
 * A staff member. In WeChat they are found by `openid` (bound through an invitation); in the
 * local runtime they sign in with `username` and a scrypt password hash.
 */
export interface StaffMember {
  _id: string
  name: string
  role: StaffRole
  orgId: string
  openid: string | null
  username: string | null
  /** `scrypt$N$r$p$salt$hash`, base64 parts; null for WeChat-only staff. */
  passwordHash: string | null
  active: boolean
  createdAt: string
}
