import type { Org } from '../_shared/domain/org'
import { can, type Permission } from '../_shared/domain/roles'
import type { StaffMember } from '../_shared/domain/staff'
import type { Ctx } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { forbidden, missingOrOutOfScope } from '../_shared/runtime/errors'
import { where } from '../_shared/store/port'

/** The staff caller, if they hold `permission`; otherwise 403. */
export function requireStaff(caller: Caller, permission: Permission): Extract<Caller, { kind: 'staff' }> {
  if (caller.kind !== 'staff' || !can(caller.staff.role, permission)) throw forbidden()
  return caller
}

/** Every org in the subtree rooted at `orgId` (itself included). */
export async function orgsWithin(ctx: Ctx, orgId: string): Promise<Org[]> {
  const out: Org[] = []
  for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', orgId), 500)) out.push(...batch)
  return out
}

/** An org inside the caller's scope; one outside it is reported as not found. */
export async function orgInScope(ctx: Ctx, caller: Extract<Caller, { kind: 'staff' }>, orgId: string): Promise<Org> {
  const org = await ctx.store.collection('orgs').get(orgId)
  if (!org || !org.path.includes(caller.org._id)) throw missingOrOutOfScope(org, '单位不存在或不在你的管理范围内')
  return org
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
