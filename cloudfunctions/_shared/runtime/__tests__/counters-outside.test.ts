/**
 * Counters moved outside a transaction (a sign-up's reach and counters on CloudBase): each period
 * document is bumped by a single-document write, and the first count of a period creates it.
 * Two requests creating the same document at once must both be counted.
 */
import { counterId, placementsOf, yearKept } from '../../domain/counter'
import { EVENT_METRICS } from '../../domain/event'
import type { Collections } from '../../store/collections'
import { openSqliteStore } from '../../store/sqlite/adapter'
import type { TxStore } from '../../store/port'
import { applyContributions } from '../counters'

describe('applyContributions outside a transaction', () => {
  it('counts every concurrent first increment of a period that had no document yet', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const outside: TxStore<Collections> = { collection: (name) => store.collection(name) }
    await Promise.all(Array.from({ length: 12 }, () => applyContributions(outside, 'comm-a', [{ date: '2026-11-23', inc: { signups: 1 } }])))
    // Event metrics are kept on the year document: its total and the month's part, moved together.
    expect(await store.collection('counters').get(counterId('comm-a', '2026'))).toMatchObject({ signups: 12, m11__signups: 12 })
    expect(await store.collection('counters').get(counterId('comm-a', '2026-M11'))).toBeNull()
    // A metric kept on both documents: each created once, every increment counted.
    await Promise.all(Array.from({ length: 12 }, () => applyContributions(outside, 'comm-a', [{ date: '2026-11-23', inc: { feedbackReceived: 1 } }])))
    expect((await store.collection('counters').get(counterId('comm-a', '2026-M11')))?.feedbackReceived).toBe(12)
    expect((await store.collection('counters').get(counterId('comm-a', '2026')))?.feedbackReceived).toBe(12)
    await store.close()
  })

  it('keeps every event metric, and only those with the money and stock ones, on the year document', () => {
    for (const metric of EVENT_METRICS) {
      expect([metric, placementsOf(metric, ['2026-M11', '2026'])]).toEqual([metric, [['2026', metric], ['2026', `m11__${metric}`]]])
    }
    for (const metric of ['feedbackReceived', 'started', 'shareArrivals']) expect([metric, yearKept(metric)]).toEqual([metric, false])
  })
})
