import { type EventDetail, eventIdInput } from '../../_shared/contracts/event'
import { defineAction } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { lastContact, toView } from '../access'

/**
 * One event with its live counts and, for a resident, their own sign-up. Events are public
 * notices: anyone with the link may read one, cancelled ones included (they explain themselves).
 */
export const get = defineAction({
  input: eventIdInput,
  access: 'any',
  async run({ id }, ctx): Promise<EventDetail> {
    const event = await ctx.store.collection('events').get(id)
    if (!event) throw notFound('活动不存在或已删除')
    return { ...(await toView(ctx, event)), prefill: await lastContact(ctx) }
  },
})
