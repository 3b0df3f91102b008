import type { StaffRole } from './roles'

/**
 * A single-use staff invitation. The code itself is never stored: the document id is a keyed
 * hash of it, so a database reader cannot redeem open invitations.
 */
export interface Invitation {
  _id: string
  role: StaffRole
  orgId: string
  orgPath: string[]
  /** Who it is for, as the inviter wrote it (shown on redemption). */
  label: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
  revokedAt: string | null
}

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_LENGTH = 8

/** Normalises what a person typed: case, spaces and dashes do not matter. */
export function normaliseInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}
