import { pagePath, pageUrl } from '../domain/pages'
import { wechatTime } from '../domain/notify'
import { tellResident } from './notices'
import { type EventSignup, eventContributions, maskPhone, type PromotionEvent, reachContributions } from '../domain/event'
import type { InboxMessage } from '../domain/inbox'
import type { Ctx } from '../runtime/action'
import { applyContributions, applyCountedChange, type Counted } from '../runtime/counters'
import { type Contribution, diffContributions } from '../domain/counter'
import { conflict } from '../runtime/errors'
import { reachIdOf } from '../runtime/ids'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type TxStore, where } from '../store/port'

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

/**
 * Inside the caller's transaction: takes a place if one is free and nobody waits, else a place
 * on the waitlist; writes the sign-up (with the request that made it) and bumps the counters.
 * The event's counts only move through guarded updates (`seq` unchanged since read), so
 * capacity holds on either engine. The sign-up's and the reach's contributions move each
 * counter document once. At most one read (the reach) and five writes: the event, the sign-up,
 * the reach (first time only), the month and year counter documents.
 */
export async function enroll(
  tx: TxStore<Collections>,
  ctx: Ctx,
  event: PromotionEvent,
  existing: EventSignup | null,
  person: { signupId: string; residentId: string; name: string; phone: string; via: EventSignup['via']; checkIn: boolean; requestKey: string },
): Promise<EventSignup> {
  const now = ctx.now()
  const at = now.toISOString()
  const confirm = event.confirmedCount < event.capacity && event.waitlistCount === 0
  const checkedIn = confirm && person.checkIn
  const moved = await tx.collection('events').update(
    event._id,
    {
      inc: confirm
        ? { confirmedCount: 1, seq: 1, ...(checkedIn ? { checkedInCount: 1 } : {}) }
        : { waitlistCount: 1, seq: 1 },
      set: { updatedAt: at },
    },
    where.eq<PromotionEvent>('seq', event.seq),
  )
  if (!moved) throw conflict(BUSY)
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
    seq: event.seq + 1,
    via: person.via,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    confirmedAt: confirm ? at : null,
    checkedInAt: checkedIn ? at : null,
    checkedInBy: checkedIn ? 'scan' : null,
    cancelledAt: null,
    requests: { ...Object.fromEntries(kept), [person.requestKey]: status },
  }
  await tx.collection('eventSignups').put(signup)
  // A walk-in checked in at the door needs no message; anyone else gets the time and place in 消息.
  if (!checkedIn) {
    await tellResident(
      tx,
      {
        residentId: person.residentId,
        kind: 'signup',
        key: `${signup._id}_s${signup.seq}`,
        title: confirm ? `报名成功：${event.title}` : `已排上候补：${event.title}`,
        body: `${wechatTime(event.startAt)} · ${event.place}${confirm ? '。请按时到场，扫现场的码签到。' : '。有人取消时按顺序递补，递补成功会再告诉你。'}`,
        path: pagePath('event', { id: event._id }),
        sourceId: event._id,
      },
      at,
    )
  }

  const moves: Contribution[] = []
  const reachId = reachIdOf(ctx.keyring, event.orgId, person.residentId)
  const reached = await tx.collection('eventReach').get(reachId)
  if (!reached) {
    const reach = { _id: reachId, orgId: event.orgId, at }
    await tx.collection('eventReach').insert(reach)
    moves.push(...reachContributions(reach))
  }
  if (confirm) {
    const after = { ...event, confirmedCount: event.confirmedCount + 1, checkedInCount: event.checkedInCount + (checkedIn ? 1 : 0) }
    moves.push(...diffContributions(eventContributions(event), eventContributions(after)))
  }
  await applyContributions(tx, event.orgId, moves)
  return signup
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
