import type { EventCounts, EventListItem, EventView, MySignup, Permit } from '../_shared/contracts/event'
import { type EventSignup, phaseOf, type PromotionEvent, REFUSALS, type RefusalReason } from '../_shared/domain/event'
import { isWithin } from '../_shared/domain/org'
import { can, type Permission } from '../_shared/domain/roles'
import type { Ctx } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { AppError, validation } from '../_shared/runtime/errors'
import { loadInScope } from '../_shared/runtime/scope'
import type { Keyring } from '../_shared/runtime/keyring'
import { where } from '../_shared/store/port'

/** Staff may act on an event of their own org or an org below it, if their role allows. */
export function mayManage(caller: Caller, event: Pick<PromotionEvent, 'orgPath'>, permission: Permission = 'event.write'): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, permission) && isWithin(event.orgPath, caller.staff.orgId)
}

/**
 * Loads an event in a staff caller's scope: outside their org's subtree it does not exist for
 * them (404). The role's permission is declared on the action; `permission` only for a branch
 * of an action open to more than staff (inside the scope, a role without it is 403).
 */
export function loadForStaff(ctx: Ctx, id: string, permission?: Permission): Promise<PromotionEvent> {
  return loadInScope(ctx, 'events', id, { missing: '活动不存在或已删除', permission, refusal: '你的角色不能进行这个操作' })
}

import { reachIdOf, signupIdOf } from '../_shared/runtime/ids'
export { reachIdOf, signupIdOf }

/** The id under which a resident request is remembered, so its retry has no second effect. */
export function requestIdOf(keyring: Keyring, residentId: string, action: string, eventId: string, requestId: string): string {
  return `rq_${keyring.keyedHash('event-request', residentId, action, eventId, requestId).slice(0, 32)}`
}

/** A refusal with its explicit reason: code problems are 400 on `scene`, the rest 409. */
export function refuse(reason: RefusalReason): AppError {
  const message = REFUSALS[reason]
  if (reason === 'invalid_code' || reason === 'expired_code' || reason === 'other_event') {
    return validation([{ path: 'scene', message }], message)
  }
  return new AppError('CONFLICT', message)
}

export const permit = (reason: RefusalReason | null): Permit =>
  reason ? { ok: false, reason, message: REFUSALS[reason] } : { ok: true }

export function countsOf(e: PromotionEvent): EventCounts {
  return { capacity: e.capacity, confirmed: e.confirmedCount, waitlisted: e.waitlistCount, checkedIn: e.checkedInCount }
}

/** How many are ahead of a waitlisted sign-up. */
async function aheadOf(ctx: Ctx, s: EventSignup): Promise<number | null> {
  if (s.status !== 'waitlisted') return null
  return ctx.store
    .collection('eventSignups')
    .count(where.and<EventSignup>(where.eq('eventId', s.eventId), where.eq('status', 'waitlisted'), where.lt('seq', s.seq)))
}

/**
 * The resident's view of their sign-up. `ahead`: how many wait ahead of a waitlisted sign-up when
 * the caller knows it without a read (a sign-up's own claim: see `waitlistAheadAtClaim`).
 */
export async function mySignupView(ctx: Ctx, s: EventSignup, ahead?: number): Promise<MySignup> {
  return {
    _id: s._id,
    status: s.status,
    name: s.name,
    phoneMasked: s.phoneMasked,
    via: s.via,
    createdAt: s.createdAt,
    checkedInAt: s.checkedInAt,
    waitlistAhead: s.status === 'waitlisted' && ahead !== undefined ? ahead : await aheadOf(ctx, s),
  }
}

/** The resident caller's own sign-up to `eventId`, or null (staff have none). */
export async function loadMine(ctx: Ctx, eventId: string): Promise<EventSignup | null> {
  if (ctx.caller.kind !== 'resident') return null
  return ctx.store.collection('eventSignups').get(signupIdOf(ctx.keyring, eventId, ctx.caller.id))
}

export async function toView(ctx: Ctx, event: PromotionEvent): Promise<EventView> {
  const {
    orgPath: _path,
    updatedBy: _by,
    seq: _seq,
    confirmedCount: _c,
    waitlistCount: _w,
    checkedInCount: _k,
    ...rest
  } = event
  const mine = await loadMine(ctx, event._id)
  const policies: { _id: string; title: string }[] = []
  for (const id of event.policyIds) {
    const p = await ctx.store.collection('policies').get(id)
    if (p && p.status === 'published') policies.push({ _id: p._id, title: p.title })
  }
  return {
    ...rest,
    phase: phaseOf(event, ctx.now()),
    counts: countsOf(event),
    editable: mayManage(ctx.caller, event),
    mine: mine && mine.status !== 'cancelled' ? await mySignupView(ctx, mine) : null,
    policies,
  }
}

export function toListItem(event: PromotionEvent, now: Date, mine: EventSignup | null): EventListItem {
  return {
    _id: event._id,
    title: event.title,
    place: event.place,
    startAt: event.startAt,
    endAt: event.endAt,
    orgName: event.orgName,
    status: event.status,
    phase: phaseOf(event, now),
    counts: countsOf(event),
    walkIn: event.walkIn,
    mine: mine && mine.status !== 'cancelled' ? mine.status : null,
  }
}

/** Name and phone from the resident's latest sign-up, so the next one is a single tap. */
export async function lastContact(ctx: Ctx): Promise<{ name: string; phone: string } | null> {
  if (ctx.caller.kind !== 'resident') return null
  const last = await ctx.store.collection('eventSignups').find({
    where: where.eq<EventSignup>('residentId', ctx.caller.id),
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 1,
  })
  const s = last.items[0]
  return s ? { name: s.name, phone: ctx.keyring.decrypt(s.phoneSealed) } : null
}
