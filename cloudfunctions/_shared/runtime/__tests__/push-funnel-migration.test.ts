/**
 * Issue 24's push funnel migration: pushes stored before the funnel was counted get their
 * `intentsAfter` / `benefitsAfter` (and each opened delivery its marks) as the old per-resident
 * reads computed them; a rerun changes nothing; on a copy of the demo database it applies once.
 */
import type { MarkReadOutput, PushStatusOutput, PushView } from '../../contracts/notify'
import type { MyCase } from '../../contracts/intent'
import { resident, staffId } from '../../testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { setup } from '../../../notify/actions/__tests__/fixtures'
import { migratePushFunnel, runMigrations } from '../migrations'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-push-funnel-counters'

describe('the push funnel migration', () => {
  const demo = demoCopy('funnel-mig')

  it('applies once to a copy of the demo database', async () => {
    const { store } = await demo.seed({ now: new Date('2026-12-04T02:00:00.000Z'), cases: false })
    const report = await runMigrations(store)
    expect(report.applied.map((a) => a.name)).toContain(NAME)
    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  })

  it('counts the funnel of pushes stored without it, as the old reads did, and a rerun changes nothing', async () => {
    const { h, actions, subscribe, publish } = await setup()
    for (const id of ['m1', 'm2', 'm3']) await subscribe(id, 'comm-a')
    const p = await publish('a-staff')
    const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], targetGroups: [] })
    // m1 and m2 open it; m1 and m3 register afterwards (m3 never opened it: not in the funnel).
    for (const id of ['m1', 'm2']) expect(await h.ok<MarkReadOutput>(actions, resident(id), 'markRead', { push: v._id })).toMatchObject({ marked: 1 })
    h.setNow('2026-11-22T03:00:00.000Z')
    for (const [i, id] of ['m1', 'm3'].entries()) {
      await h.ok<MyCase>(intentActions, resident(id), 'submit', registration({ phone: `1370000000${i}`, idCard: idCard(`51040219900101${200 + i}`) }))
    }
    // As the previous version stored it: no funnel counters, no marks.
    const push = await h.store.collection('pushes').get(v._id)
    if (!push) throw new Error('push gone')
    const { intentsAfter: _i, benefitsAfter: _b, ...old } = push
    await h.store.collection('pushes').put(old)
    for await (const batch of h.store.collection('pushDeliveries').scan(undefined, 100)) {
      for (const d of batch) {
        const { intentAt: _x, benefitAt: _y, ...bare } = d
        await h.store.collection('pushDeliveries').put(bare)
      }
    }
    expect((await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })).pushes[0]).toMatchObject({ opened: 2, intentsAfter: 0 })

    expect(await migratePushFunnel(h.store)).toBe(2)
    expect((await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })).pushes[0]).toMatchObject({ opened: 2, intentsAfter: 1, benefitsAfter: 0 })
    expect(await migratePushFunnel(h.store)).toBe(0)
    // A later intent of the same resident credits nothing twice.
    h.setNow('2026-11-22T04:00:00.000Z')
    await h.ok(actions, resident('m1'), 'markRead', { push: v._id })
    expect((await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })).pushes[0]).toMatchObject({ intentsAfter: 1 })
  })
})
