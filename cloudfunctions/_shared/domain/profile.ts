import type { TargetGroup } from './target-groups'

/** A resident's own settings, keyed by their identity (OPENID, or the local runtime's resident id). */
export interface Profile {
  _id: string
  communityId: string | null
  targetGroups: TargetGroup[]
  updatedAt: string
}
