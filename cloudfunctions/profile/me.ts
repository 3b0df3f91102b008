import type { Me } from '../_shared/contracts/profile'
import type { Ctx } from '../_shared/runtime/action'
import { activeIntents } from '../_shared/application/resident'

export async function describeMe(ctx: Ctx): Promise<Me> {
  const { store, caller } = ctx
  const [profile, intents] = await Promise.all([store.collection('profiles').get(caller.id), caller.kind === 'resident' ? activeIntents(ctx, caller.id) : Promise.resolve([])])
  const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
  return {
    kind: caller.kind,
    communityId: community?._id ?? null,
    communityName: community?.name ?? null,
    targetGroups: profile?.targetGroups ?? [],
    // The home page stops inviting someone who already registered (and offers their file instead).
    hasIntent: intents.length > 0,
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
