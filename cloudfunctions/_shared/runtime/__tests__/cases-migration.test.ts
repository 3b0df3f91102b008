/**
 * One name for a case (issue 19, README glossary): the demo database as the previous version
 * stored it (cases under `intents`, their registration slots under `intentSlots`) comes out with
 * every record under `cases` / `caseSlots`, field for field, nothing left under the old names, the
 * counters still equal to a recount, and the ledger and a resident's case reading the same. A
 * second run changes nothing; what an old instance writes during a deploy is moved by the next
 * (rename-migration.test.ts, for both renames).
 */
import type { Case } from '../../domain/case'
import { where } from '../../store/port'
import { demoCopy } from '../../testing/demo-copy'
import { allOf, layOutUnderOldNames, type RawStore } from '../../testing/renames'
import { CASE_COLLECTIONS, runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'

const NAME = '2026-12-cases-collection'
type Raw = RawStore
const all = allOf

describe('intents → cases', () => {
  const demo = demoCopy('cases')

  it('moves every case and slot of the demo database, unchanged; counters still match a recount; a second run changes nothing', async () => {
    const { store } = await demo.seed({ collections: ['intents', 'intentSlots'] })
    const raw = store as unknown as Raw
    // Lay the file out as the previous version did: the same documents under the old names.
    const before = await layOutUnderOldNames(raw, CASE_COLLECTIONS)
    expect(before.cases.length).toBeGreaterThan(20)
    expect(before.caseSlots.length).toBeGreaterThan(20)
    const counters = await all(raw, 'counters')
    await store.close()

    const reopened = demo.reopen()
    const first = await runMigrations(reopened)
    expect(first.applied).toContainEqual({ name: NAME, changed: before.cases.length + before.caseSlots.length })
    const r = reopened as unknown as Raw
    for (const [from, to] of CASE_COLLECTIONS) {
      expect(await all(r, to)).toEqual(before[to])
      expect(await all(r, from)).toEqual([])
    }
    // Counters untouched and still what the cases add up to.
    expect(await all(r, 'counters')).toEqual(counters)
    expect((await reconcileCounters(reopened, { repair: false })).drift).toEqual([])
    // A resident's case reads back by its resident.
    const one = before.cases[0] as Case
    expect((await reopened.collection('cases').find({ where: where.eq<Case>('residentId', one.residentId), limit: 5 })).items.map((c) => c._id)).toContain(one._id)

    const second = await runMigrations(reopened)
    expect(second.applied).toEqual([])
    expect(second.skipped).toContain(NAME)
  })
})
