/**
 * Migration 2026-12-eligible-entrepreneur-stocks on a copy of the demo database laid out as the
 * previous version stored it (no `ent_m…` / `entb_m…` fields): the stocks are recounted from the
 * cases (drift 0 after), the 政策享受率 rows read real figures, and a database already written by
 * this version (or a rerun) comes out the same.
 */
import type { Counter } from '../../domain/counter'
import { runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-eligible-entrepreneur-stocks'
const MASK = /^entb?_m\d+$/

describe('eligible entrepreneur stocks', () => {
  const demo = demoCopy('eligible')

  it('recounts the mask stocks of the demo database from its cases: drift 0, and a second recount changes nothing', async () => {
    const { store } = await demo.seed({ now: new Date('2026-11-22T02:00:00Z') })
    const before = new Map<string, Counter>()
    // The previous version's counters: no mask fields.
    const docs: Counter[] = []
    for await (const batch of store.collection('counters').scan(undefined, 500)) docs.push(...batch)
    let stripped = 0
    for (const c of docs) {
      if (!Object.keys(c).some((k) => MASK.test(k))) continue
      before.set(c._id, c)
      const kept = Object.fromEntries(Object.entries(c).filter(([k]) => !MASK.test(k))) as Counter
      await store.collection('counters').put(kept)
      stripped++
    }
    expect(stripped).toBeGreaterThan(5)
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBeGreaterThan(0)

    const report = await runMigrations(store)
    expect(report.applied.find((m) => m.name === NAME)?.changed).toBe(stripped)
    expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
    // The same fields and numbers the seed's own writes had.
    for (const [id, c] of before) {
      const now = (await store.collection('counters').get(id)) as Counter
      for (const [k, v] of Object.entries(c)) if (MASK.test(k)) expect([id, k, now[k]]).toEqual([id, k, v])
    }
    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  })
})
