import type { Contribution } from './counter'
import type { StaffRole } from './roles'
import { shanghaiDate } from './time'

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
  /** Set on seeded and reset passwords: every staff action is refused until it is changed. */
  mustChangePassword?: boolean
  /** Consecutive failed sign-ins since the last success or lockout. */
  failedLogins?: number
  /** Sign-in refused until this ISO time after too many failures. */
  lockedUntil?: string | null
  /**
   * Password checks in progress (sign-ins and password changes), each reserved before the slow
   * hash runs and dropped when it ends; `until` lets a check that never finished (a crash)
   * expire. Failures plus checks in progress never exceed MAX_FAILED_LOGINS, so parallel guesses
   * cannot outrun the lockout.
   */
  passwordChecks?: { id: string; until: string }[]
  /** Who revoked the account, and when (an inactive account keeps its history). */
  revokedAt?: string | null
  /**
   * Bumped by a password change, a role change or a revocation; a staff token issued under an
   * older version is refused (missing = 0).
   */
  tokenVersion?: number
  /**
   * Set only by server code (functions, the local runtime, `cloud:admin`): `'server'`. The caller
   * lookup ignores staff documents without it, or carrying the client SDK's `_openid` stamp, so a
   * document written from a mini-program can never grant a role even under a wrong security rule.
   */
  writtenBy?: 'server'
}

/**
 * Whether a staff document was written by server code: it carries the server's marker and not
 * the `_openid` the client SDK stamps on everything it writes. Only such documents grant a role.
 */
export function isServerWritten(doc: object): boolean {
  return (doc as { writtenBy?: unknown }).writtenBy === 'server' && !Object.prototype.hasOwnProperty.call(doc, '_openid')
}

/** Sign-in lockout: this many consecutive failures lock the account for LOCKOUT_MINUTES. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

/** Password rule for staff accounts: 8–64 characters with letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位'
  if (password.length > 64) return '密码最多 64 位'
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字'
  return null
}

/**
 * 创业指导员在岗: a community's staff and lead accounts count from the day they were created until
 * the day they were revoked (a stock: the level on a date is the running sum).
 */
export function staffContributions(s: Pick<StaffMember, 'role' | 'active' | 'createdAt' | 'revokedAt'>): Contribution[] {
  if (s.role !== 'community_staff' && s.role !== 'community_lead') return []
  if (!s.active && !s.revokedAt) return []
  const out: Contribution[] = [{ date: shanghaiDate(new Date(s.createdAt)), inc: { staffInPlace: 1 } }]
  if (s.revokedAt) out.push({ date: shanghaiDate(new Date(s.revokedAt)), inc: { staffInPlace: -1 } })
  return out
}
