import type { AuditEntry } from '../domain/audit'
import type { Counter } from '../domain/counter'
import type { Invitation } from '../domain/invitation'
import type { Org } from '../domain/org'
import type { Policy } from '../domain/policy'
import type { Profile } from '../domain/profile'
import type { StaffMember } from '../domain/staff'

/** Every collection and its document type: the one map of collection names. */
export interface Collections {
  orgs: Org
  staff: StaffMember
  profiles: Profile
  policies: Policy
  counters: Counter
  audit: AuditEntry
  invitations: Invitation
}

export type CollectionName = Extract<keyof Collections, string>

export const COLLECTION_NAMES: readonly CollectionName[] = ['orgs', 'staff', 'profiles', 'policies', 'counters', 'audit', 'invitations']
