/**
 * The regression guard of issue #24 item 6: bench/ops.ts drives every action it covers on a store
 * with 50 and with 1100 bulk records (residents with a case, a feedback item and a past sign-up each, in another community);
 * no action outside `PAGED` / `SCANS` may read or write more on the larger store.
 */
import { opsAtTwoSizes, PAGED, SCANS, seedBulk, SMALL_CODES } from '../../bench/ops'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { TEST_ORGS } from '../../cloudfunctions/_shared/testing/harness'

jest.setTimeout(60_000)

test('no non-paged action reads or writes more with 10× the records', async () => {
  const c = await opsAtTwoSizes(50, 1100, { codes: SMALL_CODES })
  // The drive really ran: every row is there at both sizes and the bulk data was in the store.
  expect(c.small.counted.length).toBeGreaterThan(220)
  expect(c.large.counted.length).toBe(c.small.counted.length)
  // Every action the local runtime serves is in the table (a new action without a row fails here).
  expect(c.small.notDriven).toEqual([])
  expect(c.small.covered).toBe(c.small.total)
  // The bulk cases were there for the offices above comm-b to (wrongly) read one by one.
  expect(c.large.storedCases - c.small.storedCases).toBe(1100 - 50)
  expect(c.grows).toEqual([])
  // The comparison sees growth when there is some: reconcile reads every document, 500 a read, so
  // 50 → 1100 records moves it by a few reads (and it is allowed to, being listed in SCANS).
  expect(c.pages.filter((l) => l.startsWith('indices.reconcile |'))).toHaveLength(1)
  // Paged actions and whole-store scans may move, but only those listed (their bound is checked in opsAtTwoSizes).
  for (const line of c.pages) {
    const name = line.split(' | ')[0]
    expect(PAGED.has(name) || SCANS.has(name)).toBe(true)
  }
})

test('the bulk records the guard compares against are really in the store', async () => {
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  for (const org of TEST_ORGS) await raw.collection('orgs').insert(org)
  await seedBulk(raw, 500)
  expect(await raw.collection('profiles').count()).toBe(500)
  expect(await raw.collection('feedback').count()).toBe(500)
  expect(await raw.collection('eventSignups').count()).toBe(500)
  await raw.close()
})
