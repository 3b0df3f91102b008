import { syncSearchEntry } from '../../_shared/application/search-index'
import { cancelInput, type CancelOutput } from '../../_shared/contracts/event'
import type { PromotionEvent } from '../../_shared/domain/event'
import { admittedResident, type Ctx, defineAction } from '../../_shared/runtime/action'
import { conflict, notFound } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadForStaff, refuse, requestIdOf, signupIdOf, toView } from '../access'
import { fillFromWaitlist, notifyCancellation, recountEvent, releasePlace } from '../../_shared/application/event-places'

/** A resident gives their place back; the first on the waitlist moves up. */
async function cancelSignup(ctx: Ctx, eventId: string, requestId: string): Promise<CancelOutput> {
  const { store, keyring } = ctx
  const caller = admittedResident(ctx.caller)
  const now = ctx.now()
  const at = now.toISOString()
  const signupId = signupIdOf(keyring, eventId, caller.id)
  const requestKey = requestIdOf(keyring, caller.id, 'cancel', eventId, requestId)
  await store.transaction(async (tx) => {
    if (await tx.collection('eventRequests').get(requestKey)) return
    const event = await tx.collection('events').get(eventId)
    if (!event) throw notFound('活动不存在或已删除')
    if (event.status === 'cancelled') throw refuse('cancelled')
    if (at >= event.endAt) throw refuse('ended')
    const s = await tx.collection('eventSignups').get(signupId)
    if (!s || s.status === 'cancelled') throw refuse('not_signed_up')
    if (s.status === 'checked_in') throw refuse('not_cancellable')
    await releasePlace(tx, now, event, s)
    await tx.collection('eventSignups').update(s._id, { set: { status: 'cancelled', cancelledAt: at, updatedAt: at } })
    await tx.collection('eventRequests').insert({ _id: requestKey, action: 'cancel', eventId, at, outcome: 'cancelled' })
  })
  const promoted = await fillFromWaitlist(ctx, eventId)
  const event = await store.collection('events').get(eventId)
  if (!event) throw notFound('活动不存在或已删除')
  return { mode: 'signup', notified: 0, promoted, event: await toView(ctx, event) }
}

/**
 * Staff cancel the event; everyone signed up or waiting is told in their inbox. Cancelling an
 * already cancelled event re-sends nothing twice but finishes telling anyone an interrupted run
 * missed.
 */
async function cancelEvent(ctx: Ctx, eventId: string, reason: string): Promise<CancelOutput> {
  const current = await loadForStaff(ctx, eventId, 'event.write')
  const now = ctx.now()
  const at = now.toISOString()
  if (current.status !== 'cancelled') {
    if (at >= current.endAt) throw conflict('活动已结束，不能取消')
    if (current.checkedInCount > 0) throw conflict('已有居民签到，活动不能取消')
    await ctx.store.transaction(async (tx) => {
      const e = await tx.collection('events').get(eventId)
      if (!e || e.status === 'cancelled') return
      if (e.checkedInCount > 0) throw conflict('已有居民签到，活动不能取消')
      const changed = await tx.collection('events').update(
        eventId,
        { set: { status: 'cancelled', cancelReason: reason, cancelledAt: at, updatedAt: at }, inc: { version: 1 } },
        where.eq<PromotionEvent>('seq', e.seq),
      )
      if (!changed) throw conflict('活动刚刚有变化，请再试一次')
      // Places of a cancelled event no longer count as sign-ups.
      await recountEvent(tx, e, { ...e, status: 'cancelled' })
    })
  }
  const event = await ctx.store.collection('events').get(eventId)
  if (!event) throw notFound('活动不存在或已删除')
  // A cancelled event leaves search (also after a retried cancellation).
  await syncSearchEntry(ctx.store, 'event', event, at)
  const notified = await notifyCancellation(ctx, event)
  return { mode: 'event', notified, promoted: 0, event: await toView(ctx, event) }
}

/** `{ mode: 'signup' }`: a resident cancels their sign-up; `{ mode: 'event' }`: staff cancel the event. */
export const cancel = defineAction({
  input: cancelInput,
  access: 'any',
  // Cancelling the event is for staff through loadForStaff (anyone else is told 404).
  rules: [{ on: "`mode: 'signup'`", when: (input) => input.mode === 'signup', access: 'resident' }],
  audit: 'write',
  target: (input) => input.eventId,
  run(input, ctx): Promise<CancelOutput> {
    return input.mode === 'signup' ? cancelSignup(ctx, input.eventId, input.requestId) : cancelEvent(ctx, input.eventId, input.reason)
  },
})
