import { signupInput, type SignupOutput } from '../../_shared/contracts/event'
import { type EventSignup, type PromotionEvent, signupRefusal } from '../../_shared/domain/event'
import { defineAction } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { DuplicateIdError } from '../../_shared/store/port'
import { countsOf, mySignupView, refuse, requestIdOf, signupIdOf } from '../access'
import { checkinWithCodeRefusal } from '../checks'
import { type Claim, claimPlace, countSignup, fillFromWaitlist, releaseClaim, SignupRaced, waitlistAheadAtClaim, writeSignup } from '../../_shared/application/event-places'

/**
 * Signs the resident up: a place if one is free (and nobody waits), else the waitlist. One
 * sign-up per resident per event (the id is derived from the pair); a retry with the same
 * request id answers what the first call did and changes nothing. With a fresh check-in code
 * (at the venue) a walk-in may sign up outside the window, and a confirmed place is checked in.
 *
 * Built for a crowd scanning one poster (DESIGN.md "Sign-up path"): the documents every sign-up
 * moves (the event's counts, the org's counters) are moved by guarded single-document updates
 * outside any transaction; the transaction holds only this resident's documents (the sign-up,
 * the inbox message), so on CloudBase concurrent sign-ups never conflict. Operations: reads the
 * sign-up, the event, the notice settings and the reach; writes the event, the sign-up, the
 * inbox message, the reach (first time only) and the org's year counter document (the month's
 * part is a field of it). A waitlisted resident's place in line comes from the claim, not a count.
 */
export const signup = defineAction({
  input: signupInput,
  access: 'resident',
  async run(input, ctx): Promise<SignupOutput> {
    const { caller, store, keyring } = ctx
    const now = ctx.now()
    const signupId = signupIdOf(keyring, input.eventId, caller.id)
    const requestKey = requestIdOf(keyring, caller.id, 'signup', input.eventId, input.requestId)

    let atVenue = false
    let walkIn = false
    const validate = (e: PromotionEvent) => {
      if (input.scene) {
        const refusal = checkinWithCodeRefusal(keyring, input.scene, e, now)
        if (refusal) throw refuse(refusal)
        atVenue = true
      }
      const windowRefusal = signupRefusal(e, now)
      if (windowRefusal && !(atVenue && windowRefusal === 'not_open')) throw refuse(windowRefusal)
      if (windowRefusal && !e.walkIn) throw refuse('no_walk_in')
      walkIn = atVenue && windowRefusal !== null
    }
    // On CloudBase each step below is its own atomic operation; where transactions never conflict
    // (the local runtime's SQLite) the same steps, reads included, run in one transaction, so a
    // crash between them leaves nothing half-done.
    const unit = store.atomically ? store.atomically.bind(store) : <R>(work: (s: typeof store) => Promise<R>) => work(store)
    type Done = { kind: 'answered'; outcome: SignupOutput['outcome']; mine: EventSignup } | { kind: 'raced'; claim: Claim } | { kind: 'saved'; claim: Claim; saved: EventSignup; event: PromotionEvent }
    const done = await unit(async (s): Promise<Done> => {
      const existing = await s.collection('eventSignups').get(signupId)
      const answered = existing?.requests?.[requestKey]
      if (existing && answered) return { kind: 'answered', outcome: answered, mine: existing }
      if (existing && !existing.requests) {
        // A sign-up made before requests were kept on it: its request record answers the retry.
        const prior = await s.collection('eventRequests').get(requestKey)
        if (prior) return { kind: 'answered', outcome: prior.outcome as SignupOutput['outcome'], mine: existing }
      }
      if (existing && existing.status !== 'cancelled') {
        throw refuse(existing.status === 'checked_in' ? 'already_checked_in' : 'already_signed_up')
      }
      const event = await s.collection('events').get(input.eventId)
      if (!event) throw notFound('活动不存在或已删除')
      validate(event)
      const claim = await claimPlace(s, ctx, input.eventId, event, atVenue, validate)
      let saved: EventSignup
      try {
        saved = await s.transaction((tx) =>
          writeSignup(tx, ctx, claim, existing, {
            signupId,
            residentId: caller.id,
            name: input.name,
            phone: input.phone,
            via: walkIn ? 'walk_in' : 'online',
            requestKey,
          }),
        )
      } catch (err) {
        if (!(err instanceof DuplicateIdError || err instanceof SignupRaced)) {
          // Nothing of the sign-up was written: give the place back (inside `atomically` the
          // rollback does).
          if (!store.atomically) await releaseClaim(s, ctx, claim)
          throw err
        }
        // Another request of this resident signed up meanwhile: nothing of this one is kept.
        await releaseClaim(s, ctx, claim)
        return { kind: 'raced', claim }
      }
      await countSignup(s, ctx, claim, caller.id)
      return { kind: 'saved', claim, saved, event }
    })
    if (done.kind === 'answered') return answer(done.outcome, done.mine)
    const { claim } = done
    if (done.kind === 'raced') {
      // The place given back goes to whoever waits; the same request is answered as it was.
      if (claim.confirm) await fillFromWaitlist(ctx, input.eventId)
      const current = await store.collection('eventSignups').get(signupId)
      const same = current?.requests?.[requestKey]
      if (current && same) return answer(same, current)
      throw refuse(current?.status === 'checked_in' ? 'already_checked_in' : 'already_signed_up')
    }
    const { saved, event } = done
    const outcome: SignupOutput['outcome'] = saved.status === 'checked_in' ? 'checked_in' : saved.status === 'waitlisted' ? 'waitlisted' : 'confirmed'
    // Waitlisted although a place is free: someone gave one back and the waitlist is still being
    // promoted; finish that before answering. Places freed while people wait go to them first.
    if (saved.status === 'waitlisted' && event.confirmedCount < event.capacity) {
      await fillFromWaitlist(ctx, input.eventId)
      return answer(outcome, null)
    }
    // The counts as this sign-up's claim left them (the page shows the places left without another
    // call), and a waitlisted resident's place in line from the same claim, without a count.
    return { outcome, mine: await mySignupView(ctx, saved, waitlistAheadAtClaim(claim)), counts: countsOf(claim.after) }

    /** The answer to a request already done: the sign-up and the counts as they are now. */
    async function answer(done: SignupOutput['outcome'], mine: EventSignup | null): Promise<SignupOutput> {
      const s = mine ?? (await store.collection('eventSignups').get(signupId))
      if (!s) throw notFound('报名记录不存在')
      const e = await store.collection('events').get(input.eventId)
      if (!e) throw notFound('活动不存在或已删除')
      return { outcome: done, mine: await mySignupView(ctx, s), counts: countsOf(e) }
    }
  },
})
