/**
 * Issue 24: `notify.pushStatus` reads the same number of documents however many residents opened
 * the push and went on to register; the funnel comes from the push's own counters.
 */
import type { MarkReadOutput, PushStatusOutput, PushView } from '../../../_shared/contracts/notify'
import type { MyCase } from '../../../_shared/contracts/intent'
import { countingStore, type OpCount } from '../../../../bench/counting-store'
import { dispatch } from '../../../_shared/runtime/dispatch'
import { resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { setup } from './fixtures'

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
  // Every read (get, find, count, each page of a scan) the call makes, the caller's lookup included.
  const n: OpCount = { reads: 0, writes: 0 }
  const at = new Date('2026-11-22T03:00:00.000Z')
  const { body } = await dispatch(actions, { action: 'pushStatus', data: { policyId: p._id } }, { store: countingStore(h.store, n), identity: staffId('a-staff'), keyring: h.keyring, now: () => at })
  if (!body.ok) throw new Error(`pushStatus failed: ${JSON.stringify(body.error)}`)
  return { reads: n.reads, status: body.data as PushStatusOutput }
}

describe('the push funnel reads', () => {
  it('does not grow with the residents who opened the push, and still counts each of them once', async () => {
    const small = await funnelOf(2)
    const large = await funnelOf(12)
    expect(small.status.pushes[0]).toMatchObject({ opened: 2, intentsAfter: 2 })
    expect(large.status.pushes[0]).toMatchObject({ opened: 12, intentsAfter: 12 })
    expect(large.reads).toBe(small.reads)
    expect(small.reads).toBeGreaterThan(0)
    expect(large.reads).toBeLessThanOrEqual(8)
  })
})
