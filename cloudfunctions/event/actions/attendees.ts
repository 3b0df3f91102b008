import { type AttendeesOutput, attendeesInput, type AttendeeView } from '../../_shared/contracts/event'
import type { EventSignup } from '../../_shared/domain/event'
import { defineAction } from '../../_shared/runtime/action'
import { type Filter, where } from '../../_shared/store/port'
import { countsOf, loadForStaff } from '../access'

/** What staff see of a sign-up: the phone only masked. */
export function toAttendee(s: EventSignup): AttendeeView {
  return {
    _id: s._id,
    name: s.name,
    phoneMasked: s.phoneMasked,
    status: s.status,
    seq: s.seq,
    via: s.via,
    createdAt: s.createdAt,
    checkedInAt: s.checkedInAt,
    checkedInBy: s.checkedInBy === null ? null : s.checkedInBy === 'scan' ? 'scan' : 'staff',
  }
}

/** The attendee list of an event in the caller's scope, in sign-up order, with live counts. */
export const attendees = defineAction({
  input: attendeesInput,
  access: 'staff',
  permission: 'event.read',
  refusal: '你的角色不能进行这个操作',
  async run(input, ctx): Promise<AttendeesOutput> {
    const event = await loadForStaff(ctx, input.eventId)
    const filters: Filter<EventSignup>[] = [where.eq('eventId', event._id)]
    if (input.status) filters.push(where.eq('status', input.status))
    const page = await ctx.store.collection('eventSignups').find({
      where: where.and(...filters),
      orderBy: [{ field: 'seq', dir: 'asc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map(toAttendee), next: page.next, counts: countsOf(event) }
  },
})
