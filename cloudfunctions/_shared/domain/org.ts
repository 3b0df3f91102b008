/** Levels of the org tree, top down. */
export const ORG_LEVELS = ['city', 'district', 'street', 'community'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  city: '市',
  district: '县(区)',
  street: '街道(乡镇)',
  community: '社区(村)',
}

/** A node of the org tree: city → district → street → community. */
export interface Org {
  _id: string
  name: string
  level: OrgLevel
  parentId: string | null
  /** Ids from the root down to and including this org; scope checks read it. */
  path: string[]
}

/**
 * Fields every record an org keeps carries (policies, surveys, events, courses, projects, the
 * service resources): its staff (and staff above it) edit it, and the org path copied onto it lets
 * scope checks run without another read. `version` moves on every save (optimistic locking).
 */
export interface OrgResource {
  _id: string
  orgId: string
  /** Path of the keeping org (root first), copied so scope checks need no extra read. */
  orgPath: string[]
  orgName: string
  createdAt: string
  updatedAt: string
  updatedBy: string
  version: number
}

/** What a record kept by `org` starts with: its owner, made at `at` by `by` (a staff id), version 1. */
export function keptBy(org: Org, by: string, at: string): Omit<OrgResource, '_id'> {
  return { orgId: org._id, orgPath: org.path, orgName: org.name, createdAt: at, updatedAt: at, updatedBy: by, version: 1 }
}

/** True when `orgPath` (a target's path) lies inside the subtree rooted at `scopeOrgId`. */
export function isWithin(orgPath: readonly string[], scopeOrgId: string): boolean {
  return orgPath.includes(scopeOrgId)
}

/** The level directly below `level`, or null for a community. */
export function childLevel(level: OrgLevel): OrgLevel | null {
  const i = ORG_LEVELS.indexOf(level)
  return i < ORG_LEVELS.length - 1 ? ORG_LEVELS[i + 1] : null
}
