/**
 * Migration 2026-12-money-on-year-documents on a copy of the demo database laid out as the
 * previous version stored it: money metrics (`mo_…`) and the 政策享受率 benefited stock
 * (`entb_m…`) on the month documents (the stock on the year's too), and `entrepreneursBenefited`
 * on month and year documents. After it: the dashboards read the same figures, nothing drifts,
 * `entrepreneursBenefited` is gone and a reconcile repair does not bring it back.
 */
import { type Counter, parseMonthKeyed } from '../../domain/counter'
import { countedPeriodsOf } from '../../domain/period'
import { runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'
import { dayInstant } from '../counters'
import { shanghaiDate } from '../../domain/time'
import { demoCopy } from '../../testing/demo-copy'
import { allCounters, counterFigures } from '../../testing/counters'

const NAME = '2026-12-money-on-year-documents'
const MOVED = /^(mo_|entb_m\d+$)/
/** Only the moved metrics: the figures the money dashboards and 政策享受率 read. */
const isMoved = (k: string) => MOVED.test(k)

describe('money on year documents', () => {
  const demo = demoCopy('money-year')

  it('moves the demo\'s money metrics and 政策享受率 stock to the year documents, drops entrepreneursBenefited: same figures, drift 0, a rerun changes nothing', async () => {
    const { store } = await demo.seed({ now: new Date('2026-11-22T02:00:00Z') })
    const seeded = await allCounters(store)
    const figures = counterFigures(seeded, isMoved)
    expect(Object.keys(figures).filter((k) => k.includes(':mo_bn_')).length).toBeGreaterThan(5)
    expect(Object.keys(figures).filter((k) => /:entb_m\d+$/.test(k)).length).toBeGreaterThan(5)

    // Rewind to the previous layout: month parts back on the month documents, the unread counter added.
    const old = new Map<string, Counter>()
    const docOf = (id: string) => {
      let d = old.get(id)
      if (!d) {
        const sep = id.lastIndexOf(':')
        old.set(id, (d = { _id: id, orgId: id.slice(0, sep), period: id.slice(sep + 1) }))
      }
      return d
    }
    for (const c of seeded) {
      const d = docOf(c._id)
      for (const [k, v] of Object.entries(c)) {
        const keyed = parseMonthKeyed(k)
        if (!keyed) d[k] = v
        else if (typeof v === 'number') {
          const month = docOf(`${c.orgId}:${c.period}-M${keyed.mm}`)
          month[keyed.metric] = ((month[keyed.metric] as number | undefined) ?? 0) + v
        }
      }
    }
    let benefited = 0
    for await (const batch of store.collection('cases').scan(undefined, 200)) {
      for (const i of batch) {
        if (!i.startedAt || !i.benefits.length) continue
        const started = shanghaiDate(new Date(i.startedAt))
        const first = i.benefits.reduce((d, b) => (b.date < d ? b.date : d), i.benefits[0].date)
        for (const period of countedPeriodsOf(dayInstant(first > started ? first : started))) {
          const d = docOf(`${i.communityId}:${period}`)
          d.entrepreneursBenefited = ((d.entrepreneursBenefited as number | undefined) ?? 0) + 1
        }
        benefited++
      }
    }
    expect(benefited).toBeGreaterThan(5)
    for (const c of seeded) await store.collection('counters').remove(c._id)
    for (const d of old.values()) await store.collection('counters').insert(d)
    expect(counterFigures(await allCounters(store), isMoved)).toEqual(figures)
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBeGreaterThan(0)

    const report = await runMigrations(store)
    expect(report.applied.find((m) => m.name === NAME)?.changed).toBeGreaterThan(10)
    const after = await allCounters(store)
    expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
    expect(counterFigures(after, isMoved)).toEqual(figures)
    // What the current version writes, field for field.
    expect(after).toEqual(seeded)
    expect(after.filter((c) => 'entrepreneursBenefited' in c)).toEqual([])
    expect(after.filter((c) => /-M\d\d$/.test(c.period) && Object.keys(c).some((k) => MOVED.test(k)))).toEqual([])

    // A repair does not bring the dropped counter back, and a rerun is skipped.
    await reconcileCounters(store, { repair: true })
    expect((await allCounters(store)).filter((c) => 'entrepreneursBenefited' in c)).toEqual([])
    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  })
})
