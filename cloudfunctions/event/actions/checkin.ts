import { type AttendeeView, checkinInput, type CheckinOutput } from '../../_shared/contracts/event'
import { checkinRefusal } from '../../_shared/domain/event'
import { admittedResident, admittedStaff, type Ctx, defineAction } from '../../_shared/runtime/action'
import { missingOrOutOfScope, notFound } from '../../_shared/runtime/errors'
import { loadForStaff, mySignupView, refuse, requestIdOf, signupIdOf } from '../access'
import { checkinWithCodeRefusal } from '../checks'
import { checkIn } from '../../_shared/application/event-places'
import { toAttendee } from './attendees'

/** A resident checks in by scanning the rotating code on the screen at the venue. */
async function byScan(ctx: Ctx, eventId: string, scene: string, requestId: string): Promise<CheckinOutput> {
  const { store, keyring } = ctx
  const caller = admittedResident(ctx.caller)
  const now = ctx.now()
  const signupId = signupIdOf(keyring, eventId, caller.id)
  const requestKey = requestIdOf(keyring, caller.id, 'checkin', eventId, requestId)
  await store.transaction(async (tx) => {
    if (await tx.collection('eventRequests').get(requestKey)) return
    const event = await tx.collection('events').get(eventId)
    if (!event) throw notFound('活动不存在或已删除')
    const refusal = checkinWithCodeRefusal(keyring, scene, event, now)
    if (refusal) throw refuse(refusal)
    const s = await tx.collection('eventSignups').get(signupId)
    if (!s || s.status === 'cancelled') throw refuse(event.walkIn ? 'not_signed_up' : 'no_walk_in')
    if (s.status === 'checked_in') throw refuse('already_checked_in')
    if (s.status === 'waitlisted') throw refuse('waitlisted')
    await checkIn(tx, ctx, event, s, 'scan')
    await tx.collection('eventRequests').insert({ _id: requestKey, action: 'checkin', eventId, at: now.toISOString(), outcome: 'checked_in' })
  })
  const mine = await store.collection('eventSignups').get(signupId)
  if (!mine) throw notFound('报名记录不存在')
  return { outcome: 'checked_in', mine: await mySignupView(ctx, mine) }
}

/** Staff check a confirmed resident in by hand (no phone, flat battery). */
async function byStaff(ctx: Ctx, eventId: string, signupId: string): Promise<AttendeeView> {
  const caller = admittedStaff(ctx.caller)
  await loadForStaff(ctx, eventId, 'event.checkin')
  const now = ctx.now()
  const saved = await ctx.store.transaction(async (tx) => {
    const event = await tx.collection('events').get(eventId)
    const s = await tx.collection('eventSignups').get(signupId)
    // A sign-up of another event, reached through an event the caller may manage: a probe, audited.
    if (!event || !s || s.eventId !== eventId) throw missingOrOutOfScope(event && s, '报名记录不存在')
    const refusal = checkinRefusal(event, now)
    if (refusal) throw refuse(refusal)
    if (s.status === 'cancelled') throw refuse('not_signed_up')
    if (s.status === 'checked_in') throw refuse('already_checked_in')
    if (s.status === 'waitlisted') throw refuse('waitlisted')
    return checkIn(tx, ctx, event, s, caller.staff._id)
  })
  return toAttendee(saved)
}

/** `{ mode: 'scan' }`: a resident with the fresh check-in code; `{ mode: 'manual' }`: staff by hand. */
export const checkin = defineAction({
  input: checkinInput,
  access: 'any',
  rules: [
    { on: "`mode: 'scan'`", when: (input) => input.mode === 'scan', access: 'resident', refusal: '工作人员请在签到名单中为居民签到' },
    { on: "`mode: 'manual'`", when: (input) => input.mode === 'manual', access: 'staff' },
  ],
  audit: 'write',
  target: (input) => (input.mode === 'manual' ? input.signupId : input.eventId),
  run(input, ctx): Promise<CheckinOutput | AttendeeView> {
    return input.mode === 'scan' ? byScan(ctx, input.eventId, input.scene, input.requestId) : byStaff(ctx, input.eventId, input.signupId)
  },
})
