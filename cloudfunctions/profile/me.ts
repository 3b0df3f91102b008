import type { Me } from '../_shared/contracts/profile'
import type { Ctx } from '../_shared/runtime/action'

export async function describeMe({ store, caller }: Ctx): Promise<Me> {
  const profile = await store.collection('profiles').get(caller.id)
  const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
  return {
    kind: caller.kind,
    communityId: community?._id ?? null,
    communityName: community?.name ?? null,
    targetGroups: profile?.targetGroups ?? [],
    staff:
      caller.kind === 'staff'
        ? { name: caller.staff.name, role: caller.staff.role, orgId: caller.org._id, orgName: caller.org.name }
        : null,
  }
}

/** Deletes the caller's own profile; resolves true when there was one. */
export async function forgetMe({ store, caller }: Pick<Ctx, 'store' | 'caller'>): Promise<boolean> {
  return store.collection('profiles').remove(caller.id)
}
