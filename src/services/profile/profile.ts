import type { Me, ProfileSaveInput } from '@shared/contracts/profile'
import { call } from '../core/cloud'

let cached: Me | null = null

/** The profile already loaded, if any (a frame can draw at once instead of after a round trip). */
export function knownMe(): Me | null {
  return cached
}

/**
 * The caller's profile. Pages read it on show; it is cached until saved or until the session
 * changes, so switching tabs does not refetch.
 */
export async function getMe(options: { fresh?: boolean } = {}): Promise<Me> {
  if (cached && !options.fresh) return cached
  cached = await call('profile', 'get', {})
  return cached
}

/** The cached profile if one was loaded, for a first paint without a spinner. */
export function peekMe(): Me | null {
  return cached
}

export async function saveProfile(input: ProfileSaveInput): Promise<Me> {
  cached = await call('profile', 'save', input)
  return cached
}

/** Forgets the cached profile (after sign-in or sign-out). */
export function forgetMe(): void {
  cached = null
}
