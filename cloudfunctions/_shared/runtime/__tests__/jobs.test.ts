import type { ReconcileReport } from '../../contracts/indices'
import type { JobView } from '../../contracts/job'
import type { AuditEntry } from '../../domain/audit'
import type { Org } from '../../domain/org'
import { makeIndicesActions } from '../../../indices/actions'
import { seedDemoCases } from '../../../../server/seed-cases'
import { makeHarness, staffId } from '../../testing/harness'
import type { Collections } from '../../store/collections'
import { type Store, where } from '../../store/port'
import { advanceJob, startJob } from '../jobs'
import { reconcileCounters, reconcileJob, reconcileStart } from '../reconcile'
import { allCounters } from '../../testing/counters'

/** 24 more communities under the test street, so the recount takes several chunks (10 orgs each). */
const MORE: Org[] = Array.from({ length: 24 }, (_, i) => {
  const id = `c${String(i).padStart(2, '0')}`
  return { _id: id, name: `社区${i}`, level: 'community', parentId: 'street', path: ['city', 'dist', 'street', id] }
})

/** A seeded world whose counters have drifted: bumped fields, a zeroed one, and deleted documents. */
async function driftedWorld() {
  const h = await makeHarness([
    { id: 'admin', role: 'admin', orgId: 'city' },
    { id: 'admin2', role: 'admin', orgId: 'city' },
    { id: 'district', role: 'district_officer', orgId: 'dist' },
  ])
  for (const org of MORE) await h.store.collection('orgs').insert(org)
  await seedDemoCases(h.store, h.keyring, new Date('2026-11-20T02:00:00.000Z'), MORE)
  const counters = (await h.store.collection('counters').find({ limit: 100 })).items.filter((c) => c.orgId.startsWith('c'))
  let k = 0
  for (const c of counters) {
    const metric = Object.keys(c).find((key) => typeof c[key] === 'number')
    if (!metric) continue
    if (k % 3 === 0) await h.store.collection('counters').update(c._id, { inc: { [metric]: 7 } })
    else if (k % 3 === 1) await h.store.collection('counters').remove(c._id)
    else await h.store.collection('counters').update(c._id, { set: { [metric]: 0 } })
    k++
  }
  return h
}

it('a recount interrupted after every chunk ends with the same counters and report as one uninterrupted run', async () => {
  const whole = await driftedWorld()
  const before = await reconcileCounters(whole.store, { repair: false })
  expect(before.driftCount).toBeGreaterThan(10)
  const wholeReport = await reconcileCounters(whole.store, { repair: true })

  const chunked = await driftedWorld()
  const actions = makeIndicesActions({ ms: 60_000, chunks: 1 })
  let view = await chunked.ok<JobView<ReconcileReport>>(actions, staffId('admin'), 'reconcile', { repair: true })
  const seen: string[] = [`${view.done}/${view.total}`]
  while (view.state === 'running') {
    view = await chunked.ok<JobView<ReconcileReport>>(actions, staffId('admin'), 'continueJob', { id: view._id })
    seen.push(`${view.done}/${view.total}`)
  }
  // 29 orgs at 10 a chunk: one chunk per call, progress visible after each.
  expect(seen).toEqual(['10/29', '20/29', '29/29'])
  expect(view.state).toBe('done')
  expect(view.result?.driftCount).toBe(wholeReport.driftCount)
  expect(view.result?.scanned).toEqual(wholeReport.scanned)
  expect(await allCounters(chunked.store)).toEqual(await allCounters(whole.store))
  expect((await reconcileCounters(chunked.store, { repair: false })).driftCount).toBe(0)
})

it('a chunk that crashes half-way through its repairs is redone without correcting anything twice', async () => {
  const clean = await driftedWorld()
  await reconcileCounters(clean.store, { repair: true })
  const h = await driftedWorld()
  // The store fails on the 5th counter repair of the first attempt, as a killed call would stop.
  let repairs = 0
  let crashed = false
  const crashing: Store<Collections> = {
    ...h.store,
    collection: ((name: keyof Collections) => {
      const inner = h.store.collection(name)
      if (name !== 'counters') return inner
      return {
        ...inner,
        scan: inner.scan.bind(inner),
        async update(...args: Parameters<typeof inner.update>) {
          if (!crashed && ++repairs === 5) {
            crashed = true
            throw new Error('killed mid-chunk')
          }
          return inner.update(...args)
        },
      }
    }) as Store<Collections>['collection'],
    transaction: h.store.transaction.bind(h.store),
    close: h.store.close.bind(h.store),
  }
  const job = await startJob(h.store, 'reconcile', { orgId: 'city', startedBy: 'admin', now: new Date(), ...reconcileStart(true, 29) })
  await expect(advanceJob(crashing, reconcileJob, job._id, { ms: 60_000, chunks: 1 })).rejects.toThrow('killed mid-chunk')
  expect(repairs).toBe(5)
  const stuck = await h.store.collection('jobs').get(job._id)
  expect({ cursor: stuck?.cursor, done: stuck?.done, attempts: stuck?.attempts, leaseUntil: stuck?.leaseUntil }).toEqual({ cursor: '', done: 0, attempts: 1, leaseUntil: 0 })
  let after = await advanceJob(crashing, reconcileJob, job._id, { ms: 60_000, chunks: 100 })
  expect(after?.state).toBe('done')
  expect(await allCounters(h.store)).toEqual(await allCounters(clean.store))
  expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  // Done is done: another call changes nothing.
  after = await advanceJob(h.store, reconcileJob, job._id, { ms: 60_000, chunks: 100 })
  expect(after?.state).toBe('done')
})

it("someone else's job answers 404 like a missing one, and the refused look is audited; an administrator sees any", async () => {
  const h = await driftedWorld()
  const actions = makeIndicesActions({ ms: 60_000, chunks: 1 })
  // The district officer may not start a recount at all.
  expect((await h.call(actions, staffId('district'), 'reconcile', { repair: false })).status).toBe(403)
  const view = await h.ok<JobView>(actions, staffId('admin'), 'reconcile', { repair: false })
  for (const action of ['job', 'continueJob']) {
    const refused = await h.call(actions, staffId('district'), action, { id: view._id })
    expect(refused.status).toBe(404)
    expect(await h.call(actions, staffId('district'), action, { id: 'job_missing' })).toMatchObject({ status: 404 })
  }
  const denied = await h.store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', 'district'), where.eq('result', 'denied')), limit: 20 })
  // Two refused looks at a real job (audited, naming it), none for the missing id, one 403.
  expect(denied.items.filter((a) => a.target === view._id).map((a) => a.code)).toEqual(['NOT_FOUND', 'NOT_FOUND'])
  expect(denied.items.filter((a) => a.target === 'job_missing')).toHaveLength(0)
  const other = await h.ok<JobView>(actions, staffId('admin2'), 'job', { id: view._id })
  expect(other.done).toBe(view.done)
  // Malformed ids are a 400 naming the field.
  const bad = await h.call(actions, staffId('admin'), 'job', { id: '../x' })
  expect(bad.status).toBe(400)
  expect(JSON.stringify(bad.body)).toContain('id')
})
