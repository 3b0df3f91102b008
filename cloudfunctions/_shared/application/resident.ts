/**
 * Where a resident stands, for the service features: their active registration (the case help
 * is recorded on) and the community they belong to (their case's, else the one on their profile).
 */
import type { Case } from '../domain/case'
import type { Ctx } from '../runtime/action'
import { where } from '../store/port'

export interface ResidentPlace {
  /** The latest active, not anonymised registration, or null. */
  intent: Case | null
  /** Org path of their community, or null when unknown (they see every office's resources). */
  communityPath: string[] | null
}

/** The resident's active registrations, newest first. */
export async function activeIntents(ctx: Ctx, residentId: string): Promise<Case[]> {
  const page = await ctx.store.collection('cases').find({
    where: where.and<Case>(where.eq('residentId', residentId), where.ne('status', 'withdrawn')),
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 20,
  })
  return page.items.filter((i) => !i.anonymisedAt)
}

export async function residentPlace(ctx: Ctx): Promise<ResidentPlace> {
  if (ctx.caller.kind !== 'resident') return { intent: null, communityPath: ctx.caller.kind === 'staff' ? ctx.caller.org.path : null }
  const intent = (await activeIntents(ctx, ctx.caller.id))[0] ?? null
  if (intent) return { intent, communityPath: intent.communityPath }
  const profile = await ctx.store.collection('profiles').get(ctx.caller.id)
  const org = profile?.communityId ? await ctx.store.collection('orgs').get(profile.communityId) : null
  return { intent: null, communityPath: org?.path ?? null }
}
