import { eventListInput, type EventListOutput } from '../../_shared/contracts/event'
import type { PromotionEvent } from '../../_shared/domain/event'
import { admittedStaff, defineAction } from '../../_shared/runtime/action'
import { type Filter, type OrderBy, where } from '../../_shared/store/port'
import { loadMine, toListItem } from '../access'
import { staffEventQuery } from '../../_shared/application/work-queues'
import { shanghaiDate } from '../../_shared/domain/time'

/**
 * Residents: published events not yet ended from their community and every org above it,
 * soonest first, each with their own sign-up status. Staff `manage`: events of their org and
 * below, current (soonest first), past (latest first) or today's (`staffEventQuery`).
 */
export const list = defineAction({
  input: eventListInput,
  access: 'any',
  rules: [{ on: "`view: 'manage'`", when: (input) => input.view === 'manage', access: 'staff', permission: 'event.read', refusal: '仅限工作人员使用' }],
  async run(input, ctx): Promise<EventListOutput> {
    const { store, caller } = ctx
    const now = ctx.now()
    const nowIso = now.toISOString()
    const filters: Filter<PromotionEvent>[] = []
    let orderBy: OrderBy<PromotionEvent>[] = [{ field: 'startAt', dir: 'asc' }]
    if (input.view === 'manage') {
      const query = staffEventQuery(admittedStaff(caller).staff.orgId, input.when, now, shanghaiDate(now))
      filters.push(query.where)
      orderBy = query.orderBy
    } else {
      filters.push(where.eq('status', 'published'), where.gt('endAt', nowIso))
      if (caller.kind === 'staff') {
        filters.push(where.in('orgId', caller.org.path))
      } else {
        const profile = await store.collection('profiles').get(caller.id)
        const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
        if (community) filters.push(where.in('orgId', community.path))
      }
    }
    const page = await store.collection('events').find({
      where: where.and(...filters),
      orderBy,
      limit: input.limit,
      after: input.after ?? null,
    })
    const items = []
    for (const e of page.items) items.push(toListItem(e, now, await loadMine(ctx, e._id)))
    return { items, next: page.next }
  },
})
