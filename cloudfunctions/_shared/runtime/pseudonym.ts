import type { Keyring } from './keyring'

/**
 * A resident as one staff member sees them: a keyed hash of (viewer, resident), stable for that
 * viewer so they can tell two items of one person apart from two people, but unlinkable across
 * staff and never the resident's id (an OPENID on WeChat).
 */
export function residentPseudonym(keyring: Keyring, viewerId: string, residentId: string): string {
  return `居民·${keyring.keyedHash('resident-pseudonym', viewerId, residentId).slice(0, 6)}`
}

/** A resident's record for a staff answer: `residentId` replaced by the viewer's pseudonym. */
export function forStaff<T extends { residentId: string }>(keyring: Keyring, viewerId: string, doc: T): Omit<T, 'residentId'> & { applicant: string } {
  const { residentId, ...rest } = doc
  return { ...rest, applicant: residentPseudonym(keyring, viewerId, residentId) }
}
