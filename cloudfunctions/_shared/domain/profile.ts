import type { TargetGroup } from './target-groups'

/** A resident's own settings, keyed by their identity (OPENID, or the local runtime's resident id). */
export interface Profile {
  _id: string
  communityId: string | null
  targetGroups: TargetGroup[]
  updatedAt: string
  /**
   * Every community the resident has chosen and from when (ISO), oldest first. Survey eligibility
   * follows the community held when the survey opened, so moving one's profile does not open
   * another community's survey. Absent on profiles saved before it existed: `communityId` then
   * stands for all time.
   */
  communityHistory?: { communityId: string; since: string }[]
}

/**
 * The community a resident held on `date` (YYYY-MM-DD, Shanghai): the latest one chosen on or
 * before that day; for someone who chose their first community later, that first one.
 */
export function communityOn(profile: Pick<Profile, 'communityId' | 'communityHistory'>, date: string, dayOf: (iso: string) => string): string | null {
  const history = profile.communityHistory ?? []
  if (history.length === 0) return profile.communityId
  const held = history.filter((h) => h.since === '' || dayOf(h.since) <= date)
  return (held.length ? held[held.length - 1] : history[0]).communityId
}
