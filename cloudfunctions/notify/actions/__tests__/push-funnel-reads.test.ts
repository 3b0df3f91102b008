/**
 * Issue 24: `notify.pushStatus` reads the same number of documents however many residents opened
 * the push and went on to register; the funnel comes from the push's own counters.
 */
import type { MarkReadOutput, PushStatusOutput, PushView } from '../../../_shared/contracts/notify'
import type { MyCase } from '../../../_shared/contracts/intent'
import type { Store } from '../../../_shared/store/port'
import type { Collections } from '../../../_shared/store/collections'
import { resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { setup } from './fixtures'

/** Counts every read (get, find, count, each page of a scan) made through `store` while `work` runs. */
async function readsOf(store: Store<Collections>, work: () => Promise<unknown>): Promise<number> {
  let reads = 0
  const original = store.collection
  store.collection = ((name: keyof Collections) => {
    const c = original.call(store, name) as unknown as Record<string, unknown>
    return new Proxy(c, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown
        if (typeof value !== 'function') return value
        if (prop === 'get' || prop === 'find' || prop === 'count') {
          return (...args: unknown[]) => {
            reads++
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        if (prop === 'scan') {
          return (...args: unknown[]) => {
            const it = (value as (...a: unknown[]) => AsyncIterable<unknown[]>).apply(target, args)
            return {
              async *[Symbol.asyncIterator]() {
                for await (const batch of it) {
                  reads++
                  yield batch
                }
              },
            }
          }
        }
        return (value as (...a: unknown[]) => unknown).bind(target)
      },
    })
  }) as unknown as typeof store.collection
  try {
    await work()
  } finally {
    store.collection = original
  }
  return reads
}

async function funnelOf(audience: number): Promise<{ reads: number; status: PushStatusOutput }> {
  const { h, actions, subscribe, publish } = await setup()
  const ids = Array.from({ length: audience }, (_, i) => `fr${i}`)
  for (const id of ids) await subscribe(id, 'comm-a')
  const p = await publish('a-staff')
  const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], targetGroups: [] })
  for (const id of ids) expect(await h.ok<MarkReadOutput>(actions, resident(id), 'markRead', { push: v._id })).toMatchObject({ marked: 1 })
  h.setNow('2026-11-22T03:00:00.000Z')
  // Every resident who opened it registers (the second half after a second open, which counts nothing again).
  for (const [i, id] of ids.entries()) {
    if (i % 2) await h.ok(actions, resident(id), 'markRead', { push: v._id })
    await h.ok<MyCase>(intentActions, resident(id), 'submit', registration({ phone: `139${String(i).padStart(8, '0')}`, idCard: idCard(`510402199001011${String(i).padStart(2, '0')}`) }))
  }
  let status: PushStatusOutput | null = null
  const reads = await readsOf(h.store, async () => {
    status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
  })
  return { reads, status: status as unknown as PushStatusOutput }
}

describe('the push funnel reads', () => {
  it('does not grow with the residents who opened the push, and still counts each of them once', async () => {
    const small = await funnelOf(2)
    const large = await funnelOf(12)
    expect(small.status.pushes[0]).toMatchObject({ opened: 2, intentsAfter: 2 })
    expect(large.status.pushes[0]).toMatchObject({ opened: 12, intentsAfter: 12 })
    expect(large.reads).toBe(small.reads)
    expect(large.reads).toBeLessThanOrEqual(8)
  })
})
