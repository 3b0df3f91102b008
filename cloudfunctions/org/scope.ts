import type { Org } from '../_shared/domain/org'
import type { StaffMember } from '../_shared/domain/staff'
import type { Ctx, StaffCtx } from '../_shared/runtime/action'
import { loadInScope } from '../_shared/runtime/scope'
import { where } from '../_shared/store/port'

/** Every org in the subtree rooted at `orgId` (itself included). */
export async function orgsWithin(ctx: Ctx, orgId: string): Promise<Org[]> {
  const out: Org[] = []
  for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', orgId), 500)) out.push(...batch)
  return out
}

/** An org inside the caller's scope; one outside it is reported as not found. */
export function orgInScope(ctx: StaffCtx, orgId: string): Promise<Org> {
  return loadInScope(ctx, 'orgs', orgId, { pathOf: (org) => org.path, missing: '单位不存在或不在你的管理范围内' })
}

/** The org an input names (`orgId`, 404 outside the caller's scope), or else the caller's own. */
export async function namedOrOwnOrg(ctx: StaffCtx, orgId: string | undefined): Promise<Org> {
  return orgId ? orgInScope(ctx, orgId) : ctx.caller.org
}

export function toStaffView(s: StaffMember, orgName: string, revocable: boolean) {
  return {
    _id: s._id,
    name: s.name,
    role: s.role,
    orgId: s.orgId,
    orgName,
    username: s.username,
    boundToWeChat: Boolean(s.openid) && !s.openid?.startsWith('h5_'),
    active: s.active,
    createdAt: s.createdAt,
    revocable,
  }
}
