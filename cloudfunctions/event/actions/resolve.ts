import { resolveInput, type ResolveOutput } from '../../_shared/contracts/event'
import { checkinRefusal, type EventSignup, type RefusalReason, signupRefusal } from '../../_shared/domain/event'
import { defineAction } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { lastContact, loadMine, permit, refuse, toView } from '../access'
import { checkinCodeRefusal } from '../checks'
import { eventIdOf, verifyScene } from '../../_shared/codes/scene'

/** Why an existing sign-up stops a new one. */
function activeRefusal(mine: EventSignup | null): RefusalReason | null {
  if (!mine || mine.status === 'cancelled') return null
  return mine.status === 'checked_in' ? 'already_checked_in' : 'already_signed_up'
}

/**
 * A scanned code → the event and what the caller may do now. The scene is verified here; a
 * forged or tampered one is refused outright, an old check-in code still shows the event but
 * says the code has expired.
 */
export const resolve = defineAction({
  input: resolveInput,
  access: 'any',
  async run({ scene: raw }, ctx): Promise<ResolveOutput> {
    const scene = verifyScene(ctx.keyring, raw)
    if (!scene) throw refuse('invalid_code')
    const event = await ctx.store.collection('events').get(eventIdOf(scene.code))
    if (!event) throw notFound('活动不存在或已删除')
    const now = ctx.now()
    const mine = await loadMine(ctx, event._id)
    const active = activeRefusal(mine)

    let signup: RefusalReason | null = active ?? signupRefusal(event, now)
    let checkin: RefusalReason | null = null
    if (scene.kind === 'checkin') {
      checkin = checkinCodeRefusal(ctx.keyring, raw, event._id, now) ?? checkinRefusal(event, now)
      if (!checkin) {
        if (!mine || mine.status === 'cancelled') checkin = 'not_signed_up'
        else if (mine.status === 'waitlisted') checkin = 'waitlisted'
        else if (mine.status === 'checked_in') checkin = 'already_checked_in'
      }
      // At the venue with a fresh code, a walk-in may sign up outside the window.
      if (!active && checkin === 'not_signed_up' && signup === 'not_open') signup = event.walkIn ? null : 'no_walk_in'
    }

    return {
      event: await toView(ctx, event),
      scene: { kind: scene.kind },
      signup: permit(signup),
      checkin: scene.kind === 'checkin' ? permit(checkin) : null,
      prefill: await lastContact(ctx),
    }
  },
})
