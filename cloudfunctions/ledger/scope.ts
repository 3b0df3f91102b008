import type { LedgerFilter } from '../_shared/contracts/intent'
import type { Intent } from '../_shared/domain/intent'
import { isWithin, type Org } from '../_shared/domain/org'
import type { Ctx } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { missingOrOutOfScope } from '../_shared/runtime/errors'
import { type Filter, where } from '../_shared/store/port'

type StaffCaller = Extract<Caller, { kind: 'staff' }>

/**
 * The cases a staff member sees: their own community's, or for street, district and city
 * staff every community below them (optionally one of them). A community outside the scope is
 * 404, like a case outside it.
 */
export async function scopeFilter(ctx: Ctx, caller: StaffCaller, communityId?: string): Promise<{ filter: Filter<Intent>; community: Org | null }> {
  if (communityId) {
    const community = await ctx.store.collection('orgs').get(communityId)
    if (!community || community.level !== 'community' || !isWithin(community.path, caller.staff.orgId)) {
      throw missingOrOutOfScope(community, '这个社区不在你负责的范围')
    }
    return { filter: where.eq('communityId', community._id), community }
  }
  if (caller.org.level === 'community') return { filter: where.eq('communityId', caller.org._id), community: caller.org }
  return { filter: where.has('communityPath', caller.org._id), community: null }
}

/** The ledger's filter as typed store filters; request values only fill value slots. */
export function ledgerFilters(input: LedgerFilter, today: string): Filter<Intent>[] {
  const filters: Filter<Intent>[] = []
  if (input.status === 'active') filters.push(where.in('status', ['pending', 'accepted']))
  else if (input.status === 'withdrawn') filters.push(where.eq('status', 'withdrawn'))
  if (input.stage) filters.push(where.eq('stage', input.stage))
  if (input.need) filters.push(where.has('needs', input.need))
  if (input.targetGroup) filters.push(where.has('targetGroups', input.targetGroup))
  if (input.flag === 'unguided') filters.push(where.eq('askedHelp', true), where.eq('guidedAt', ''))
  // '' (no date planned) sorts before every real date, so `>= '0'` leaves it out.
  if (input.flag === 'overdue') filters.push(where.gte('nextFollowUpDate', '0'), where.lt('nextFollowUpDate', today))
  if (input.keyword) filters.push(where.contains('name', input.keyword))
  return filters
}
