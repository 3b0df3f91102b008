import { shareCountsInput, type ShareCountsOutput } from '../../_shared/contracts/share'
import { isWithin } from '../../_shared/domain/org'
import type { ShareArrival } from '../../_shared/domain/share'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadItem } from '../items'

/**
 * Staff: residents who arrived through shares, per item, for items in their org's subtree.
 * Items outside it (or missing) are left out rather than refused, so a list page can ask for
 * every row it shows.
 */
export const counts = defineAction({
  input: shareCountsInput,
  access: 'staff',
  rules: [
    { on: "`kind: 'policy'`", when: (input) => input.kind === 'policy', access: 'staff', permission: 'policy.read', refusal: '你的角色不能进行这个操作' },
    { on: "`kind: 'event'`", when: (input) => input.kind === 'event', access: 'staff', permission: 'event.read', refusal: '你的角色不能进行这个操作' },
  ],
  async run(input, ctx): Promise<ShareCountsOutput> {
    const { caller } = ctx
    const out: Record<string, number> = {}
    for (const id of new Set(input.ids)) {
      const item = await loadItem(ctx, input.kind, id)
      if (!item || !isWithin(item.orgPath, caller.staff.orgId)) continue
      out[id] = await ctx.store
        .collection('shareArrivals')
        .count(where.and<ShareArrival>(where.eq('kind', input.kind), where.eq('itemId', id)))
    }
    return { counts: out }
  },
})
