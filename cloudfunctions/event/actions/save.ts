import { syncSearchEntry } from '../../_shared/application/search-index'
import { eventDraftSchema, type EventView } from '../../_shared/contracts/event'
import { freshEventState, type PromotionEvent } from '../../_shared/domain/event'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { DuplicateIdError, where } from '../../_shared/store/port'
import { checkPolicies } from '../../_shared/application/policy-links'
import { loadForStaff, toView } from '../access'
import { fillFromWaitlist, recountEvent } from '../../_shared/application/event-places'
import { eventIdOf, newCode } from '../../_shared/codes/scene'
import { ownedByCaller } from '../../_shared/application/owned-records'

/**
 * Creates an event of the caller's org (published at once: residents see it and may sign up in
 * its window), or edits one in scope. Edits name the version they started from.
 */
export const save = defineAction({
  input: eventDraftSchema,
  access: 'staff',
  permission: 'event.write',
  refusal: '你的角色不能管理活动',
  audit: 'write',
  target: (input) => input.id ?? null,
  async run(input, ctx): Promise<EventView> {
    const { caller, store } = ctx
    const at = ctx.now().toISOString()
    const { id, version, ...fields } = input
    const policyIds = [...new Set(fields.policyIds)]
    if (!id) {
      await checkPolicies(ctx, policyIds, caller.org.path)
      for (let attempt = 0; ; attempt++) {
        const code = newCode()
        const event: PromotionEvent = {
          _id: eventIdOf(code),
          code,
          ...ownedByCaller(caller, at),
          ...fields,
          policyIds,
          ...freshEventState(),
        }
        try {
          await store.collection('events').insert(event)
          await syncSearchEntry(store, 'event', event, at)
          return toView(ctx, event)
        } catch (err) {
          if (!(err instanceof DuplicateIdError) || attempt >= 3) throw err
        }
      }
    }
    const current = await loadForStaff(ctx, id)
    if (current.status === 'cancelled') throw conflict('活动已取消，不能再修改')
    if (current.version !== version) throw conflict('活动已被他人修改，请刷新后再改')
    if (fields.capacity < current.confirmedCount) {
      throw validation([{ path: 'capacity', message: `已有 ${current.confirmedCount} 人报名，人数上限不能少于这个数` }])
    }
    await checkPolicies(ctx, policyIds, current.orgPath)
    const set = { ...fields, policyIds, updatedAt: at, updatedBy: caller.staff._id }
    // A new start date moves the event's sign-ups and attendance to the period it is now held in.
    const changed = await store.transaction(async (tx) => {
      const latest = await tx.collection('events').get(id)
      if (!latest || latest.version !== current.version) return false
      if (!(await tx.collection('events').update(id, { set, inc: { version: 1 } }, where.eq<PromotionEvent>('version', current.version)))) return false
      await recountEvent(tx, latest, { ...latest, ...set, version: latest.version + 1 })
      return true
    })
    if (!changed) throw conflict('活动已被他人修改，请刷新后再改')
    // More places: the waitlist moves up at once, in order.
    if (fields.capacity > current.capacity) await fillFromWaitlist(ctx, id)
    const saved = (await store.collection('events').get(id)) ?? { ...current, ...set, version: current.version + 1 }
    await syncSearchEntry(store, 'event', saved, at)
    return toView(ctx, saved)
  },
})
