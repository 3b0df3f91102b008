import { signupInput, type SignupOutput } from '../../_shared/contracts/event'
import { signupRefusal } from '../../_shared/domain/event'
import { defineAction } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { countsOf, mySignupView, refuse, requestIdOf, signupIdOf } from '../access'
import { checkinWithCodeRefusal } from '../checks'
import { enroll, fillFromWaitlist } from '../../_shared/application/event-places'

/**
 * Signs the resident up: a place if one is free (and nobody waits), else the waitlist. One
 * sign-up per resident per event (the id is derived from the pair); a retry with the same
 * request id answers what the first call did and changes nothing. With a fresh check-in code
 * (at the venue) a walk-in may sign up outside the window, and a confirmed place is checked in.
 */
export const signup = defineAction({
  input: signupInput,
  access: 'resident',
  async run(input, ctx): Promise<SignupOutput> {
    const { caller, store, keyring } = ctx
    const now = ctx.now()
    const signupId = signupIdOf(keyring, input.eventId, caller.id)
    const requestKey = requestIdOf(keyring, caller.id, 'signup', input.eventId, input.requestId)

    // Reads: the sign-up (which remembers the requests that made it), the event, the reach.
    const done = await store.transaction(async (tx) => {
      const existing = await tx.collection('eventSignups').get(signupId)
      const answered = existing?.requests?.[requestKey]
      if (existing && answered) return { outcome: answered, mine: existing, fill: false }
      if (existing && !existing.requests) {
        // A sign-up made before requests were kept on it: its request record answers the retry.
        const prior = await tx.collection('eventRequests').get(requestKey)
        if (prior) return { outcome: prior.outcome as SignupOutput['outcome'], mine: null, fill: false }
      }
      const event = await tx.collection('events').get(input.eventId)
      if (!event) throw notFound('活动不存在或已删除')
      if (existing && existing.status !== 'cancelled') {
        throw refuse(existing.status === 'checked_in' ? 'already_checked_in' : 'already_signed_up')
      }
      let atVenue = false
      if (input.scene) {
        const refusal = checkinWithCodeRefusal(keyring, input.scene, event, now)
        if (refusal) throw refuse(refusal)
        atVenue = true
      }
      const windowRefusal = signupRefusal(event, now)
      if (windowRefusal && !(atVenue && windowRefusal === 'not_open')) throw refuse(windowRefusal)
      if (windowRefusal && !event.walkIn) throw refuse('no_walk_in')
      const saved = await enroll(tx, ctx, event, existing, {
        signupId,
        residentId: caller.id,
        name: input.name,
        phone: input.phone,
        via: atVenue && windowRefusal ? 'walk_in' : 'online',
        checkIn: atVenue,
        requestKey,
      })
      // Waitlisted although a place is free: someone gave one back and the waitlist is still
      // being promoted; finish that before answering.
      const fill = saved.status === 'waitlisted' && event.confirmedCount < event.capacity
      const outcome: SignupOutput['outcome'] = saved.status === 'checked_in' ? 'checked_in' : saved.status === 'waitlisted' ? 'waitlisted' : 'confirmed'
      return { outcome, mine: saved, fill }
    })
    // Places freed while people wait are filled before anyone new gets one.
    if (done.fill) await fillFromWaitlist(ctx, input.eventId)
    const mine = done.mine && !done.fill ? done.mine : await store.collection('eventSignups').get(signupId)
    if (!mine) throw notFound('报名记录不存在')
    // The places left as they are now, so the page shows them without another call.
    const event = await store.collection('events').get(input.eventId)
    if (!event) throw notFound('活动不存在或已删除')
    return { outcome: done.outcome, mine: await mySignupView(ctx, mine), counts: countsOf(event) }
  },
})
