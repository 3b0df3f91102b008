import type { OrgNode } from '@shared/contracts/org'
import { call } from '../core/cloud'
import type { ActionInput } from '../core/cloud-core'

let cachedTree: OrgNode[] | null = null

/** The whole org tree; it changes rarely, so one load per app session unless `fresh`. */
export async function getOrgTree(options: { fresh?: boolean } = {}): Promise<OrgNode[]> {
  if (!cachedTree || options.fresh) cachedTree = (await call('org', 'tree', {})).orgs
  return cachedTree
}

/** Adds an org under a parent, or renames one (admin); the cached tree is dropped. */
export async function saveOrg(input: ActionInput<'org', 'saveOrg'>) {
  const saved = await call('org', 'saveOrg', input)
  cachedTree = null
  return saved
}

/** Communities under one heading (their street, with its district), for pickers. */
export interface CommunityGroup {
  /** e.g. `雁塔区 · 小寨路街道` */
  title: string
  communities: OrgNode[]
}

/**
 * Communities grouped by their parent street (or whatever their parent is), headings named
 * from the parent's full name below the city, in the tree's own order.
 */
export function groupCommunities(orgs: readonly OrgNode[]): CommunityGroup[] {
  const byId = new Map(orgs.map((o) => [o._id, o]))
  const groups = new Map<string, CommunityGroup>()
  for (const org of orgs) {
    if (org.level !== 'community') continue
    const parent = org.parentId ? byId.get(org.parentId) : undefined
    const key = parent?._id ?? ''
    let group = groups.get(key)
    if (!group) {
      group = { title: parent ? headingOf(parent, byId) : '其他社区', communities: [] }
      groups.set(key, group)
    }
    group.communities.push(org)
  }
  return [...groups.values()]
}

function headingOf(org: OrgNode, byId: Map<string, OrgNode>): string {
  const names: string[] = []
  let node: OrgNode | undefined = org
  while (node && node.level !== 'city') {
    names.unshift(node.name)
    node = node.parentId ? byId.get(node.parentId) : undefined
  }
  return names.join(' · ') || org.fullName
}

/** Issues a single-use invitation code (shown once). */
export function inviteStaff(input: ActionInput<'org', 'invite'>) {
  return call('org', 'invite', input)
}

/** Redeems an invitation with my identity (in the browser also choosing an account). */
export function bindInvitation(input: ActionInput<'org', 'bind'>) {
  return call('org', 'bind', input)
}

/** A community's 组织体系 with this year's checks (the caller's own community when none is given). */
export function loadSetup(orgId?: string) {
  return call('org', 'setup', orgId ? { orgId } : {})
}

export function saveSetup(input: ActionInput<'org', 'saveSetup'>) {
  return call('org', 'saveSetup', input)
}

export function listStaff(input: ActionInput<'org', 'staff'>) {
  return call('org', 'staff', input)
}

export function revokeStaff(staffId: string) {
  return call('org', 'revoke', { staffId })
}

export function listAudit(input: ActionInput<'org', 'audit'>) {
  return call('org', 'audit', input)
}
