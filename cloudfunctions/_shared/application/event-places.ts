import { pagePath, pageUrl } from '../domain/pages'
import { wechatTime } from '../domain/notify'
import { tellResident } from './notices'
import { type EventSignup, eventContributions, maskPhone, type PromotionEvent, reachContributions } from '../domain/event'
import type { InboxMessage } from '../domain/inbox'
import type { Ctx } from '../runtime/action'
import { applyContributions, applyCountedChange, type Counted } from '../runtime/counters'
import { type Contribution, diffContributions } from '../domain/counter'
import { conflict, notFound } from '../runtime/errors'
import { reachIdOf } from '../runtime/ids'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type Store, type TxStore, where } from '../store/port'

/** Link to an event's page, as inbox messages carry it. */
export const eventLink = (eventId: string) => pageUrl('event', { id: eventId })

const BUSY = '报名的人较多，请再试一次'

/** What an event counts for (see `eventContributions`). */
export function countedEvent(e: PromotionEvent): Counted {
  return { orgId: e.orgId, contributions: eventContributions(e) }
}

/** Inside the caller's transaction: moves the counters from what `before` counted to what `after` counts. */
export function recountEvent(tx: TxStore<Collections>, before: PromotionEvent, after: PromotionEvent): Promise<void> {
  return applyCountedChange(tx, countedEvent(before), countedEvent(after))
}

/** How many sign-up request keys a sign-up document remembers (sign up, cancel, sign up again…). */
const REQUESTS_KEPT = 8

/** What a sign-up's claim on the event took: a place (maybe checked in at once) or a waitlist place. */
export interface Claim {
  confirm: boolean
  checkedIn: boolean
  /** The event as read before the claim (its counts and dates for the counters). */
  event: PromotionEvent
  /** The event as the claim left it: its `seq` is this sign-up's place in line, its counts are current. */
  after: PromotionEvent
}

/**
 * Takes a place on the event for one sign-up, outside any transaction: one guarded single-document
 * update (CloudBase `where({ _id, confirmedCount: _.lt(capacity), … }).update({ confirmedCount:
 * _.inc(1) })`, which the database applies atomically however many residents send it at once:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.inc.md
 * "多个用户同时写…不会有后来者覆写前者的情况"). The event document is the one every sign-up of a
 * poster moves, so it is never part of a sign-up's transaction: a transaction that changes a
 * document another transaction committed meanwhile fails with DATABASE_TRANSACTION_CONFLICT
 * (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT "多个事务同时操作相同数据导致冲突"),
 * which is what made a crowd retry. Capacity holds because the guard is evaluated by the database
 * with the update (`confirmedCount < capacity`, nobody waiting), never from a stale read.
 * Guarded by the event's `version` too, so a staff edit or cancellation in between is re-read.
 * The first check-in of an event also guards `checkedInCount = 0` (it counts the event as held).
 */
export async function claimPlace(
  store: Store<Collections>,
  ctx: Ctx,
  eventId: string,
  first: PromotionEvent,
  checkIn: boolean,
  validate: (e: PromotionEvent) => void,
): Promise<Claim> {
  const at = ctx.now().toISOString()
  const events = store.collection('events')
  let event = first
  for (let round = 0; round < 4; round++) {
    const base = [where.eq<PromotionEvent>('version', event.version), where.eq<PromotionEvent>('status', event.status)]
    const confirmable = event.confirmedCount < event.capacity && event.waitlistCount === 0
    const firstCheckIn = checkIn && event.checkedInCount === 0
    if (confirmable) {
      const guard = where.and<PromotionEvent>(
        ...base,
        where.lt('confirmedCount', event.capacity),
        where.eq('capacity', event.capacity),
        where.eq('waitlistCount', 0),
        ...(firstCheckIn ? [where.eq<PromotionEvent>('checkedInCount', 0)] : []),
      )
      const inc = { confirmedCount: 1, seq: 1, ...(checkIn ? { checkedInCount: 1 } : {}) }
      const after = await events.updateAndGet(eventId, { inc, set: { updatedAt: at } }, guard)
      if (after) return { confirm: true, checkedIn: checkIn, event, after }
    }
    // Full (or someone waits): a place on the waitlist, unless the first check-in raced another
    // (then read again: a place may still be free).
    if (!(confirmable && firstCheckIn)) {
      const after = await events.updateAndGet(eventId, { inc: { waitlistCount: 1, seq: 1 }, set: { updatedAt: at } }, where.and<PromotionEvent>(...base))
      if (after) return { confirm: false, checkedIn: false, event, after }
    }
    const again = await events.get(eventId)
    if (!again) throw notFound('活动不存在或已删除')
    validate(again)
    event = again
  }
  throw conflict(BUSY)
}

/**
 * How many waited ahead of a waitlist place when `claimPlace` handed it out: the event's
 * `waitlistCount` as the same guarded update left it, less this one. Everyone counted there took
 * a lower `seq` (the counter and the count move in one update), so this is the count of waitlisted
 * sign-ups with a lower `seq` at that moment, with no read. Undefined for a confirmed place.
 */
export function waitlistAheadAtClaim(claim: Claim): number | undefined {
  return claim.confirm ? undefined : Math.max(0, claim.after.waitlistCount - 1)
}

/** Gives back what `claimPlace` took, when the sign-up it was for could not be written. */
export async function releaseClaim(store: Store<Collections>, ctx: Ctx, claim: Claim): Promise<void> {
  const inc = claim.confirm ? { confirmedCount: -1, ...(claim.checkedIn ? { checkedInCount: -1 } : {}) } : { waitlistCount: -1 }
  await store.collection('events').update(claim.event._id, { inc, set: { updatedAt: ctx.now().toISOString() } })
}

/**
 * Inside the caller's transaction, which touches only this resident's documents (so a crowd's
 * transactions never share one): writes the sign-up with the request that made it (`insert` for
 * a first sign-up, an update guarded by `updatedAt` for a sign-up after a cancellation, so two
 * requests of the same resident cannot both win) and tells the resident in their inbox.
 * Reads: the resident's notice settings. Writes: the sign-up, the inbox message and its delivery.
 */
export async function writeSignup(
  tx: TxStore<Collections>,
  ctx: Ctx,
  claim: Claim,
  existing: EventSignup | null,
  person: { signupId: string; residentId: string; name: string; phone: string; via: EventSignup['via']; requestKey: string },
): Promise<EventSignup> {
  const { event, confirm, checkedIn } = claim
  const at = ctx.now().toISOString()
  const status: EventSignup['status'] = checkedIn ? 'checked_in' : confirm ? 'confirmed' : 'waitlisted'
  const kept = Object.entries(existing?.requests ?? {}).slice(-(REQUESTS_KEPT - 1))
  const signup: EventSignup = {
    _id: person.signupId,
    eventId: event._id,
    orgId: event.orgId,
    residentId: person.residentId,
    name: person.name,
    phoneMasked: maskPhone(person.phone),
    phoneSealed: ctx.keyring.encrypt(person.phone),
    status,
    // The place in line this sign-up's claim was handed: orders the waitlist.
    seq: claim.after.seq,
    via: person.via,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    confirmedAt: confirm ? at : null,
    checkedInAt: checkedIn ? at : null,
    checkedInBy: checkedIn ? 'scan' : null,
    cancelledAt: null,
    requests: { ...Object.fromEntries(kept), [person.requestKey]: status },
  }
  const signups = tx.collection('eventSignups')
  if (!existing) await signups.insert(signup)
  else {
    const { _id, ...fields } = signup
    if (!(await signups.update(_id, { set: fields }, where.eq<EventSignup>('updatedAt', existing.updatedAt)))) throw new SignupRaced()
  }
  // A walk-in checked in at the door needs no message; anyone else gets the time and place in 消息.
  if (!checkedIn) {
    await tellResident(
      tx,
      {
        residentId: person.residentId,
        kind: 'signup',
        // The place in line is unique per event; the sign-up written above proves this one is new.
        key: `${signup._id}_s${signup.seq}`,
        title: confirm ? `报名成功：${event.title}` : `已排上候补：${event.title}`,
        body: `${wechatTime(event.startAt)} · ${event.place}${confirm ? '。请按时到场，扫现场的码签到。' : '。有人取消时按顺序递补，递补成功会再告诉你。'}`,
        path: pagePath('event', { id: event._id }),
        sourceId: event._id,
      },
      at,
      { fresh: true },
    )
  }
  return signup
}

/** The resident's sign-up changed between the read and the write (a concurrent request of theirs). */
export class SignupRaced extends Error {
  constructor() {
    super('sign-up changed meanwhile')
    this.name = 'SignupRaced'
  }
}

/**
 * After the sign-up committed: records the resident as reached by the org (first time only) and
 * moves the org's counters, each by a blind single-document increment outside any transaction
 * (the year counter document is what every sign-up of an org moves at once). A crash
 * between the commit and here leaves the counters short, never double: a retry is answered from
 * the sign-up, and the nightly reconciliation (`reconcileCounters`) recounts from the records.
 * Reads the reach; writes it (first time only) and the year counter document (one `inc` moves the
 * year's total and the month's part: `placementsOf`; two documents only when the resident is
 * reached in another year than the event is held in).
 */
export async function countSignup(store: Store<Collections>, ctx: Ctx, claim: Claim, residentId: string): Promise<void> {
  const { event, confirm, checkedIn } = claim
  const moves: Contribution[] = []
  const reach = { _id: reachIdOf(ctx.keyring, event.orgId, residentId), orgId: event.orgId, at: ctx.now().toISOString() }
  // A read first: most sign-ups are of residents the org reached before, and a read is cheaper
  // than a refused insert. Two first sign-ups at once: one insert wins, the other counts nothing.
  if (!(await store.collection('eventReach').get(reach._id))) {
    try {
      await store.collection('eventReach').insert(reach)
      moves.push(...reachContributions(reach))
    } catch (err) {
      if (!(err instanceof DuplicateIdError)) throw err
    }
  }
  if (confirm) {
    const after = { ...event, confirmedCount: event.confirmedCount + 1, checkedInCount: event.checkedInCount + (checkedIn ? 1 : 0) }
    moves.push(...diffContributions(eventContributions(event), eventContributions(after)))
  }
  await applyContributions(outsideTx(store), event.orgId, moves)
}

/** The store's single-document operations, each atomic on its own, where a transaction is expected. */
function outsideTx(store: Store<Collections>): TxStore<Collections> {
  return { collection: (name) => store.collection(name) }
}

/**
 * Inside the caller's transaction: gives back a confirmed or waitlisted place of `event` (read in
 * the same transaction), through a guarded update (`seq` unchanged since read), and takes a
 * confirmed sign-up back from the counters. The caller changes or removes the sign-up itself.
 */
export async function releasePlace(
  tx: TxStore<Collections>,
  now: Date,
  event: PromotionEvent,
  signup: Pick<EventSignup, 'status'>,
): Promise<void> {
  const confirmed = signup.status === 'confirmed'
  const moved = await tx.collection('events').update(
    event._id,
    { inc: confirmed ? { confirmedCount: -1 } : { waitlistCount: -1 }, set: { updatedAt: now.toISOString() } },
    where.eq<PromotionEvent>('seq', event.seq),
  )
  if (!moved) throw conflict('操作的人较多，请再试一次')
  if (confirmed) await recountEvent(tx, event, { ...event, confirmedCount: event.confirmedCount - 1 })
}

/** Inside the caller's transaction: checks a confirmed sign-up in (by scan or by staff). */
export async function checkIn(
  tx: TxStore<Collections>,
  ctx: Ctx,
  event: PromotionEvent,
  signup: EventSignup,
  by: string,
): Promise<EventSignup> {
  const now = ctx.now()
  const at = now.toISOString()
  const moved = await tx
    .collection('eventSignups')
    .update(signup._id, { set: { status: 'checked_in', checkedInAt: at, checkedInBy: by, updatedAt: at } }, where.eq<EventSignup>('status', 'confirmed'))
  if (!moved) throw conflict(BUSY)
  const counted = await tx
    .collection('events')
    .update(event._id, { inc: { checkedInCount: 1 }, set: { updatedAt: at } }, where.eq<PromotionEvent>('checkedInCount', event.checkedInCount))
  if (!counted) throw conflict(BUSY)
  await recountEvent(tx, event, { ...event, checkedInCount: event.checkedInCount + 1 })
  return { ...signup, status: 'checked_in', checkedInAt: at, checkedInBy: by, updatedAt: at }
}

/**
 * Fills free places from the waitlist, lowest `seq` first, one transaction per promotion (each
 * re-reads the event and the candidate, so concurrent cancellations never promote twice or past
 * capacity). Every promoted resident is told in their inbox. Returns how many moved up.
 */
export async function fillFromWaitlist(ctx: Ctx, eventId: string): Promise<number> {
  const { store } = ctx
  let promoted = 0
  for (let round = 0; round < 50; round++) {
    const event = await store.collection('events').get(eventId)
    if (!event || event.status !== 'published' || event.waitlistCount === 0) return promoted
    const free = event.capacity - event.confirmedCount
    if (free <= 0 || ctx.now().toISOString() >= event.endAt) return promoted
    const page = await store.collection('eventSignups').find({
      where: where.and<EventSignup>(where.eq('eventId', eventId), where.eq('status', 'waitlisted')),
      orderBy: [{ field: 'seq', dir: 'asc' }],
      limit: Math.min(free, 20),
    })
    if (!page.items.length) return promoted
    for (const candidate of page.items) {
      const result = await store.transaction(async (tx) => {
        const e = await tx.collection('events').get(eventId)
        if (!e || e.status !== 'published' || e.confirmedCount >= e.capacity) return 'full' as const
        const s = await tx.collection('eventSignups').get(candidate._id)
        if (!s || s.status !== 'waitlisted') return 'skip' as const
        const now = ctx.now()
        const at = now.toISOString()
        const moved = await tx
          .collection('events')
          .update(eventId, { inc: { confirmedCount: 1, waitlistCount: -1 }, set: { updatedAt: at } }, where.eq<PromotionEvent>('seq', e.seq))
        if (!moved) return 'skip' as const
        await tx.collection('eventSignups').update(s._id, { set: { status: 'confirmed', confirmedAt: at, updatedAt: at } })
        await recountEvent(tx, e, { ...e, confirmedCount: e.confirmedCount + 1 })
        await tellResident(
          tx,
          {
            residentId: s.residentId,
            kind: 'signup',
            key: `${s._id}_p${s.seq}`,
            title: '候补成功，你已报上名',
            body: `有人取消了报名，你已从候补名单递补为正式报名：${e.title}。请按时到场签到。`,
            path: pagePath('event', { id: e._id }),
            sourceId: e._id,
          },
          at,
        )
        return 'promoted' as const
      })
      if (result === 'full') return promoted
      if (result === 'promoted') promoted++
    }
  }
  return promoted
}

/**
 * Tells everyone signed up to a cancelled event, in their inbox. Message ids are derived from
 * (event, resident), so running it again after an interruption tells nobody twice.
 */
export async function notifyCancellation(ctx: Ctx, event: PromotionEvent): Promise<number> {
  let notified = 0
  const at = ctx.now().toISOString()
  const active = where.and<EventSignup>(where.eq('eventId', event._id), where.in('status', ['confirmed', 'waitlisted']))
  for await (const batch of ctx.store.collection('eventSignups').scan(active, 200)) {
    for (const s of batch) {
      const message: InboxMessage = {
        _id: `ib_${ctx.keyring.keyedHash('event-cancelled', event._id, s.residentId).slice(0, 24)}`,
        residentId: s.residentId,
        kind: 'event_cancelled',
        title: `活动取消：${event.title}`,
        body: `很抱歉，你报名的“${event.title}”已取消。${event.cancelReason ? `原因：${event.cancelReason}。` : ''}给你带来不便，敬请谅解。`,
        link: eventLink(event._id),
        sourceId: event._id,
        createdAt: at,
        readAt: null,
      }
      try {
        await ctx.store.collection('inbox').insert(message)
        notified++
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err
      }
    }
  }
  return notified
}
