import type { Org } from '../../domain/org'
import type { Policy } from '../../domain/policy'
import type { Collections } from '../collections'
import { BadCursorError, DuplicateIdError, type Store, where } from '../port'
import { storedPolicy } from '../../testing/records'

/**
 * The store contract: every adapter must pass it. Each case uses fresh ids so it can run
 * against a shared live database too.
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<{ store: Store<Collections>; cleanup: () => Promise<void> }>,
): void {
  describe(`store contract: ${name}`, () => {
    let store: Store<Collections>
    let cleanup: () => Promise<void>
    const run = Math.random().toString(36).slice(2, 8)
    let seq = 0
    const id = (label: string) => `${label}-${run}-${++seq}`

    beforeAll(async () => {
      ;({ store, cleanup } = await open())
    })
    afterAll(async () => {
      await cleanup()
    })

    const org = (over: Partial<Org> = {}): Org => ({
      _id: id('org'),
      name: '测试社区',
      level: 'community',
      parentId: null,
      path: [],
      ...over,
    })

    const policy = (over: Partial<Policy> = {}): Policy =>
      storedPolicy({ _id: id('pol'), orgId: `o-${run}`, orgPath: [`city-${run}`, `o-${run}`], orgName: '测试', ...over })

    it('returns what was inserted, and null for a missing id', async () => {
      const o = org({ path: ['a', 'b'], parentId: 'a' })
      await store.collection('orgs').insert(o)
      expect(await store.collection('orgs').get(o._id)).toEqual(o)
      expect(await store.collection('orgs').get(id('missing'))).toBeNull()
    })

    it('refuses a duplicate id on insert and keeps the first document', async () => {
      const o = org({ name: '第一' })
      await store.collection('orgs').insert(o)
      await expect(store.collection('orgs').insert({ ...o, name: '第二' })).rejects.toBeInstanceOf(DuplicateIdError)
      expect((await store.collection('orgs').get(o._id))?.name).toBe('第一')
    })

    it('put creates and then replaces the whole document', async () => {
      const o = org({ name: '甲' })
      await store.collection('orgs').put(o)
      await store.collection('orgs').put({ ...o, name: '乙', parentId: 'p' })
      expect(await store.collection('orgs').get(o._id)).toEqual({ ...o, name: '乙', parentId: 'p' })
    })

    it('update sets fields and increments numbers atomically, leaving the rest', async () => {
      const p = policy()
      await store.collection('policies').insert(p)
      const changed = await store
        .collection('policies')
        .update(p._id, { set: { title: '新标题', validTo: '2027-12-31' }, inc: { version: 2 } })
      expect(changed).toBe(true)
      const got = await store.collection('policies').get(p._id)
      expect(got).toEqual({ ...p, title: '新标题', validTo: '2027-12-31', version: 3 })
    })

    it('update with a condition changes only a matching document', async () => {
      const p = policy({ version: 5 })
      await store.collection('policies').insert(p)
      expect(await store.collection('policies').update(p._id, { inc: { version: 1 } }, where.eq('version', 4))).toBe(false)
      expect(await store.collection('policies').update(p._id, { inc: { version: 1 } }, where.eq('version', 5))).toBe(true)
      expect((await store.collection('policies').get(p._id))?.version).toBe(6)
      expect(await store.collection('policies').update(id('nope'), { set: { title: 'x' } })).toBe(false)
    })

    it('updateAndGet answers the document as its own update left it, null when nothing matched', async () => {
      const p = policy({ version: 1 })
      await store.collection('policies').insert(p)
      const coll = store.collection('policies')
      // Concurrent increments of one field each learn a different value: a place in line each.
      const got = await Promise.all(Array.from({ length: 8 }, () => coll.updateAndGet(p._id, { inc: { version: 1 } }, where.lt('version', 6))))
      const versions = got.filter((g) => g !== null).map((g) => g?.version)
      expect(versions.sort()).toEqual([2, 3, 4, 5, 6])
      expect(got.filter((g) => g === null)).toHaveLength(3)
      expect(await coll.updateAndGet(p._id, { set: { title: '改' } })).toEqual({ ...p, title: '改', version: 6 })
      expect(await coll.updateAndGet(id('nope'), { inc: { version: 1 } })).toBeNull()
    })

    it('remove deletes once', async () => {
      const o = org()
      await store.collection('orgs').insert(o)
      expect(await store.collection('orgs').remove(o._id)).toBe(true)
      expect(await store.collection('orgs').remove(o._id)).toBe(false)
      expect(await store.collection('orgs').get(o._id)).toBeNull()
    })

    describe('find and count with typed filters', () => {
      const tag = `t-${run}`
      const docs: Policy[] = []
      beforeAll(async () => {
        const mk = (i: number, over: Partial<Policy>) =>
          policy({ _id: `${tag}-${String(i).padStart(2, '0')}`, orgId: tag, orgPath: ['root', tag], ...over })
        docs.push(
          mk(1, { title: '高校毕业生创业补贴', category: 'startup_subsidy', targetGroups: ['graduate'], version: 1 }),
          mk(2, { title: '返乡创业担保贷款', category: 'guaranteed_loan', targetGroups: ['returning_migrant', 'farmer'], version: 2 }),
          mk(3, { title: 'Tax Relief 税收优惠', category: 'tax_relief', targetGroups: ['unemployed'], version: 3, validTo: '2026-06-30' }),
          mk(4, { title: '场租补贴 50%', category: 'rent_subsidy', targetGroups: [], version: 4, status: 'draft' }),
          mk(5, { title: '退役军人社保补贴', category: 'social_insurance_subsidy', targetGroups: ['veteran', 'graduate'], version: 5 }),
        )
        for (const d of docs) await store.collection('policies').insert(d)
      })
      const mine = where.eq<Policy>('orgId', tag)
      const ids = async (f: ReturnType<typeof where.eq<Policy>>) =>
        (await store.collection('policies').find({ where: where.and(mine, f), orderBy: [{ field: '_id', dir: 'asc' }], limit: 100 })).items
          .map((p) => p._id.slice(-2))

      it('eq / ne / in, with null meaning absent-or-null', async () => {
        expect(await ids(where.eq('category', 'tax_relief'))).toEqual(['03'])
        expect(await ids(where.ne('status', 'published'))).toEqual(['04'])
        expect(await ids(where.in('category', ['tax_relief', 'rent_subsidy']))).toEqual(['03', '04'])
        expect(await ids(where.eq('validTo', null))).toEqual(['01', '02', '04', '05'])
        expect(await ids(where.ne('validTo', null))).toEqual(['03'])
        expect(await ids(where.in('category', []))).toEqual([])
      })

      it('range comparisons on numbers and strings, never across types', async () => {
        expect(await ids(where.gt('version', 3))).toEqual(['04', '05'])
        expect(await ids(where.lte('version', 2))).toEqual(['01', '02'])
        expect(await ids(where.gte('validTo', '2026-01-01'))).toEqual(['03'])
        expect(await ids(where.gt('version', '0'))).toEqual([])
      })

      it('has / hasAny test array membership', async () => {
        expect(await ids(where.has('targetGroups', 'graduate'))).toEqual(['01', '05'])
        expect(await ids(where.hasAny('targetGroups', ['farmer', 'veteran']))).toEqual(['02', '05'])
        expect(await ids(where.hasAny('targetGroups', []))).toEqual([])
      })

      it('contains is a case-insensitive literal substring, metacharacters included', async () => {
        expect(await ids(where.contains('title', '创业'))).toEqual(['01', '02'])
        expect(await ids(where.contains('title', 'tax relief'))).toEqual(['03'])
        expect(await ids(where.contains('title', '50%'))).toEqual(['04'])
        expect(await ids(where.contains('title', '.*'))).toEqual([])
        expect(await ids(where.contains('title', "'; DROP TABLE policies; --"))).toEqual([])
      })

      it('and / or combine', async () => {
        expect(
          await ids(where.or(where.eq('category', 'tax_relief'), where.and(where.has('targetGroups', 'graduate'), where.gt('version', 1)))),
        ).toEqual(['03', '05'])
      })

      it('counts what find would return', async () => {
        expect(await store.collection('policies').count(where.and(mine, where.eq('status', 'published')))).toBe(4)
        expect(await store.collection('policies').count(where.and(mine, where.eq('status', 'archived')))).toBe(0)
      })

      it('pages with a keyset cursor in sort order, ties broken by _id, no gaps or repeats', async () => {
        await store.collection('policies').update(`${tag}-02`, { set: { publishedAt: '2026-03-01T00:00:00.000Z' } })
        const seen: string[] = []
        let after: string | null = null
        let pages = 0
        do {
          const page = await store.collection('policies').find({
            where: mine,
            orderBy: [{ field: 'publishedAt', dir: 'desc' }],
            limit: 2,
            after,
          })
          seen.push(...page.items.map((p) => p._id.slice(-2)))
          after = page.next
          pages++
        } while (after && pages < 10)
        expect(seen).toEqual(['02', '05', '04', '03', '01'])
        expect(pages).toBe(3)
      })

      it('rejects a cursor that is not its own', async () => {
        await expect(
          store.collection('policies').find({ where: mine, orderBy: [{ field: 'title', dir: 'asc' }], after: 'garbage' }),
        ).rejects.toBeInstanceOf(BadCursorError)
        const page = await store.collection('policies').find({ where: mine, orderBy: [{ field: 'version', dir: 'asc' }], limit: 1 })
        await expect(
          store.collection('policies').find({ where: mine, orderBy: [{ field: 'title', dir: 'asc' }], after: page.next }),
        ).rejects.toBeInstanceOf(BadCursorError)
      })

      it('scans every match in batches', async () => {
        const batches: number[] = []
        const seen: string[] = []
        for await (const batch of store.collection('policies').scan(mine, 2)) {
          batches.push(batch.length)
          seen.push(...batch.map((p) => p._id.slice(-2)))
        }
        expect(seen).toEqual(['01', '02', '03', '04', '05'])
        expect(batches).toEqual([2, 2, 1])
      })
    })

    it('a transaction commits all its writes together', async () => {
      const a = org()
      const b = org()
      await store.transaction(async (tx) => {
        await tx.collection('orgs').insert(a)
        await tx.collection('orgs').insert(b)
        await tx.collection('orgs').update(a._id, { set: { name: '已改' } })
      })
      expect((await store.collection('orgs').get(a._id))?.name).toBe('已改')
      expect(await store.collection('orgs').get(b._id)).not.toBeNull()
    })

    it('a failed transaction leaves nothing half-written', async () => {
      const a = org()
      const existing = org()
      await store.collection('orgs').insert(existing)
      await expect(
        store.transaction(async (tx) => {
          await tx.collection('orgs').insert(a)
          await tx.collection('orgs').update(existing._id, { set: { name: '不该出现' } })
          await tx.collection('orgs').insert(existing)
        }),
      ).rejects.toBeInstanceOf(DuplicateIdError)
      expect(await store.collection('orgs').get(a._id)).toBeNull()
      expect((await store.collection('orgs').get(existing._id))?.name).toBe('测试社区')
    })

    it('concurrent increments inside transactions are all counted', async () => {
      const p = policy({ version: 0 })
      await store.collection('policies').insert(p)
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const cur = await tx.collection('policies').get(p._id)
            await tx.collection('policies').update(p._id, { set: { title: `v${cur?.version}` }, inc: { version: 1 } })
          }),
        ),
      )
      expect((await store.collection('policies').get(p._id))?.version).toBe(20)
    })
  })
}
