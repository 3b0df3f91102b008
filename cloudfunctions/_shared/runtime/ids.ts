import { randomBytes } from 'node:crypto'
import type { Keyring } from './keyring'

/** A new document id: a short prefix naming the concept and 72 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`
}

/** The id of (event, resident)'s one sign-up: keyed, so it reveals no OPENID. Shared: event surveys check it. */
export function signupIdOf(keyring: Keyring, eventId: string, residentId: string): string {
  return `su_${keyring.keyedHash('event-signup', eventId, residentId).slice(0, 24)}`
}

/** Marks a resident reached by an org's events (counted once per org). */
export function reachIdOf(keyring: Keyring, orgId: string, residentId: string): string {
  return `rc_${keyring.keyedHash('event-reach', orgId, residentId).slice(0, 24)}`
}
