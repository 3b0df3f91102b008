import { draft, makeHarness, resident, staffId } from '../../testing/harness'
import { policyActions } from '../../../policy/actions'
import { dispatch } from '../dispatch'
import { applyContributions } from '../counters'
import { quarterCounts } from '../../testing/counters'

describe('audit records written by dispatch', () => {
  it('records every audited call with actor, target and outcome, and nothing for reads', async () => {
    const h = await makeHarness([{ id: 'a-staff', role: 'community_staff', orgId: 'comm-a' }])
    const call = (who: Parameters<typeof h.call>[1], action: string, data: unknown) =>
      dispatch(policyActions, { action, data }, { fn: 'policy', store: h.store, identity: who, keyring: h.keyring })
    const saved = await call(staffId('a-staff'), 'save', draft())
    const id = saved.body.ok ? (saved.body.data as { _id: string })._id : ''
    await call(staffId('a-staff'), 'publish', { id })
    await call(staffId('a-staff'), 'save', draft({ title: '短' }))
    await call(resident('r1'), 'archive', { id })
    await call(staffId('a-staff'), 'list', { view: 'manage' })
    await call(resident('r2'), 'list', { view: 'manage' })
    const page = await h.store.collection('audit').find({ orderBy: [{ field: 'at', dir: 'asc' }], limit: 50 })
    const rows = page.items.map((a) => [a.action, a.actorRole, a.target, a.result, a.code])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['policy.save', 'community_staff', id, 'ok', null],
        ['policy.publish', 'community_staff', id, 'ok', null],
        ['policy.save', 'community_staff', null, 'invalid', 'VALIDATION'],
        ['policy.archive', 'resident', id, 'denied', 'FORBIDDEN'],
        // A refused read is recorded too, as an access attempt; an allowed read is not.
        ['policy.list', 'resident', null, 'denied', 'FORBIDDEN'],
      ]),
    )
    expect(rows).toHaveLength(5)
    expect(page.items.find((a) => a.action === 'policy.list')?.kind).toBe('access')
    expect(page.items.find((a) => a.action === 'policy.publish')).toMatchObject({ orgId: 'comm-a', orgPath: ['city', 'dist', 'street', 'comm-a'], kind: 'write' })
  })
})

describe('per-org, per-period counters', () => {
  it('creates the month and year documents on first use and increments them after; a quarter is summed from its months when read', async () => {
    const h = await makeHarness()
    const day = '2026-04-01' // the Shanghai day of 2026-03-31T16:00Z
    await h.store.transaction((tx) => applyContributions(tx, 'comm-a', [{ date: day, inc: { registered: 1, jobs: 3 } }]))
    await h.store.transaction((tx) => applyContributions(tx, 'comm-a', [{ date: day, inc: { registered: 1, jobs: 0 } }]))
    for (const period of ['2026-M04', '2026']) {
      expect(await h.store.collection('counters').get(`comm-a:${period}`)).toEqual({
        _id: `comm-a:${period}`,
        orgId: 'comm-a',
        period,
        registered: 2,
        jobs: 3,
      })
    }
    expect(await h.store.collection('counters').count()).toBe(2)
    expect(await quarterCounts(h.store, 'comm-a', '2026-Q2')).toEqual({ registered: 2, jobs: 3 })
  })

  it('rolls back with the transaction that moved it', async () => {
    const h = await makeHarness()
    await expect(
      h.store.transaction(async (tx) => {
        await applyContributions(tx, 'comm-a', [{ date: '2026-11-22', inc: { registered: 1 } }])
        throw new Error('the record write failed')
      }),
    ).rejects.toThrow()
    expect(await h.store.collection('counters').count()).toBe(0)
  })
})
