import type Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collections } from '../../collections'
import type { Case } from '../../../domain/case'
import { describeStoreContract } from '../../contract/suite'
import { openSqliteStore } from '../adapter'
import { INDEXES } from '../../indexes'
import { where } from '../../port'

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

/** The CREATE INDEX statement SQLite keeps for `name`. */
const indexSql = (db: Database.Database, name: string) => (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) as { sql: string }).sql

describe('sqlite adapter specifics', () => {
  it('runs in WAL mode with fully synchronous commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const store = openSqliteStore<Collections>({ path: join(dir, 'a.db'), purpose: 'test' })
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    // Savepoint sub-journals in memory (never read after a crash): the durable part is the WAL.
    expect(store.db.pragma('temp_store', { simple: true })).toBe(2)
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

  it('groups concurrent transactions into one durable COMMIT, each isolated by its savepoint, none answered before its COMMIT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const store = openSqliteStore<Collections>({ path: join(dir, 'g.db'), purpose: 'test' })
    await store.collection('orgs').insert({ _id: 'n', name: 'n', level: 'city', parentId: null, path: ['n'], members: 0 } as never)
    const exec = store.db.exec.bind(store.db)
    const log: string[] = []
    jest.spyOn(store.db, 'exec').mockImplementation((sql: string) => {
      if (sql === 'COMMIT') log.push('COMMIT')
      return exec(sql)
    })
    const N = 60
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        store
          .transaction(async (tx) => {
            const before = await tx.collection('orgs').get('n')
            await tx.collection('orgs').update('n', { inc: { members: 1 } as never })
            if (i % 10 === 3) throw new Error(`refused ${i}`)
            await tx.collection('orgs').insert({ _id: `o${i}`, name: 'o', level: 'city', parentId: null, path: [`o${i}`] })
            return (before as unknown as { members: number }).members
          })
          .then((v) => {
            log.push(`answer ${i}`)
            return v
          }),
      ),
    )
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)
    expect(ok).toHaveLength(54)
    // Serial isolation: each saw exactly the increments of the ones that committed before it.
    expect(ok).toEqual(Array.from({ length: 54 }, (_, i) => i))
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(6)
    // One fsync for the lot, and no answer before it.
    expect(log.filter((l) => l === 'COMMIT')).toHaveLength(1)
    expect(log[0]).toBe('COMMIT')
    await store.close()
    const again = openSqliteStore<Collections>({ path: join(dir, 'g.db'), purpose: 'test' })
    expect(((await again.collection('orgs').get('n')) as unknown as { members: number }).members).toBe(54)
    expect(await again.collection('orgs').count()).toBe(55)
    expect(await again.collection('orgs').get('o3')).toBeNull()
    await again.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prepares a statement once however often its shape runs, values bound, and stays right past the cache bound', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const counters = store.collection('counters')
    await counters.insert({ _id: 'o:2026', orgId: 'o', period: '2026' })
    const prepare = jest.spyOn(store.db, 'prepare')
    for (let i = 0; i < 50; i++) {
      expect(await counters.update('o:2026', { inc: { signups: 1, m11__signups: 1 } })).toBe(true)
      await store.transaction(async (tx) => {
        await tx.collection('counters').update('o:2026', { inc: { signups: 1, m11__signups: 1 } })
      })
    }
    // One UPDATE shape, plus the group commit's three savepoint statements.
    expect(prepare.mock.calls.filter(([sql]) => /^UPDATE/.test(String(sql)))).toHaveLength(1)
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(4)
    expect(await counters.get('o:2026')).toMatchObject({ signups: 100, m11__signups: 100 })
    // More shapes than the cache keeps (500): each still runs its own SQL with its own values.
    for (let i = 0; i < 600; i++) expect(await counters.update('o:2026', { set: { [`f${i}`]: i } })).toBe(true)
    expect(await counters.update('o:2026', { inc: { signups: 1 } }, where.eq('period', '2026'))).toBe(true)
    expect(await counters.update('o:2026', { inc: { signups: 1 } }, where.eq('period', '2025'))).toBe(false)
    const doc = await counters.get('o:2026')
    expect(doc).toMatchObject({ signups: 101, f0: 0, f599: 599 })
    prepare.mockRestore()
    await store.close()
  })

  /** A store with `count` cases in community 'a' and a third as many in 'b', written in shuffled id order. */
  async function twoCommunities(count: number) {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const ids = Array.from({ length: count + Math.floor(count / 3) }, (_, i) => i)
    for (let i = ids.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1)
      ;[ids[i], ids[j]] = [ids[j], ids[i]]
    }
    await store.transaction(async (tx) => {
      for (const i of ids) {
        const doc = { _id: `case-${String(i).padStart(5, '0')}`, communityId: i < count ? 'a' : 'b', createdAt: `2026-01-01T00:00:${i}`, note: 'first' }
        await tx.collection('cases').insert(doc as unknown as Case)
      }
    })
    return store
  }

  it('scans a broad filter in _id order without sorting the matches again for every batch', async () => {
    const store = await twoCommunities(1000)
    // Count how often each statement that sorts runs (EXPLAIN QUERY PLAN says "TEMP B-TREE").
    let sortingRuns = 0
    const prepare = store.db.prepare.bind(store.db)
    const spy = jest.spyOn(store.db, 'prepare').mockImplementation((sql: string) => {
      const st = prepare(sql)
      if (!/^SELECT/.test(sql)) return st
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(sql.split('?').length - 1).fill(null)) as { detail: string }[]).map((p) => p.detail)
      if (!plan.some((d) => d.includes('TEMP B-TREE'))) return st
      const all = st.all.bind(st)
      return Object.assign(st, { all: (...args: unknown[]) => ((sortingRuns += 1), all(...args)) })
    })
    const seen: string[] = []
    let batches = 0
    for await (const batch of store.collection('cases').scan(where.eq<Case>('communityId', 'a'), 40)) {
      batches += 1
      expect(batch.length).toBeLessThanOrEqual(40)
      seen.push(...batch.map((c) => c._id))
    }
    expect(batches).toBe(25)
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => `case-${String(i).padStart(5, '0')}`))
    // The first batch's query and the one that lists the rest; paging by `_id > ?` sorted every batch (25).
    expect(sortingRuns).toBeLessThanOrEqual(2)
    spy.mockRestore()
    await store.close()
  })

  it('leaves out what was removed or stopped matching after a scan began, and shows what changed', async () => {
    const store = await twoCommunities(300)
    const cases = store.collection('cases')
    const seen: Case[] = []
    let first = true
    for await (const batch of cases.scan(where.eq<Case>('communityId', 'a'), 50)) {
      seen.push(...batch)
      if (!first) continue
      first = false
      expect(await cases.remove('case-00200')).toBe(true)
      expect(await cases.update('case-00201', { set: { communityId: 'b' } })).toBe(true)
      expect(await cases.update('case-00202', { set: { note: 'changed' } as Partial<Case> })).toBe(true)
    }
    const ids = seen.map((c) => c._id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
    expect(ids).not.toContain('case-00200')
    expect(ids).not.toContain('case-00201')
    expect(ids).toHaveLength(298)
    expect(seen.find((c) => c._id === 'case-00202')).toMatchObject({ note: 'changed' })
    // With no filter the primary key's order pages every document, both communities.
    let all = 0
    for await (const batch of cases.scan(undefined, 64)) all += batch.length
    expect(all).toBe(300 + 100 - 1)
    await store.close()
  })

  it('rebuilds an index whose declaration changed (the _id tie-break added), so a community ledger page needs no sort', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const file = join(dir, 'old.db')
    const first = openSqliteStore<Collections>({ path: file, purpose: 'test' })
    // As a database made before the tie-break was declared has it.
    first.db.exec(`DROP INDEX "cases__community_created"`)
    first.db.exec(`CREATE INDEX "cases__community_created" ON "cases" (json_extract(doc, '$.communityId') ASC, json_extract(doc, '$.createdAt') DESC)`)
    await first.collection('cases').insert({ _id: 'k1', communityId: 'c1', createdAt: '2026-01-01T00:00:00.000Z' } as never)
    await first.close()
    const store = openSqliteStore<Collections>({ path: file, purpose: 'test' })
    expect(indexSql(store.db, 'cases__community_created')).toContain('_id DESC')
    const plan = (store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "cases" WHERE json_extract(doc, '$.communityId') = ? ORDER BY json_extract(doc, '$.createdAt') DESC, _id DESC LIMIT 21`)
      .all('c1') as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan).toContain('cases__community_created')
    expect(plan).not.toContain('TEMP B-TREE')
    // The data is untouched, and an unchanged declaration is left as it is on the next open.
    expect((await store.collection('cases').get('k1'))?.communityId).toBe('c1')
    const before = indexSql(store.db, 'cases__community_created')
    await store.close()
    const again = openSqliteStore<Collections>({ path: file, purpose: 'test' })
    expect(indexSql(again.db, 'cases__community_created')).toBe(before)
    await again.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps no index on an array field (SQLite cannot seek on membership) and drops an old one, keeping the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-store-'))
    const file = join(dir, 'old.db')
    const first = openSqliteStore<Collections>({ path: file, purpose: 'test' })
    // As a database made before the declaration was marked multikey has it.
    first.db.exec(`CREATE INDEX "reports__to_updated" ON "reports" (json_extract(doc, '$.toOrgIds') ASC, json_extract(doc, '$.updatedAt') DESC)`)
    await first.close()
    const store = openSqliteStore<Collections>({ path: file, purpose: 'test' })
    const names = (store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name)
    // An index led by its array field is not kept; one with fields before the array keeps those.
    const decls = Object.entries(INDEXES).flatMap(([c, ds]) => (ds as readonly { name: string; fields: readonly { field: string }[]; multikey?: string }[]).map((d) => ({ ...d, index: `${c}__${d.name}` })))
    const arrayFirst = decls.filter((d) => d.multikey && d.fields[0].field === d.multikey).map((d) => d.index)
    expect(arrayFirst).toEqual(expect.arrayContaining(['reports__to_updated', 'cases__path_created', 'orgs__path']))
    expect(names.filter((n) => arrayFirst.includes(n))).toEqual([])
    expect(indexSql(store.db, 'searchEntries__org_terms')).toBe(`CREATE INDEX "searchEntries__org_terms" ON "searchEntries" (json_extract(doc, '$.orgId') ASC)`)
    expect(indexSql(store.db, 'dutyTasks__year_owner')).toBe(`CREATE INDEX "dutyTasks__year_owner" ON "dutyTasks" (json_extract(doc, '$.year') ASC)`)
    expect(names).toEqual(expect.arrayContaining(['cases__updated', 'orgs__level', 'staff__role_active', 'reports__from_updated']))
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
