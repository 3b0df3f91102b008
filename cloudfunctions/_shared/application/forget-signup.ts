import { ANONYMISED_NAME } from '../domain/case'
import type { Ctx } from '../runtime/action'
import { releasePlace } from './event-places'

/**
 * What forgetting one sign-up did: `released` gave back a place of an event still to come (and
 * deleted the sign-up), `removed` deleted one that held no place, `anonymised` blanked the
 * personal fields of one the event's counts still include (it took place, or the event was
 * cancelled), `none` found nothing of the resident's.
 */
export type ForgetOutcome = 'released' | 'removed' | 'anonymised' | 'none'

/**
 * Forgets one of `residentId`'s sign-ups in one transaction, through the same guarded place
 * release a resident's own cancellation uses, so the event's live counts and the counters stay
 * exact. The caller fills the waitlist afterwards when a place was released.
 */
export async function forgetSignup(ctx: Pick<Ctx, 'store' | 'now'>, signupId: string, residentId: string): Promise<ForgetOutcome> {
  return ctx.store.transaction(async (tx) => {
    const signups = tx.collection('eventSignups')
    const s = await signups.get(signupId)
    if (!s || s.residentId !== residentId) return 'none'
    const event = await tx.collection('events').get(s.eventId)
    const now = ctx.now()
    if (!event || s.status === 'cancelled') {
      await signups.remove(s._id)
      return 'removed'
    }
    const upcoming = event.status === 'published' && now.toISOString() < event.endAt
    if (upcoming && (s.status === 'confirmed' || s.status === 'waitlisted')) {
      await releasePlace(tx, now, event, s)
      await signups.remove(s._id)
      return 'released'
    }
    // Past, checked in, or of a cancelled event: counted, so kept without the person.
    await signups.update(s._id, { set: { residentId: '', name: ANONYMISED_NAME, phoneMasked: '', phoneSealed: '', updatedAt: now.toISOString() } })
    return 'anonymised'
  })
}
