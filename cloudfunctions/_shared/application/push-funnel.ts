import type { PolicyPush, PushDelivery } from '../domain/notify'
import type { Collections } from '../store/collections'
import { type Store, where } from '../store/port'

/** At most this many of a resident's opened pushes are credited by one intent or benefit. */
const OPENED_KEPT = 50

/**
 * The push funnel as counters (issue 24): when a resident who opened a push registers an intent,
 * or gets a benefit of the pushed policy, each such opened delivery is marked once (`intentAt` /
 * `benefitAt`, a guarded update) and its push's `intentsAfter` / `benefitsAfter` moves with it in
 * the same transaction, so `notify.pushStatus` reads the push document and nothing per resident.
 * One query (the resident's opened deliveries, `resident` index) plus one transaction per delivery
 * credited; a retry credits nothing twice. Runs after the writer's own transaction: CloudBase
 * transactions take document operations only, no queries (see `cloudbase-conflicts.ts`).
 */
export async function creditPushFunnel(store: Store<Collections>, residentId: string, at: string, what: { intent: true } | { benefitPolicyId: string }): Promise<number> {
  const field = 'intent' in what ? 'intentAt' : 'benefitAt'
  const counter = 'intent' in what ? 'intentsAfter' : 'benefitsAfter'
  const { items } = await store.collection('pushDeliveries').find({
    where: where.and<PushDelivery>(
      where.eq('residentId', residentId),
      where.ne('openedAt', ''),
      ...('benefitPolicyId' in what ? [where.eq<PushDelivery>('policyId', what.benefitPolicyId)] : []),
    ),
    limit: OPENED_KEPT,
  })
  let credited = 0
  for (const d of items) {
    if (d[field] || d.openedAt > at) continue
    const moved = await store.transaction(async (tx) => {
      const fresh = await tx.collection('pushDeliveries').get(d._id)
      if (!fresh || fresh[field]) return false
      await tx.collection('pushDeliveries').update(d._id, { set: { [field]: at } as Partial<PushDelivery> })
      await tx.collection('pushes').update(d.pushId, { inc: { [counter]: 1 } as Partial<Record<keyof PolicyPush, number>> })
      return true
    })
    if (moved) credited++
  }
  return credited
}
