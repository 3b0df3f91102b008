/**
 * The collection renames to one convention (event_signups → eventSignups, …) keep every record:
 * a copy of the demo database laid out as the previous version stored it (documents under the
 * old names) comes out with every document under the new name, unchanged, and nothing left
 * under the old one. The move repeats on every start / set-up, so what an instance still on the
 * old code writes during a deploy is moved by the next run.
 */
import { COLLECTION_NAMES, RETIRED_COLLECTION_NAMES, type Collections } from '../../store/collections'
import type { Store } from '../../store/port'
import { openSqliteStore } from '../../store/sqlite/adapter'
import { RENAMED_COLLECTIONS, runMigrations } from '../migrations'
import { demoCopy } from '../../testing/demo-copy'
import { allOf, layOutUnderOldNames } from '../../testing/renames'

const NAME = '2026-12-event-collections-camelcase'

const all = allOf

describe('renaming the event collections', () => {
  const demo = demoCopy('rename')

  it('moves every record of a demo database stored under the old names, unchanged, and a second run changes nothing', async () => {
    // The previous version's file: the old collection names exist.
    const { store } = await demo.seed({ collections: RETIRED_COLLECTION_NAMES })
    const raw = store as unknown as Store<Record<string, { _id: string }>>
    // The demo has events but no sign-ups yet: residents sign up, a staff member asks for an
    // event, shares are opened (the documents the old code wrote under the old names).
    const events = (await store.collection('events').find({ limit: 20 })).items
    expect(events.length).toBeGreaterThan(0)
    const at = '2026-11-20T02:00:00.000Z'
    for (const [i, ev] of events.entries()) {
      for (let n = 0; n < 3; n++) {
        await raw.collection('eventSignups').insert({
          _id: `su_${i}_${n}`, eventId: ev._id, orgId: ev.orgId, residentId: `r_${n}`, name: `居民${n}`, phoneMasked: '138****5678', phoneSealed: 'sealed',
          status: n === 2 ? 'waitlisted' : 'confirmed', seq: n + 1, via: 'online', createdAt: at, updatedAt: at, confirmedAt: n === 2 ? null : at, checkedInAt: null, checkedInBy: null, cancelledAt: null,
        } as never)
      }
      await raw.collection('eventReach').insert({ _id: `reach_${i}`, eventId: ev._id, orgId: ev.orgId, residentId: 'r_0', at } as never)
    }
    await raw.collection('eventRequests').insert({ _id: 'req_1', orgId: events[0].orgId, eventId: events[0]._id, createdAt: at } as never)
    // Lay the demo database out as the previous version did: the same documents under the old names.
    const before = await layOutUnderOldNames(raw, RENAMED_COLLECTIONS)
    expect(before.eventSignups.length).toBeGreaterThan(0)
    expect(before.eventReach.length + before.eventRequests.length).toBeGreaterThan(0)
    await store.close()

    // A fresh start on that file (what `npm start` does).
    const reopened = demo.reopen()
    const first = await runMigrations(reopened)
    const total = Object.values(before).reduce((n, d) => n + d.length, 0)
    expect(first.applied).toContainEqual({ name: NAME, changed: total })
    const r = reopened as unknown as Store<Record<string, { _id: string }>>
    for (const [from, to] of RENAMED_COLLECTIONS) {
      expect(await all(r, to)).toEqual(before[to])
      expect(await all(r, from)).toEqual([])
    }
    const second = await runMigrations(reopened)
    expect(second.applied).toEqual([])
    expect(second.skipped).toContain(NAME)
  })

  it.each([
    ['2026-12-event-collections-camelcase', 'event_signups', 'eventSignups'],
    ['2026-12-cases-collection', 'intents', 'cases'],
  ] as const)('%s moves what an old instance wrote after the first run, and keeps the newer copy when a record exists under both names', async (name, from, to) => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test', collections: [...COLLECTION_NAMES, ...RETIRED_COLLECTION_NAMES] as never })
    await runMigrations(store)
    const raw = store as unknown as Store<Record<string, { _id: string; name?: string }>>
    await raw.collection(from).insert({ _id: 's1', name: '旧实例写的' })
    await raw.collection(from).insert({ _id: 's2', name: '旧副本' })
    await raw.collection(to).insert({ _id: 's2', name: '新副本' })
    const run = await runMigrations(store)
    expect(run.applied).toEqual([{ name, changed: 1 }])
    expect((await raw.collection(to).get('s1'))?.name).toBe('旧实例写的')
    expect((await raw.collection(to).get('s2'))?.name).toBe('新副本')
    expect((await raw.collection(from).find({ limit: 10 })).items).toEqual([])
  })
})
