/**
 * The CloudBase adapter at the SDK's HTTP boundary: the real `@cloudbase/node-sdk` runs, and
 * nock stands in for CloudBase. Every test states the request the SDK must send (action,
 * collection, the EJSON query / data, order, limit, transaction id) and feeds back a response
 * shaped like CloudBase's, then checks what the adapter makes of it.
 */
import { init } from '@cloudbase/node-sdk'
import nock from 'nock'
import { strictNockSuite } from '../../../testing/cloud-metadata'
import { fromEjson, toEjson } from '../../../testing/ejson'
import { storedPolicy } from '../../../testing/records'
import type { Org } from '../../../domain/org'
import type { Policy } from '../../../domain/policy'
import type { Collections } from '../../collections'
import { encodeCursor, withTiebreak } from '../../cursor'
import { DuplicateIdError, type Filter, where } from '../../port'
import { CloudbaseError, type CloudbaseStore, escapeRegExp, matchesFilter, openCloudbaseStore } from '../adapter'

/** Where the SDK posts for env `test-env` outside Tencent Cloud (see its `tcbapiendpoint.ts`). */
const HOST = 'https://test-env.tcb-api.tencentcloudapi.com'

type Body = Record<string, unknown>

const decode = (field: unknown): unknown => {
  if (typeof field !== 'string') throw new Error(`expected an EJSON string, got ${JSON.stringify(field)}`)
  return fromEjson(JSON.parse(field))
}

/** A CloudBase document as the database returns it: one EJSON string per document. */
const listReply = (...docs: object[]) => ({
  requestId: 'req-get',
  data: { list: docs.map((d) => JSON.stringify(toEjson(d))), limit: 100, offset: 0 },
})

interface Recorded {
  body: Body
  path: string
  headers: Record<string, unknown>
}

/**
 * Expects the next calls, in order, each with its `action`; answers each with its reply and
 * records what was sent. A call that was not expected finds no interceptor and fails the test
 * (real network is disabled).
 */
function expectCalls(...calls: [action: string, reply: object][]): Recorded[] {
  // Filled in when the request arrives, so callers can destructure them up front.
  const seen: Recorded[] = calls.map(() => ({ body: {}, path: '', headers: {} }))
  calls.forEach(([action, reply], i) => {
    nock(HOST)
      .post('/admin', (body: Body) => body.action === action)
      .query(true)
      .reply(200, function (path, body) {
        Object.assign(seen[i], { body: body as Body, path, headers: this.req.headers })
        return reply
      })
  })
  return seen
}

const org = (over: Partial<Org> = {}): Org => ({
  _id: 'org-1',
  name: '幸福社区',
  level: 'community',
  parentId: 'street-1',
  path: ['city-1', 'district-1', 'street-1', 'org-1'],
  ...over,
})

const policy = storedPolicy

let store: CloudbaseStore<Collections>

beforeAll(() => {
  const app = init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
  store = openCloudbaseStore<Collections>(app.database(), { retryDelayMs: () => 0 })
})

strictNockSuite()

describe('the HTTP boundary', () => {
  it('posts one signed request per call to the env host, naming the env and the action', async () => {
    const [call] = expectCalls(['database.getDocument', listReply()])
    await store.collection('orgs').get('org-1')
    expect(call.path).toMatch(/^\/admin\?env=test-env&seqId=/)
    expect(call.body).toMatchObject({ action: 'database.getDocument', envName: 'test-env', collectionName: 'orgs' })
    // TC3-HMAC-SHA256 with the secret id; the secret key only signs and is never sent.
    expect(String(call.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=x\/.*Signature=[0-9a-f]{64}$/)
    expect(JSON.stringify(call.body)).not.toContain('"y"')
  })
})

describe('get', () => {
  it('reads one document by id and returns exactly what is stored', async () => {
    const o = org()
    const [call] = expectCalls(['database.getDocument', listReply(o)])
    expect(await store.collection('orgs').get('org-1')).toEqual(o)
    expect(call.body).toMatchObject({ collectionName: 'orgs', queryType: 'DOC', multi: false })
    expect(decode(call.body.query)).toEqual({ _id: 'org-1' })
    expect(call.body.transactionId).toBeUndefined()
  })

  it('returns null for a missing id', async () => {
    expectCalls(['database.getDocument', listReply()])
    expect(await store.collection('orgs').get('nope')).toBeNull()
  })

  it('keeps numbers numbers and ISO dates strings', async () => {
    const p = policy({ version: 7 })
    expectCalls(['database.getDocument', listReply(p)])
    const got = await store.collection('policies').get('pol-1')
    expect(got).toEqual(p)
    expect(typeof got?.version).toBe('number')
    expect(typeof got?.createdAt).toBe('string')
  })
})

describe('insert', () => {
  it('adds the document with its own _id, every field as EJSON', async () => {
    const p = policy()
    const [call] = expectCalls(['database.insertDocument', { requestId: 'r', data: { insertedIds: ['pol-1'] } }])
    await store.collection('policies').insert(p)
    expect(call.body.collectionName).toBe('policies')
    expect(Array.isArray(call.body.data)).toBe(true)
    const data = call.body.data as unknown[]
    expect(data).toHaveLength(1)
    expect(decode(data[0])).toEqual(p)
    // The number goes as a typed BSON int, not a string.
    expect(JSON.parse(data[0] as string).version).toEqual({ $numberInt: '1' })
  })

  it('maps CloudBase DATABASE_DUPLICATE_WRITE on the _id index to DuplicateIdError', async () => {
    expectCalls([
      'database.insertDocument',
      {
        requestId: 'r',
        code: 'DATABASE_DUPLICATE_WRITE',
        message: 'E11000 duplicate key error collection: tnt-x.orgs index: _id_ dup key: { _id: "org-1" }',
      },
    ])
    const err = await store.collection('orgs').insert(org()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DuplicateIdError)
    expect(err).toMatchObject({ collection: 'orgs', id: 'org-1' })
  })

  it('maps the bare code too, but not a clash on another unique index', async () => {
    expectCalls(['database.insertDocument', { requestId: 'r', code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate write' }])
    await expect(store.collection('orgs').insert(org())).rejects.toBeInstanceOf(DuplicateIdError)

    expectCalls([
      'database.insertDocument',
      {
        requestId: 'r',
        code: 'DATABASE_DUPLICATE_WRITE',
        message: 'E11000 duplicate key error collection: tnt-x.staff index: username_1 dup key: { username: "a" }',
      },
    ])
    const err = await store.collection('orgs').insert(org()).catch((e: unknown) => e)
    expect(err).not.toBeInstanceOf(DuplicateIdError)
    expect(err).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
  })

  it('passes other CloudBase errors through with their code', async () => {
    expectCalls(['database.insertDocument', { requestId: 'r', code: 'DATABASE_PERMISSION_DENIED', message: 'denied' }])
    await expect(store.collection('orgs').insert(org())).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
  })

  it('refuses keys the database would read as operators or paths, before any request', async () => {
    const bad = { ...org(), extra: { $where: 'sleep(1000)' } } as unknown as Org
    await expect(store.collection('orgs').insert(bad)).rejects.toThrow(/invalid key "\$where"/)
    const dotted = { ...org(), extra: { 'a.b': 1 } } as unknown as Org
    await expect(store.collection('orgs').insert(dotted)).rejects.toThrow(/invalid key "a.b"/)
  })
})

describe('put', () => {
  it('replaces the whole document by id with an upsert, without _id in the data', async () => {
    const o = org({ name: '乙', parentId: null })
    const [call] = expectCalls(['database.modifyDocument', { requestId: 'r', data: { updated: 0, upsert_id: 'org-1' } }])
    await store.collection('orgs').put(o)
    expect(call.body).toMatchObject({
      collectionName: 'orgs',
      queryType: 'DOC',
      multi: false,
      merge: false,
      upsert: true,
    })
    expect(decode(call.body.query)).toEqual({ _id: 'org-1' })
    const { _id, ...rest } = o
    expect(decode(call.body.data)).toEqual(rest)
  })
})

describe('update', () => {
  it('sets and increments in one conditional write on _id, reporting a change', async () => {
    const [call] = expectCalls(['database.modifyDocument', { requestId: 'r', data: { updated: 1, matched: 1 } }])
    const changed = await store
      .collection('policies')
      .update('pol-1', { set: { title: '新标题', validTo: null }, inc: { version: 2 } }, where.eq('version', 5))
    expect(changed).toBe(true)
    expect(call.body).toMatchObject({
      collectionName: 'policies',
      queryType: 'WHERE',
      multi: false,
      merge: true,
      upsert: false,
    })
    expect(decode(call.body.query)).toEqual({ $and: [{ _id: { $eq: 'pol-1' } }, { version: { $eq: 5 } }] })
    expect(decode(call.body.data)).toEqual({ $set: { title: '新标题', validTo: null }, $inc: { version: 2 } })
  })

  it('updateAndGet: one modifyAndReturnDoc on _id and the condition, answering the returned document', async () => {
    const after = policy({ version: 7 })
    const [call] = expectCalls(['database.modifyAndReturnDoc', { requestId: 'r', data: { updated: 1, doc: JSON.stringify(after) } }])
    expect(await store.collection('policies').updateAndGet('pol-1', { inc: { version: 1 } }, where.lt('version', 9))).toEqual(after)
    expect(call.body).toMatchObject({ collectionName: 'policies', queryType: 'WHERE' })
    expect(decode(call.body.query)).toEqual({ $and: [{ _id: { $eq: 'pol-1' } }, { version: { $lt: 9 } }] })
    expect(decode(call.body.data)).toEqual({ $inc: { version: 1 } })
  })

  it('updateAndGet: nothing matched is null, and an error is an error', async () => {
    expectCalls(['database.modifyAndReturnDoc', { requestId: 'r', data: { updated: 0, doc: null } }])
    expect(await store.collection('policies').updateAndGet('pol-1', { inc: { version: 1 } }, where.eq('version', 4))).toBeNull()
    expectCalls(['database.modifyAndReturnDoc', { requestId: 'r', code: 'DATABASE_PERMISSION_DENIED', message: 'no' }])
    await expect(store.collection('policies').updateAndGet('pol-1', { inc: { version: 1 } })).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
  })

  it('with an increment, zero updated means no match and costs no further call', async () => {
    expectCalls(['database.modifyDocument', { requestId: 'r', data: { updated: 0, matched: 0 } }])
    expect(await store.collection('policies').update('pol-1', { inc: { version: 1 } }, where.eq('version', 4))).toBe(false)
  })

  it('replaces an object value whole instead of merging its fields', async () => {
    const [call] = expectCalls(['database.modifyDocument', { requestId: 'r', data: { updated: 1 } }])
    const contact = { department: '街道办', phone: '110', address: '新址' }
    await store.collection('policies').update('pol-1', { set: { contact, targetGroups: ['veteran'] } })
    expect(decode(call.body.data)).toEqual({ $set: { contact, targetGroups: ['veteran'] } })
    expect(decode(call.body.query)).toEqual({ _id: { $eq: 'pol-1' } })
  })

  it('lets an increment win over a set of the same field, as the sqlite adapter does', async () => {
    const [call] = expectCalls(['database.modifyDocument', { requestId: 'r', data: { updated: 1 } }])
    await store.collection('policies').update('pol-1', { set: { version: 9, title: 't' }, inc: { version: 1 } })
    expect(decode(call.body.data)).toEqual({ $set: { title: 't' }, $inc: { version: 1 } })
  })

  it('tells a no-op set on a matching document (true) from a miss (false) with one count', async () => {
    const [write, check] = expectCalls(
      ['database.modifyDocument', { requestId: 'r', data: { updated: 0, matched: 1 } }],
      ['database.calculateDocument', { requestId: 'r', data: { total: 1 } }],
    )
    expect(await store.collection('policies').update('pol-1', { set: { title: '同名' } }, where.eq('status', 'draft'))).toBe(true)
    expect(decode(write.body.data)).toEqual({ $set: { title: '同名' } })
    expect(check.body).toMatchObject({ collectionName: 'policies', queryType: 'WHERE' })
    expect(decode(check.body.query)).toEqual({
      $and: [{ $and: [{ _id: { $eq: 'pol-1' } }, { status: { $eq: 'draft' } }] }, { title: { $eq: '同名' } }],
    })

    expectCalls(
      ['database.modifyDocument', { requestId: 'r', data: { updated: 0, matched: 0 } }],
      ['database.calculateDocument', { requestId: 'r', data: { total: 0 } }],
    )
    expect(await store.collection('policies').update('missing', { set: { title: 'x' } })).toBe(false)
  })

  it('refuses _id and malformed field names, before any request', async () => {
    await expect(
      store.collection('policies').update('pol-1', { set: { _id: 'other' } as unknown as Partial<Policy> }),
    ).rejects.toThrow(/invalid field name/)
    await expect(
      store.collection('policies').update('pol-1', { inc: { 'a.b': 1 } as unknown as Partial<Record<keyof Policy, number>> }),
    ).rejects.toThrow(/invalid field name/)
    await expect(
      store.collection('policies').update('pol-1', { inc: { version: Number.NaN } }),
    ).rejects.toThrow(/must be a number/)
  })
})

describe('remove', () => {
  it('deletes one document by id and says whether one was there', async () => {
    const [call] = expectCalls(
      ['database.removeDocument', { requestId: 'r', data: { deleted: 1 } }],
      ['database.removeDocument', { requestId: 'r', data: { deleted: 0 } }],
    )
    expect(await store.collection('orgs').remove('org-1')).toBe(true)
    expect(await store.collection('orgs').remove('org-1')).toBe(false)
    expect(call.body).toMatchObject({ collectionName: 'orgs', queryType: 'DOC', multi: false })
    expect(decode(call.body.query)).toEqual({ _id: 'org-1' })
  })
})

describe('find: each filter op becomes a command on a checked field', () => {
  const cases: [string, Filter<Policy>, unknown][] = [
    ['eq string', where.eq('category', 'tax_relief'), { category: { $eq: 'tax_relief' } }],
    ['eq number', where.eq('version', 3), { version: { $eq: 3 } }],
    ['eq boolean', where.eq('title', true), { title: { $eq: true } }],
    ['eq null (absent or null)', where.eq('validTo', null), { validTo: { $eq: null } }],
    ['ne (matches absent too)', where.ne('status', 'published'), { status: { $ne: 'published' } }],
    ['ne null', where.ne('validTo', null), { validTo: { $ne: null } }],
    ['gt', where.gt('version', 3), { version: { $gt: 3 } }],
    ['gte on a string', where.gte('validTo', '2026-01-01'), { validTo: { $gte: '2026-01-01' } }],
    ['lt', where.lt('version', 2.5), { version: { $lt: 2.5 } }],
    ['lte', where.lte('version', 2), { version: { $lte: 2 } }],
    ['in with null', where.in('validTo', ['2026-06-30', null]), { validTo: { $in: ['2026-06-30', null] } }],
    ['in empty (matches nothing)', where.in('category', []), { category: { $in: [] } }],
    ['has (array membership)', where.has('targetGroups', 'graduate'), { targetGroups: { $all: ['graduate'] } }],
    ['hasAny', where.hasAny('targetGroups', ['farmer', 'veteran']), { targetGroups: { $in: ['farmer', 'veteran'] } }],
    [
      'contains (case-insensitive literal)',
      where.contains('title', 'Tax Relief'),
      { title: { $regularExpression: { pattern: 'Tax Relief', options: 'i' } } },
    ],
    [
      'contains with metacharacters',
      where.contains('title', '50%.*(a|b)+$'),
      { title: { $regularExpression: { pattern: '50%\\.\\*\\(a\\|b\\)\\+\\$', options: 'i' } } },
    ],
    ['contains empty (every string)', where.contains('title', ''), { title: { $regularExpression: { pattern: '^', options: 'i' } } }],
    [
      'and',
      where.and(where.eq('orgId', 'o'), where.gt('version', 1)),
      { $and: [{ orgId: { $eq: 'o' } }, { version: { $gt: 1 } }] },
    ],
    [
      'or of and',
      where.or(where.eq('category', 'tax_relief'), where.and(where.has('targetGroups', 'graduate'), where.gt('version', 1))),
      {
        $or: [
          { category: { $eq: 'tax_relief' } },
          { $and: [{ targetGroups: { $all: ['graduate'] } }, { version: { $gt: 1 } }] },
        ],
      },
    ],
    ['empty or (matches nothing)', where.or(), { _id: { $in: [] } }],
    ['and of one', where.and(where.eq('orgId', 'o')), { orgId: { $eq: 'o' } }],
  ]

  it.each(cases)('%s', async (_label, filter, expected) => {
    const [call] = expectCalls(['database.getDocument', listReply()])
    await store.collection('policies').find({ where: filter })
    expect(call.body).toMatchObject({ collectionName: 'policies', queryType: 'WHERE', limit: 21 })
    expect(decode(call.body.query)).toEqual(expected)
  })

  it('an empty and is no condition at all', async () => {
    const [call] = expectCalls(['database.getDocument', listReply()])
    await store.collection('policies').find({ where: where.and() })
    expect(call.body.query).toBeUndefined()
  })
})

describe('find: order, limit and keyset paging', () => {
  const docs = [
    policy({ _id: 'p5', publishedAt: '2026-03-01' }),
    policy({ _id: 'p4', publishedAt: '2026-02-01' }),
    policy({ _id: 'p3', publishedAt: '2026-02-01' }),
  ]

  it('orders by the keys then _id, asks one extra to see a next page, and pages after the cursor', async () => {
    const orderBy = [{ field: 'publishedAt' as const, dir: 'desc' as const }]
    const [first] = expectCalls(['database.getDocument', listReply(...docs)])
    const page1 = await store.collection('policies').find({ where: where.eq('orgId', 'org-1'), orderBy, limit: 2 })
    expect(page1.items.map((p) => p._id)).toEqual(['p5', 'p4'])
    expect(page1.next).toBe(encodeCursor(docs[1], withTiebreak<Policy>(orderBy)))
    expect(first.body.limit).toBe(3)
    const order = decode(first.body.order) as Record<string, number>
    expect(order).toEqual({ publishedAt: -1, _id: -1 })
    expect(Object.keys(order)).toEqual(['publishedAt', '_id'])
    expect(decode(first.body.query)).toEqual({ orgId: { $eq: 'org-1' } })

    const [second] = expectCalls(['database.getDocument', listReply(docs[2])])
    const page2 = await store
      .collection('policies')
      .find({ where: where.eq('orgId', 'org-1'), orderBy, limit: 2, after: page1.next })
    expect(page2).toEqual({ items: [docs[2]], next: null })
    expect(decode(second.body.query)).toEqual({
      $and: [
        { orgId: { $eq: 'org-1' } },
        {
          $or: [
            { publishedAt: { $lt: '2026-02-01' } },
            { $and: [{ publishedAt: { $eq: '2026-02-01' } }, { _id: { $lt: 'p4' } }] },
          ],
        },
      ],
    })
  })

  it('caps the page at 100 and defaults to 20, ordering by _id alone when asked nothing', async () => {
    const [big, plain] = expectCalls(['database.getDocument', listReply()], ['database.getDocument', listReply()])
    await store.collection('policies').find({ limit: 5000 })
    await store.collection('policies').find()
    expect(big.body.limit).toBe(101)
    expect(plain.body.limit).toBe(21)
    expect(decode(plain.body.order)).toEqual({ _id: 1 })
    expect(plain.body.query).toBeUndefined()
  })

  it('rejects a foreign cursor before any request', async () => {
    await expect(store.collection('policies').find({ after: 'garbage' })).rejects.toThrow('bad paging cursor')
  })
})

describe('count', () => {
  it('counts with the compiled filter', async () => {
    const [call, all] = expectCalls(
      ['database.calculateDocument', { requestId: 'r', data: { total: 4 } }],
      ['database.calculateDocument', { requestId: 'r', data: { total: 9 } }],
    )
    expect(await store.collection('policies').count(where.eq('status', 'published'))).toBe(4)
    expect(await store.collection('policies').count()).toBe(9)
    expect(call.body).toMatchObject({ collectionName: 'policies', queryType: 'WHERE' })
    expect(decode(call.body.query)).toEqual({ status: { $eq: 'published' } })
    expect(all.body.query).toBeUndefined()
  })
})

describe('scan', () => {
  it('walks by _id in batches until a short batch', async () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5']
    const [b1, b2, b3] = expectCalls(
      ['database.getDocument', listReply(org({ _id: ids[0] }), org({ _id: ids[1] }))],
      ['database.getDocument', listReply(org({ _id: ids[2] }), org({ _id: ids[3] }))],
      ['database.getDocument', listReply(org({ _id: ids[4] }))],
    )
    const batches: string[][] = []
    for await (const batch of store.collection('orgs').scan(where.eq('level', 'community'), 2)) {
      batches.push(batch.map((o) => o._id))
    }
    expect(batches).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']])
    for (const call of [b1, b2, b3]) {
      expect(call.body.limit).toBe(2)
      expect(decode(call.body.order)).toEqual({ _id: 1 })
    }
    expect(decode(b1.body.query)).toEqual({ level: { $eq: 'community' } })
    expect(decode(b2.body.query)).toEqual({ $and: [{ level: { $eq: 'community' } }, { _id: { $gt: 'a2' } }] })
    expect(decode(b3.body.query)).toEqual({ $and: [{ level: { $eq: 'community' } }, { _id: { $gt: 'a4' } }] })
  })

  it('stops on an empty batch after a full one, and needs no filter', async () => {
    const [first, second] = expectCalls(
      ['database.getDocument', listReply(org({ _id: 'a1' }))],
      ['database.getDocument', listReply()],
    )
    const seen: string[] = []
    for await (const batch of store.collection('orgs').scan(undefined, 1)) seen.push(...batch.map((o) => o._id))
    expect(seen).toEqual(['a1'])
    expect(first.body.query).toBeUndefined()
    expect(decode(second.body.query)).toEqual({ _id: { $gt: 'a1' } })
  })
})

describe('transaction', () => {
  const start = (id: string): [string, object] => ['database.startTransaction', { requestId: 'r', transactionId: id }]

  it('runs document operations under one transaction id and commits', async () => {
    const existing = policy({ version: 3 })
    const added = org({ _id: 'org-new' })
    const calls = expectCalls(
      start('tx-1'),
      ['database.insertDocument', { requestId: 'r', data: { insertedIds: ['org-new'] } }],
      ['database.getDocument', listReply(existing)],
      ['database.modifyDocument', { requestId: 'r', data: { updated: 1 } }],
      ['database.modifyDocument', { requestId: 'r', data: { updated: 0, upsert_id: 'org-2' } }],
      ['database.removeDocument', { requestId: 'r', data: { deleted: 1 } }],
      ['database.commitTransaction', { requestId: 'r' }],
    )
    const result = await store.transaction(async (tx) => {
      await tx.collection('orgs').insert(added)
      const changed = await tx
        .collection('policies')
        .update('pol-1', { set: { title: '改' }, inc: { version: 1 } }, where.eq('version', 3))
      await tx.collection('orgs').put(org({ _id: 'org-2' }))
      const removed = await tx.collection('orgs').remove('org-3')
      return { changed, removed }
    })
    expect(result).toEqual({ changed: true, removed: true })
    const [begin, insert, read, update, put, remove, commit] = calls
    expect(begin.body.action).toBe('database.startTransaction')
    for (const call of [insert, read, update, put, remove, commit]) expect(call.body.transactionId).toBe('tx-1')
    expect(decode((insert.body.data as unknown[])[0])).toEqual(added)
    expect(decode(read.body.query)).toEqual({ _id: 'pol-1' })
    // Inside a transaction the update is a document update on _id; the condition was checked on the read.
    expect(update.body).toMatchObject({ queryType: 'DOC', collectionName: 'policies' })
    expect(decode(update.body.query)).toEqual({ _id: 'pol-1' })
    expect(decode(update.body.data)).toEqual({ $set: { title: '改' }, $inc: { version: 1 } })
    expect(put.body).toMatchObject({ queryType: 'DOC', upsert: true, merge: false })
    expect(decode(remove.body.query)).toEqual({ _id: 'org-3' })
  })

  it('reads a document inside the transaction', async () => {
    const o = org()
    const [, read] = expectCalls(
      start('tx-r'),
      ['database.getDocument', listReply(o)],
      ['database.getDocument', listReply()],
      ['database.commitTransaction', { requestId: 'r' }],
    )
    const got = await store.transaction(async (tx) => [await tx.collection('orgs').get('org-1'), await tx.collection('orgs').get('none')])
    expect(got).toEqual([o, null])
    expect(read.body.transactionId).toBe('tx-r')
  })

  it('skips the write when onlyIf does not match the document read in the transaction', async () => {
    expectCalls(start('tx-2'), ['database.getDocument', listReply(policy({ version: 4 }))], ['database.commitTransaction', { requestId: 'r' }])
    const changed = await store.transaction((tx) =>
      tx.collection('policies').update('pol-1', { inc: { version: 1 } }, where.eq('version', 3)),
    )
    expect(changed).toBe(false)
  })

  it('with a non-zero increment and no condition, writes without reading first', async () => {
    expectCalls(start('tx-3'), ['database.modifyDocument', { requestId: 'r', data: { updated: 0 } }], ['database.commitTransaction', { requestId: 'r' }])
    expect(await store.transaction((tx) => tx.collection('policies').update('gone', { inc: { version: 1 } }))).toBe(false)
  })

  it('rolls back and rethrows when the work fails', async () => {
    const [, , abort] = expectCalls(
      start('tx-4'),
      ['database.insertDocument', { requestId: 'r', data: { insertedIds: ['org-a'] } }],
      ['database.abortTransaction', { requestId: 'r' }],
    )
    const boom = new Error('boom')
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('orgs').insert(org({ _id: 'org-a' }))
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(abort.body.transactionId).toBe('tx-4')
  })

  it('rolls back on a duplicate id and surfaces DuplicateIdError', async () => {
    expectCalls(
      start('tx-5'),
      ['database.insertDocument', { requestId: 'r', data: { insertedIds: ['org-a'] } }],
      ['database.insertDocument', { requestId: 'r', code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate' }],
      ['database.abortTransaction', { requestId: 'r' }],
    )
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('orgs').insert(org({ _id: 'org-a' }))
        await tx.collection('orgs').insert(org({ _id: 'org-1' }))
      }),
    ).rejects.toBeInstanceOf(DuplicateIdError)
  })

  it('retries the whole work on a write conflict, then commits', async () => {
    const calls = expectCalls(
      start('tx-6'),
      ['database.getDocument', listReply(policy({ version: 1 }))],
      ['database.modifyDocument', { requestId: 'r', code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' }],
      ['database.abortTransaction', { requestId: 'r' }],
      start('tx-7'),
      ['database.getDocument', listReply(policy({ version: 2 }))],
      ['database.modifyDocument', { requestId: 'r', data: { updated: 1 } }],
      ['database.commitTransaction', { requestId: 'r' }],
    )
    let runs = 0
    await store.transaction(async (tx) => {
      runs++
      const cur = await tx.collection('policies').get('pol-1')
      await tx.collection('policies').update('pol-1', { set: { title: `v${cur?.version}` }, inc: { version: 1 } })
    })
    expect(runs).toBe(2)
    expect(calls[3].body.transactionId).toBe('tx-6')
    expect(calls[7].body.transactionId).toBe('tx-7')
    expect(decode(calls[6].body.data)).toEqual({ $set: { title: 'v2' }, $inc: { version: 1 } })
  })

  it('gives up after the configured attempts with the conflict error', async () => {
    const limited = openCloudbaseStore<Collections>(init({ env: 'test-env', secretId: 'x', secretKey: 'y' }).database(), {
      transactionAttempts: 2,
      retryDelayMs: () => 0,
    })
    const conflict: [string, object] = ['database.commitTransaction', { requestId: 'r', code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }]
    expectCalls(
      start('tx-8'),
      conflict,
      ['database.abortTransaction', { requestId: 'r', code: 'DATABASE_REQUEST_FAILED', message: 'already aborted' }],
      start('tx-9'),
      conflict,
      ['database.abortTransaction', { requestId: 'r' }],
    )
    await expect(limited.transaction(async () => 1)).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  })
})

describe('user text stays a value', () => {
  it('operator-looking strings are compared as literal strings', async () => {
    const evil = '{"$where": "sleep(5000)"}'
    const [a, b] = expectCalls(['database.getDocument', listReply()], ['database.getDocument', listReply()])
    await store.collection('policies').find({ where: where.eq('title', evil) })
    await store.collection('policies').find({ where: where.in('title', ['$where', '$gt']) })
    expect(decode(a.body.query)).toEqual({ title: { $eq: evil } })
    expect(decode(b.body.query)).toEqual({ title: { $in: ['$where', '$gt'] } })
  })

  it('regex metacharacters in contains are escaped, so the pattern matches only the text', async () => {
    const text = "^.*$ (a+)+ [x] {1} \\d | ? / '; DROP --"
    const [call] = expectCalls(['database.getDocument', listReply()])
    await store.collection('policies').find({ where: where.contains('title', text) })
    const query = decode(call.body.query) as { title: { $regularExpression: { pattern: string; options: string } } }
    const { pattern, options } = query.title.$regularExpression
    expect(options).toBe('i')
    const re = new RegExp(pattern, 'i')
    expect(re.test(`前${text}后`)).toBe(true)
    expect(re.test('anything else')).toBe(false)
    expect(escapeRegExp('a.b')).toBe('a\\.b')
  })

  it('an object smuggled into a value slot, or a bad field, is refused before any request', async () => {
    const smuggled = { op: 'eq', field: 'title', value: { $ne: null } } as unknown as Filter<Policy>
    await expect(store.collection('policies').find({ where: smuggled })).rejects.toThrow(/filter value must be/)
    const badField = { op: 'eq', field: 'a.b', value: 1 } as unknown as Filter<Policy>
    await expect(store.collection('policies').count(badField)).rejects.toThrow(/invalid field name/)
    const opField = { op: 'eq', field: '$where', value: 1 } as unknown as Filter<Policy>
    await expect(store.collection('policies').count(opField)).rejects.toThrow(/invalid field name/)
  })
})

describe('results are checked', () => {
  it('turns a CloudBase error returned as a value into a thrown CloudbaseError', async () => {
    // With `setThrowOnCode(false)` the SDK returns `{ code, message }` instead of throwing.
    // The SDK exports it at runtime but leaves it out of its typings.
    const sdk: unknown = await import('@cloudbase/node-sdk')
    const { setThrowOnCode } = sdk as { setThrowOnCode: (throwOnCode: boolean) => void }
    expect(typeof setThrowOnCode).toBe('function')
    setThrowOnCode(false)
    try {
      expectCalls(['database.calculateDocument', { requestId: 'r', code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'no such collection' }])
      const err = await store.collection('orgs').count().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(CloudbaseError)
      expect(err).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    } finally {
      setThrowOnCode(true)
    }
  })

  it('refuses an unknown collection name', () => {
    expect(() => store.collection('nope' as 'orgs')).toThrow(/unknown collection/)
  })
})

describe('the in-memory check behind onlyIf inside a transaction', () => {
  // The same cases the contract suite runs on the server-side query, on one document.
  const doc = {
    _id: 'p1',
    title: 'Tax Relief 税收优惠 50%',
    version: 3,
    validTo: null,
    targetGroups: ['graduate', 'veteran'],
  } as Record<string, unknown>
  const cases: [string, Filter<Record<string, unknown>>, boolean][] = [
    ['eq', where.eq('version', 3), true],
    ['eq across types', where.eq('version', '3'), false],
    ['eq null on null', where.eq('validTo', null), true],
    ['eq null on absent', where.eq('missing', null), true],
    ['eq null on a prototype name', where.eq('constructor', null), true],
    ['ne on absent', where.ne('missing', 'x'), true],
    ['ne null', where.ne('validTo', null), false],
    ['gt', where.gt('version', 2), true],
    ['gt across types', where.gt('version', '0'), false],
    ['lte', where.lte('version', 3), true],
    ['lt string', where.lt('title', 'A'), false],
    ['in with null', where.in('missing', ['a', null]), true],
    ['in empty', where.in('version', []), false],
    ['has', where.has('targetGroups', 'veteran'), true],
    ['has missing', where.has('targetGroups', 'farmer'), false],
    ['hasAny', where.hasAny('targetGroups', ['farmer', 'graduate']), true],
    ['hasAny empty', where.hasAny('targetGroups', []), false],
    ['contains, any case', where.contains('title', 'tax relief'), true],
    ['contains is literal', where.contains('title', '.*'), false],
    ['contains metacharacters literally', where.contains('title', '50%'), true],
    ['contains on a number', where.contains('version', '3'), false],
    ['and', where.and(where.eq('version', 3), where.has('targetGroups', 'graduate')), true],
    ['empty and', where.and(), true],
    ['or', where.or(where.eq('version', 1), where.eq('version', 3)), true],
    ['empty or', where.or(), false],
  ]
  it.each(cases)('%s', (_label, filter, expected) => {
    expect(matchesFilter(doc, filter)).toBe(expected)
  })
})
