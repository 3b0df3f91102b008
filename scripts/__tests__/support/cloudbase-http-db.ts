/**
 * A small in-memory CloudBase behind nock, speaking the HTTP the SDK sends (`POST /admin` with
 * `action`, EJSON `query` / `data` strings, `transactionId`), for tests that run a built
 * function bundle (its own copy of the SDK) end to end. Request and answer shapes are the ones
 * `cloudfunctions/_shared/store/cloudbase/__tests__/adapter.test.ts` and the storage tests state.
 *
 * It answers what our adapter sends and nothing more: an action, operator or update it does not
 * know is answered with an error code (the SDK throws it), so a test never passes on a guess.
 * Writes inside a transaction go to that transaction's copy and reach the documents on commit.
 */
import nock from 'nock'
import { fromEjson, toEjson } from '../../../cloudfunctions/_shared/testing/ejson'

export { fromEjson, toEjson }

type Doc = Record<string, unknown>
type Tables = Map<string, Map<string, Doc>>

export interface SeenRequest {
  host: string
  path: string
  body: Record<string, unknown>
  headers: Record<string, unknown>
}

class Unsupported extends Error {}

const clone = <T>(x: T): T => structuredClone(x)

function fieldValue(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined
    cur = (cur as Doc)[part]
  }
  return cur
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Mongo's equality: null matches a missing field; a scalar condition tests an array's elements. */
function equals(x: unknown, v: unknown): boolean {
  if (v === null) return x === null || x === undefined || (Array.isArray(x) && x.includes(null))
  return same(x, v) || (Array.isArray(x) && x.some((e) => same(e, v)))
}

function compare(x: unknown, v: unknown, op: string): boolean {
  const candidates = Array.isArray(x) ? x : [x]
  return candidates.some((c) => {
    if (typeof c !== typeof v || (typeof v !== 'string' && typeof v !== 'number')) return false
    const a = c as string | number
    const b = v as string | number
    return op === '$gt' ? a > b : op === '$gte' ? a >= b : op === '$lt' ? a < b : a <= b
  })
}

function matchCondition(x: unknown, cond: unknown): boolean {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) return equals(x, cond)
  const ops = Object.entries(cond as Doc)
  if (!ops.length || !ops.every(([k]) => k.startsWith('$'))) return equals(x, cond)
  return ops.every(([op, v]) => {
    switch (op) {
      case '$eq':
        return equals(x, v)
      case '$ne':
        return !equals(x, v)
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        return compare(x, v, op)
      case '$in':
        return (v as unknown[]).some((e) => equals(x, e))
      case '$nin':
        return !(v as unknown[]).some((e) => equals(x, e))
      case '$all':
        return (v as unknown[]).every((e) => equals(x, e))
      case '$regularExpression': {
        const { pattern, options } = v as { pattern: string; options: string }
        const re = new RegExp(pattern, options)
        return (Array.isArray(x) ? x : [x]).some((c) => typeof c === 'string' && re.test(c))
      }
      default:
        throw new Unsupported(`query operator ${op}`)
    }
  })
}

function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([key, cond]) => {
    if (key === '$and') return (cond as Doc[]).every((q) => matches(doc, q))
    if (key === '$or') return (cond as Doc[]).some((q) => matches(doc, q))
    if (key.startsWith('$')) throw new Unsupported(`query operator ${key}`)
    return matchCondition(fieldValue(doc, key), cond)
  })
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = doc
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Doc
  cur[parts[parts.length - 1]] = value
}

function applyUpdate(doc: Doc, update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) {
      setPath(doc, op, fields)
      continue
    }
    for (const [path, v] of Object.entries(fields as Doc)) {
      if (op === '$set') setPath(doc, path, v)
      else if (op === '$inc') setPath(doc, path, Number(fieldValue(doc, path) ?? 0) + Number(v))
      else if (op === '$unset') {
        const parts = path.split('.')
        const parent = parts.length > 1 ? fieldValue(doc, parts.slice(0, -1).join('.')) : doc
        if (parent && typeof parent === 'object') delete (parent as Doc)[parts[parts.length - 1]]
      } else throw new Unsupported(`update operator ${op}`)
    }
  }
}

function sortDocs(docs: Doc[], order: unknown): Doc[] {
  if (!order) return docs
  const keys = Object.entries(fromEjson(JSON.parse(String(order))) as Record<string, number>)
  return [...docs].sort((a, b) => {
    for (const [field, dir] of keys) {
      const x = fieldValue(a, field) as string | number
      const y = fieldValue(b, field) as string | number
      if (x === y) continue
      if (x === undefined) return -dir
      if (y === undefined) return dir
      return (x < y ? -1 : 1) * dir
    }
    return 0
  })
}

export interface FakeCloudbase {
  /** Every request the bundle's SDK sent, in order. */
  seen: SeenRequest[]
  /** A stored document (plain values), or undefined. */
  doc(collection: string, id: string): Doc | undefined
  /** Every document of a collection. */
  all(collection: string): Doc[]
  /** Actions sent, in order (`database.getDocument`, …). */
  actions(): string[]
}

/**
 * Serves `collections` (plain documents with `_id`) at `host` (where the SDK posts: on SCF
 * `http://<env>.internal.<region>.tcb-api.tencentcloudapi.com`). `files` answers storage:
 * `storage.batchGetDownloadUrl` links to `${cos}/<path>`, and a GET there returns the bytes.
 */
export function serveCloudbase(options: { host: string; cos: string; collections: Record<string, Doc[]>; files?: Record<string, Buffer> }): FakeCloudbase {
  const tables: Tables = new Map(Object.entries(options.collections).map(([name, docs]) => [name, new Map(docs.map((d) => [String(d._id), clone(d)]))]))
  const transactions = new Map<string, Tables>()
  const seen: SeenRequest[] = []
  let txCounter = 0
  const files = options.files ?? {}

  const copyTables = (from: Tables): Tables => new Map([...from].map(([k, m]) => [k, new Map([...m].map(([id, d]) => [id, clone(d)]))]))
  const tableOf = (t: Tables, name: string) => {
    let m = t.get(name)
    if (!m) t.set(name, (m = new Map()))
    return m
  }

  function handle(body: Record<string, unknown>): object {
    const action = String(body.action)
    const txId = typeof body.transactionId === 'string' ? body.transactionId : null
    if (action === 'database.startTransaction') {
      const id = `tx-${++txCounter}`
      transactions.set(id, copyTables(tables))
      return { requestId: 'r', transactionId: id }
    }
    if (action === 'database.commitTransaction' || action === 'database.abortTransaction') {
      const t = txId && transactions.get(txId)
      if (!t) return { requestId: 'r', code: 'DATABASE_TRANSACTION_FAIL', message: `no transaction ${txId}` }
      if (action === 'database.commitTransaction') for (const [name, m] of t) tables.set(name, m)
      transactions.delete(txId)
      return { requestId: 'r' }
    }
    if (action === 'storage.batchGetDownloadUrl') {
      const list = (body.file_list as { fileid: string }[]).map(({ fileid }) => {
        const path = fileid.replace(/^cloud:\/\/[^/]+\//, '')
        return path in files ? { fileID: fileid, tempFileURL: `${options.cos}/${path}`, code: 'SUCCESS' } : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
      })
      return { requestId: 'r', data: { download_list: list } }
    }
    const t = txId ? transactions.get(txId) : tables
    if (!t) return { requestId: 'r', code: 'DATABASE_TRANSACTION_FAIL', message: `no transaction ${txId}` }
    const table = tableOf(t, String(body.collectionName))
    const query = body.query === undefined ? {} : (fromEjson(JSON.parse(String(body.query))) as Doc)
    const found = () => [...table.values()].filter((d) => matches(d, query))
    switch (action) {
      case 'database.getDocument': {
        const offset = Number(body.offset ?? 0)
        const limit = Number(body.limit ?? 100)
        const docs = sortDocs(found(), body.order).slice(offset, offset + limit)
        return { requestId: 'r', data: { list: docs.map((d) => JSON.stringify(toEjson(d))), limit, offset } }
      }
      case 'database.calculateDocument':
        return { requestId: 'r', data: { total: found().length } }
      case 'database.insertDocument': {
        const docs = (body.data as string[]).map((s) => fromEjson(JSON.parse(s)) as Doc)
        if (docs.some((d) => table.has(String(d._id)))) return { requestId: 'r', code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate write' }
        for (const d of docs) table.set(String(d._id), d)
        return { requestId: 'r', data: { insertedIds: docs.map((d) => d._id) } }
      }
      case 'database.modifyDocument':
      case 'database.modifyAndReturnDoc': {
        const data = fromEjson(JSON.parse(String(body.data))) as Doc
        const targets = body.multi === false || body.queryType === 'DOC' ? found().slice(0, 1) : found()
        if (body.merge === false) {
          // `doc(id).set(...)`: the whole document replaced, or created.
          const id = String(query._id)
          table.set(id, { _id: id, ...data })
          return { requestId: 'r', data: targets.length ? { updated: 1, matched: 1 } : { updated: 0, upsert_id: id } }
        }
        for (const d of targets) applyUpdate(d, data)
        if (!targets.length && body.upsert) {
          const created: Doc = { _id: String(query._id) }
          applyUpdate(created, data)
          table.set(String(created._id), created)
          return { requestId: 'r', data: { updated: 0, upsert_id: created._id } }
        }
        if (action === 'database.modifyAndReturnDoc') return { requestId: 'r', data: { updated: targets.length, doc: targets[0] ? JSON.stringify(toEjson(targets[0])) : null } }
        return { requestId: 'r', data: { updated: targets.length, matched: targets.length } }
      }
      case 'database.removeDocument': {
        const gone = body.multi === false || body.queryType === 'DOC' ? found().slice(0, 1) : found()
        for (const d of gone) table.delete(String(d._id))
        return { requestId: 'r', data: { deleted: gone.length } }
      }
      default:
        throw new Unsupported(`action ${action}`)
    }
  }

  nock(options.host)
    .persist()
    .post('/admin')
    .query(true)
    .reply(200, function (path, raw) {
      const body = raw as Record<string, unknown>
      seen.push({ host: options.host, path, body, headers: this.req.headers })
      try {
        return handle(body)
      } catch (err) {
        if (err instanceof Unsupported) return { requestId: 'r', code: 'FAKE_UNSUPPORTED', message: `the fake CloudBase does not answer ${err.message}` }
        throw err
      }
    })
  nock(options.cos)
    .persist()
    .get(/.*/)
    .reply((uri) => {
      const path = decodeURI(uri.slice(1))
      return path in files ? [200, files[path]] : [404, '<Error><Code>NoSuchKey</Code></Error>']
    })

  return {
    seen,
    doc: (collection, id) => tables.get(collection)?.get(id),
    all: (collection) => [...(tables.get(collection)?.values() ?? [])],
    actions: () => seen.map((s) => String(s.body.action)),
  }
}
