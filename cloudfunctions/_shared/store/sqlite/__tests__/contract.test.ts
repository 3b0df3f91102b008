import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collections } from '../../collections'
import { describeStoreContract } from '../../contract/suite'
import { openSqliteStore } from '../adapter'

describeStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
  const store = openSqliteStore<Collections>({ path: join(dir, 'test.db'), purpose: 'test' })
  return {
    store,
    cleanup: async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

describe('sqlite adapter specifics', () => {
  it('runs in WAL mode with fully synchronous commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const store = openSqliteStore<Collections>({ path: join(dir, 'a.db'), purpose: 'test' })
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates the declared indexes and uses one for the resident policy list', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const names = (store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'policies'`).all() as {
      name: string
    }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['policies__status_published', 'policies__org_updated']))
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM "policies" WHERE json_extract(doc, '$.status') = ? ORDER BY json_extract(doc, '$.publishedAt') DESC, _id DESC`,
      )
      .all('published') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('policies__status_published')
    await store.close()
  })

  it('refuses to open a live database for tests, and a test database as live', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const live = join(dir, 'live.db')
    openSqliteStore<Collections>({ path: live, purpose: 'live' }).db.close()
    expect(() => openSqliteStore<Collections>({ path: live, purpose: 'test' })).toThrow(/refusing/)
    const test = join(dir, 'test.db')
    openSqliteStore<Collections>({ path: test, purpose: 'test' }).db.close()
    expect(() => openSqliteStore<Collections>({ path: test, purpose: 'live' })).toThrow(/refusing/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps a write made outside a transaction out of a concurrent one that rolls back', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const org = { _id: 'x', name: 'x', level: 'city' as const, parentId: null, path: ['x'] }
    let outside: Promise<void> | undefined
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('orgs').insert({ ...org, _id: 'in-tx' })
        outside = store.collection('orgs').insert(org)
        await new Promise((r) => setTimeout(r, 5))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await outside
    expect(await store.collection('orgs').get('in-tx')).toBeNull()
    expect(await store.collection('orgs').get('x')).toEqual(org)
    await store.close()
  })
})
