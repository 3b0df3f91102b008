/**
 * Quarter counter documents: counters move month and year documents only, and a quarter is
 * summed from its months when read. On a copy of the demo database laid out as the previous
 * version stored it (every change also incremented the quarter's document), the migration
 * drops the quarter documents' counts and keeps their baselines; every dashboard series reads
 * the same before and after, reconciliation finds no drift, and a second run changes nothing.
 */
import type { Counter } from '../../domain/counter'
import { seriesOf } from '../../domain/indices'
import { periodKind } from '../../domain/period'
import { runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-quarter-counters-from-months'

describe('quarter counters summed from months', () => {
  const demo = demoCopy('quarters')

  it('drops the counts of a demo database\'s quarter documents, keeps their baselines, and reads the same', async () => {
    const { store } = await demo.seed()
    const all = async () => {
      const out: Counter[] = []
      for await (const b of store.collection('counters').scan(undefined, 500)) out.push(...b)
      return out
    }
    expect((await all()).filter((c) => periodKind(c.period) === 'quarter')).toHaveLength(0)

    // The previous version's file: each quarter document held the sum of its months' counts.
    const old = new Map<string, Counter>()
    for (const c of await all()) {
      if (periodKind(c.period) !== 'month') continue
      const q = `${c.period.slice(0, 4)}-Q${Math.floor((Number(c.period.slice(-2)) - 1) / 3) + 1}`
      const id = `${c.orgId}:${q}`
      const doc = old.get(id) ?? { _id: id, orgId: c.orgId, period: q }
      for (const [k, v] of Object.entries(c)) if (typeof v === 'number' && !k.startsWith('base_')) doc[k] = ((doc[k] as number | undefined) ?? 0) + v
      old.set(id, doc)
    }
    expect(old.size).toBeGreaterThan(0)
    const [withBaseline] = old.values()
    withBaseline.base_workingAge = 321
    for (const doc of old.values()) await store.collection('counters').insert(doc)
    const counted = [...old.values()].filter((d) => Object.keys(d).some((k) => k !== 'base_workingAge' && typeof d[k] === 'number')).length

    const before = seriesOf(await all())
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBeGreaterThan(0)

    const report = await runMigrations(store)
    expect(report.applied).toContainEqual({ name: NAME, changed: counted })
    const quarters = (await all()).filter((c) => periodKind(c.period) === 'quarter')
    // Only the one with a baseline is left, with nothing but it.
    expect(quarters).toEqual([{ _id: withBaseline._id, orgId: withBaseline.orgId, period: withBaseline.period, base_workingAge: 321 }])
    expect(seriesOf(await all())).toEqual(before)
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBe(0)

    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  }, 60_000)
})
