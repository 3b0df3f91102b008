/**
 * The page-path migration on a copy of the demo database as the previous version stored it (links
 * naming `pages/<folder>/index` for pages that now live in subpackages): afterwards every stored
 * link names the current route with its query kept, tab links are untouched, and a second run is
 * skipped.
 */
import { pageRoute, pageUrl } from '../../domain/pages'
import { migratePagePaths, runMigrations } from '../migrations'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-page-paths-subpackages'

describe('the page-path migration', () => {
  const demo = demoCopy('pages-mig')

  it('rewrites stored links to moved pages once, keeping queries, leaving tab links alone', async () => {
    const { store } = await demo.seed({ now: new Date('2026-12-04T02:00:00.000Z'), cases: false })
    expect((await runMigrations(store)).applied.map((a) => a.name)).toContain(NAME)
    const at = '2026-12-04T02:00:00.000Z'
    const base = { residentId: 'res_x', title: 't', body: 'b', sourceId: 's', createdAt: at }
    await store.collection('inbox').insert({ ...base, _id: 'ib_old', kind: 'system', link: '/pages/survey/index?id=sv_1', readAt: null } as never)
    await store.collection('inbox').insert({ ...base, _id: 'ib_tab', kind: 'system', link: '/pages/mine/index', readAt: null } as never)
    await store.collection('noticeDeliveries').insert({ ...base, _id: 'nd_old', kind: 'case', page: 'pages/my-case/index', status: 'queued', failReason: null, attempts: 0, sentAt: '' } as never)
    // Search entries as the previous version wrote them.
    let entries = 0
    for await (const batch of store.collection('searchEntries').scan(undefined, 200)) {
      for (const e of batch) {
        await store.collection('searchEntries').update(e._id, { set: { url: e.url.replace(/^\/pkg-[a-z]+\//, '/') } })
        entries++
      }
    }
    expect(entries).toBeGreaterThan(0)
    const changed = await migratePagePaths(store)
    expect(changed).toBe(entries + 2)
    expect((await store.collection('inbox').get('ib_old'))?.link).toBe(pageUrl('survey', { id: 'sv_1' }))
    expect((await store.collection('inbox').get('ib_tab'))?.link).toBe('/pages/mine/index')
    expect((await store.collection('noticeDeliveries').get('nd_old'))?.page).toBe(pageRoute('myCase'))
    const loan = await store.collection('searchEntries').get('policy:pol_demo_guaranteed_loan')
    expect(loan?.url).toBe(pageUrl('policyDetail', { id: 'pol_demo_guaranteed_loan' }))
    // Already current: nothing to do.
    expect(await migratePagePaths(store)).toBe(0)
    expect((await runMigrations(store)).skipped).toContain(NAME)
    await store.close()
  })
})
