/**
 * The search index migration on a copy of the demo database as the previous version stored it
 * (every policy, guide, event, course, site and story, no `searchEntries`): afterwards every
 * findable item has its entry, drafts and cancelled items none, and a second run is skipped.
 */
import { runMigrations } from '../migrations'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-search-index'

describe('the search index migration', () => {
  const demo = demoCopy('search-mig')

  it('indexes every findable item of an existing demo database once', async () => {
    const { store } = await demo.seed({ now: new Date('2026-12-04T02:00:00.000Z'), cases: false })
    // The previous version had no index: take away what the seed wrote.
    for await (const batch of store.collection('searchEntries').scan(undefined, 200)) for (const e of batch) await store.collection('searchEntries').remove(e._id)
    expect(await store.collection('searchEntries').count()).toBe(0)
    const report = await runMigrations(store)
    expect(report.applied.map((a) => a.name)).toContain(NAME)
    const policies = await store.collection('policies').count()
    const drafts = await store.collection('policies').count({ op: 'eq', field: 'status', value: 'draft' })
    const others = (await Promise.all((['guides', 'events', 'courses', 'sites', 'stories'] as const).map((n) => store.collection(n).count()))).reduce((a, b) => a + b, 0)
    expect(await store.collection('searchEntries').count()).toBe(policies - drafts + others)
    expect(await store.collection('searchEntries').get('policy:pol_demo_draft_women')).toBeNull()
    const loan = await store.collection('searchEntries').get('policy:pol_demo_guaranteed_loan')
    expect(loan?.terms).toEqual(expect.arrayContaining(['创业担保贷款', '担保贷款', '贷款']))
    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  })
})
