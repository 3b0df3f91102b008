import Database from 'better-sqlite3'
import { COLLECTION_NAMES, RETIRED_COLLECTION_NAMES } from '../collections'
import { INDEXES } from '../indexes'
import { afterFilter, decodeCursor, encodeCursor, withTiebreak } from '../cursor'
import {
  type BaseDoc,
  type Collection,
  DuplicateIdError,
  type Filter,
  type FindQuery,
  MAX_PAGE,
  type OrderBy,
  type Page,
  type Scalar,
  type Store,
  type TxCollection,
  type TxStore,
  type Update,
  where,
} from '../port'

export interface SqliteOptions {
  /** File path, or ':memory:'. */
  path: string
  /** Collections to create (tables and declared indexes). Defaults to every collection. */
  collections?: readonly string[]
  /**
   * 'test' marks a new database as a test one and refuses to open one that is not; 'live'
   * refuses to open a test database. Keeps a test run from ever touching real data.
   */
  purpose: 'live' | 'test'
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/
const TABLE = /^[A-Za-z][A-Za-z0-9_]*$/

function fieldExpr(field: string): string {
  if (field === '_id') return '_id'
  if (!FIELD.test(field)) throw new Error(`invalid field name ${JSON.stringify(field)}`)
  return `json_extract(doc, '$.${field}')`
}

type Bind = string | number | null

function bindScalar(value: Scalar): Bind {
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

/** Compiles a typed filter to SQL with bound parameters; field names are checked, values bound. */
function compile<T>(filter: Filter<T>, params: Bind[]): string {
  switch (filter.op) {
    case 'eq': {
      const e = fieldExpr(filter.field)
      if (filter.value === null) return `${e} IS NULL`
      params.push(bindScalar(filter.value))
      return `${e} = ?`
    }
    case 'ne': {
      const e = fieldExpr(filter.field)
      if (filter.value === null) return `${e} IS NOT NULL`
      params.push(bindScalar(filter.value))
      return `(${e} IS NULL OR ${e} <> ?)`
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const e = fieldExpr(filter.field)
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.op]
      params.push(filter.value)
      // Like the document engine, compare only like with like: never a string with a number.
      const type = typeof filter.value === 'string' ? `'text'` : `'integer', 'real'`
      return `(typeof(${e}) IN (${type}) AND ${e} ${sym} ?)`
    }
    case 'in': {
      const e = fieldExpr(filter.field)
      const values = filter.values.filter((v) => v !== null)
      const parts: string[] = []
      if (values.length) {
        params.push(...values.map(bindScalar))
        parts.push(`${e} IN (${values.map(() => '?').join(', ')})`)
      }
      if (values.length !== filter.values.length) parts.push(`${e} IS NULL`)
      return parts.length ? `(${parts.join(' OR ')})` : '0'
    }
    case 'has':
    case 'hasAny': {
      if (!FIELD.test(filter.field)) throw new Error(`invalid field name ${JSON.stringify(filter.field)}`)
      const values = filter.op === 'has' ? [filter.value] : filter.values
      if (!values.length) return '0'
      params.push(...values)
      return `EXISTS (SELECT 1 FROM json_each(doc, '$.${filter.field}') WHERE value IN (${values
        .map(() => '?')
        .join(', ')}))`
    }
    case 'contains': {
      const e = fieldExpr(filter.field)
      params.push(filter.text)
      return `(typeof(${e}) = 'text' AND instr(lower(${e}), lower(?)) > 0)`
    }
    case 'and':
    case 'or': {
      if (!filter.filters.length) return filter.op === 'and' ? '1' : '0'
      return `(${filter.filters.map((f) => compile(f, params)).join(filter.op === 'and' ? ' AND ' : ' OR ')})`
    }
  }
}

/** A small FIFO async lock: an open transaction holds it across its awaits. */
class Lock {
  private tail: Promise<void> = Promise.resolve()
  private holders = 0

  get busy(): boolean {
    return this.holders > 0
  }

  async acquire(): Promise<() => void> {
    this.holders++
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const before = this.tail
    this.tail = before.then(() => mine)
    await before
    return () => {
      this.holders--
      release()
    }
  }
}

/** Most distinct statements kept prepared (queries differ in shape, not in values: values are bound). */
const STATEMENTS_KEPT = 500

/**
 * Prepared statements by SQL text, least recently used dropped first. Updates, guarded updates,
 * queries and counts build their SQL from the field names and the filter's shape (values are
 * bound), so a burst of the same action runs the same few statements: preparing each once saves
 * SQLite's parse and plan on every call (profiled: two prepares per sign-up were ~12% of a burst).
 */
class StatementCache {
  private readonly kept = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let st = this.kept.get(sql)
    if (st) {
      // Most recently used last.
      this.kept.delete(sql)
    } else {
      st = this.db.prepare(sql)
      if (this.kept.size >= STATEMENTS_KEPT) this.kept.delete(this.kept.keys().next().value as string)
    }
    this.kept.set(sql, st)
    return st
  }
}

class SqliteCollection<T extends BaseDoc> implements Collection<T> {
  private readonly stmts: {
    get: Database.Statement<[string], { doc: string }>
    insert: Database.Statement<[string, string]>
    put: Database.Statement<[string, string]>
    remove: Database.Statement<[string]>
  }

  constructor(
    private readonly statements: StatementCache,
    db: Database.Database,
    private readonly name: string,
      /** Runs an operation after any open transaction (at once inside one). Never nest transactions. */
    private readonly gate: <R>(op: () => R) => Promise<R>,
    /** Where writes run: the same gate inside a transaction; outside, a one-write transaction of the group commit. */
    private readonly writeGate: <R>(op: () => R) => Promise<R> = gate,
  ) {
    const t = `"${name}"`
    this.stmts = {
      get: db.prepare(`SELECT doc FROM ${t} WHERE _id = ?`),
      insert: db.prepare(`INSERT INTO ${t} (_id, doc) VALUES (?, ?)`),
      put: db.prepare(`INSERT INTO ${t} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`),
      remove: db.prepare(`DELETE FROM ${t} WHERE _id = ?`),
    }
  }

  get(id: string): Promise<T | null> {
    return this.gate(() => {
      const row = this.stmts.get.get(id)
      return row ? (JSON.parse(row.doc) as T) : null
    })
  }

  insert(doc: T): Promise<void> {
    return this.writeGate(() => {
      try {
        this.stmts.insert.run(doc._id, JSON.stringify(doc))
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new DuplicateIdError(this.name, doc._id)
        }
        throw err
      }
    })
  }

  put(doc: T): Promise<void> {
    return this.writeGate(() => {
      this.stmts.put.run(doc._id, JSON.stringify(doc))
    })
  }

  private updateSql(id: string, update: Update<T>, onlyIf?: Filter<T>): { sql: string; params: Bind[] } {
      const params: Bind[] = []
      let expr = 'doc'
      const setArgs: string[] = []
      for (const [field, value] of Object.entries(update.set ?? {})) {
        if (value === undefined) continue
        if (field === '_id' || !FIELD.test(field)) throw new Error(`invalid field name ${JSON.stringify(field)}`)
        setArgs.push(`'$.${field}', json(?)`)
        params.push(JSON.stringify(value))
      }
      for (const [field, by] of Object.entries(update.inc ?? {})) {
        if (field === '_id' || !FIELD.test(field)) throw new Error(`invalid field name ${JSON.stringify(field)}`)
        if (typeof by !== 'number' || !Number.isFinite(by)) throw new Error(`increment of ${field} must be a number`)
        setArgs.push(`'$.${field}', coalesce(json_extract(doc, '$.${field}'), 0) + ?`)
        params.push(by)
      }
      if (setArgs.length) expr = `json_set(doc, ${setArgs.join(', ')})`
      params.push(id)
      let sql = `UPDATE "${this.name}" SET doc = ${expr} WHERE _id = ?`
      if (onlyIf) sql += ` AND ${compile(onlyIf, params)}`
      return { sql, params }
  }

  update(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<boolean> {
    return this.writeGate(() => {
      const { sql, params } = this.updateSql(id, update, onlyIf)
      return this.statements.get(sql).run(...params).changes > 0
    })
  }

  updateAndGet(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<T | null> {
    return this.writeGate(() => {
      const { sql, params } = this.updateSql(id, update, onlyIf)
      // One statement: the row as this update left it, whatever other writers do next.
      const row = this.statements.get(`${sql} RETURNING doc`).get(...params) as { doc: string } | undefined
      return row ? (JSON.parse(row.doc) as T) : null
    })
  }

  remove(id: string): Promise<boolean> {
    return this.writeGate(() => this.stmts.remove.run(id).changes > 0)
  }

  find(query: FindQuery<T> = {}): Promise<Page<T>> {
    return this.gate(() => {
      const keys = withTiebreak(query.orderBy)
      const limit = Math.max(1, Math.min(query.limit ?? 20, MAX_PAGE))
      const filters: Filter<T>[] = []
      if (query.where) filters.push(query.where)
      if (query.after) filters.push(afterFilter(keys, decodeCursor(query.after, keys)))
      const params: Bind[] = []
      const cond = filters.length ? ` WHERE ${compile(where.and(...filters), params)}` : ''
      const order = keys.map((k) => `${fieldExpr(k.field)} ${k.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ')
      const rows = this.statements.get(`SELECT doc FROM "${this.name}"${cond} ORDER BY ${order} LIMIT ?`).all(...params, limit + 1) as { doc: string }[]
      const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as T)
      const next = rows.length > limit ? encodeCursor(items[items.length - 1], keys) : null
      return { items, next }
    })
  }

  count(filter?: Filter<T>): Promise<number> {
    return this.gate(() => {
      const params: Bind[] = []
      const cond = filter ? ` WHERE ${compile(filter, params)}` : ''
      const row = this.statements.get(`SELECT count(*) AS n FROM "${this.name}"${cond}`).get(...params) as { n: number }
      return row.n
    })
  }

  /**
   * Visits every match in `_id` order. A scan that fits in one batch is one query. A longer one
   * reads the matches' row numbers once, in `_id` order, then fetches them a batch at a time by
   * row number: paging with `WHERE <filter> AND _id > ? ORDER BY _id LIMIT n` lets SQLite pick
   * the filter's index and sort every remaining match for every page (quadratic: 752 pages of a
   * 750,000-case community took 17 minutes), and which plan is right depends on how many match.
   * Each batch re-checks the filter, so a document changed to no longer match, or removed, after
   * the scan began is left out; one inserted after the first batch may be left out.
   */
  async *scan(filter: Filter<T> | undefined, batchSize = 500): AsyncIterable<T[]> {
    const size = Math.max(1, Math.floor(batchSize))
    const parse = (rows: readonly { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as T)
    const idAfter = (id: string) => where.gt<T>('_id' as OrderBy<T>['field'], id)
    const page = (after: string | null) =>
      this.gate(() => {
        const params: Bind[] = []
        const filters: Filter<T>[] = filter ? [filter] : []
        if (after !== null) filters.push(idAfter(after))
        const cond = filters.length ? ` WHERE ${compile(where.and(...filters), params)}` : ''
        return this.statements.get(`SELECT _id, doc FROM "${this.name}"${cond} ORDER BY _id ASC LIMIT ?`).all(...params, size) as { _id: string; doc: string }[]
      })
    // Without a filter every page is a range read of the primary key, never a sort; with one, only the first page.
    let rows = await page(null)
    for (;;) {
      if (!rows.length) return
      yield parse(rows)
      if (rows.length < size) return
      if (filter) break
      rows = await page(rows[rows.length - 1]._id)
    }
    const rest = await this.gate(() => {
      const params: Bind[] = []
      const cond = compile(where.and(filter, idAfter(rows[rows.length - 1]._id)), params)
      return this.statements.get(`SELECT rowid FROM "${this.name}" WHERE ${cond} ORDER BY _id ASC`).pluck(true).all(...params) as number[]
    })
    const params: Bind[] = []
    const cond = compile(filter, params)
    // NOT INDEXED: look each row up by its number; no index of the filter's fields is scanned.
    const sql = `SELECT _id, doc FROM "${this.name}" NOT INDEXED WHERE rowid IN (SELECT value FROM json_each(?)) AND ${cond}`
    for (let i = 0; i < rest.length; i += size) {
      const numbers = rest.slice(i, i + size).sort((a, b) => a - b)
      const found = (await this.gate(() => this.statements.get(sql).all(JSON.stringify(numbers), ...params))) as { _id: string; doc: string }[]
      if (!found.length) continue
      found.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
      yield parse(found)
    }
  }
}

/** Most transactions one durable COMMIT carries (bounds how long an outside read can wait). */
const MAX_GROUP = 256
/** How long a write waits for another connection's write lock before it fails (SQLITE_BUSY). */
const BUSY_WAIT_MS = 5000

/** The embedded store: better-sqlite3 in WAL mode with fully synchronous (durable) commits. */
export class SqliteStore<M> implements Store<M> {
  readonly db: Database.Database
  private readonly statements: StatementCache
  /** The group commit's per-transaction statements, prepared once (`exec` parses its SQL every time). */
  private savepoint: { open: Database.Statement; release: Database.Statement; undo: Database.Statement } | null = null
  private readonly lock = new Lock()
  private readonly outside = new Map<string, SqliteCollection<BaseDoc>>()
  private readonly inside = new Map<string, SqliteCollection<BaseDoc>>()
  private readonly pending: { work: (tx: TxStore<M>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = []
  private batching = false
  private readonly tx: TxStore<M> = {
    collection: <K extends Extract<keyof M, string>>(name: K) => {
      const c = this.inside.get(name)
      if (!c) throw new Error(`unknown collection ${name}`)
      return c as unknown as TxCollection<M[K] & BaseDoc>
    },
  }

  /** The store as seen inside a running transaction (see `atomically`). */
  private readonly within: Store<M> = {
    collection: <K extends Extract<keyof M, string>>(name: K) => {
      const c = this.inside.get(name)
      if (!c) throw new Error(`unknown collection ${name}`)
      return c as unknown as Collection<M[K] & BaseDoc>
    },
    transaction: <R>(work: (tx: TxStore<M>) => Promise<R>) => work(this.tx),
    close: () => Promise.reject(new Error('close the store, not a transaction')),
  }

  constructor(options: SqliteOptions) {
    this.db = new Database(options.path)
    this.statements = new StatementCache(this.db)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`)
    // Each grouped transaction runs in a SAVEPOINT, whose sub-journal (the pages' contents before it,
    // for ROLLBACK TO) is a temporary file SQLite keeps only while the outer transaction is open and
    // never reads after a crash ("not critical for power-loss recovery", https://www.sqlite.org/tempfiles.html,
    // statement journals): kept in memory, a burst's savepoints never touch a temp file. Durability
    // is the WAL's with synchronous=FULL, as before.
    this.db.pragma('temp_store = MEMORY')
    this.db.exec(`CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
    const purpose = this.db.prepare(`SELECT value FROM _meta WHERE key = 'purpose'`).get() as
      | { value: string }
      | undefined
    if (!purpose) {
      this.db.prepare(`INSERT INTO _meta (key, value) VALUES ('purpose', ?)`).run(options.purpose)
    } else if (purpose.value !== options.purpose) {
      this.db.close()
      throw new Error(`refusing to open a ${purpose.value} database for ${options.purpose} use: ${options.path}`)
    }
    const names = options.collections ?? COLLECTION_NAMES
    for (const name of names) this.createCollection(name)
    // An older database's retired collections stay readable until the migration has emptied them.
    const tables = new Set((this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name))
    for (const name of RETIRED_COLLECTION_NAMES) if (tables.has(name) && !this.outside.has(name)) this.createCollection(name)
  }

  private createCollection(name: string): void {
    if (!TABLE.test(name)) throw new Error(`invalid collection name ${name}`)
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
    const decls = (INDEXES as Record<string, readonly { name: string; fields: readonly { field: string; dir: string }[]; unique?: boolean; multikey?: string }[]>)[name] ?? []
    for (const decl of decls) {
      const index = `${name}__${decl.name}`
      // An array field's JSON text gives no seek, only a cost on every write: the fields before it are kept.
      const array = decl.multikey ? decl.fields.findIndex((f) => f.field === decl.multikey) : -1
      if (decl.multikey && (array < 0 || decl.unique)) throw new Error(`index ${index}: multikey must name one of its fields, on a non-unique index`)
      const fields = array >= 0 ? decl.fields.slice(0, array) : decl.fields
      if (!fields.length) {
        this.db.exec(`DROP INDEX IF EXISTS "${index}"`)
        continue
      }
      const cols = fields.map((f) => `${fieldExpr(f.field)} ${f.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ')
      const sql = `CREATE ${decl.unique ? 'UNIQUE ' : ''}INDEX "${index}" ON "${name}" (${cols})`
      // SQLite keeps the statement as written (less IF NOT EXISTS): an index whose declaration
      // changed (a field added, such as the `_id` tie-break) is rebuilt, as `cloud:setup` does.
      const had = this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index) as { sql: string } | undefined
      if (had?.sql === sql) continue
      if (had) this.db.exec(`DROP INDEX "${index}"`)
      this.db.exec(sql)
    }
    const outsideGate = <R>(op: () => R): Promise<R> => {
      // Run at once when no transaction is open, so nothing can slip in between check and run.
      if (!this.lock.busy) {
        try {
          return Promise.resolve(op())
        } catch (err) {
          return Promise.reject(err)
        }
      }
      return this.lock.acquire().then((release) => {
        try {
          return op()
        } finally {
          release()
        }
      })
    }
    const insideGate = <R>(op: () => R): Promise<R> => {
      try {
        return Promise.resolve(op())
      } catch (err) {
        return Promise.reject(err)
      }
    }
    // A write outside a transaction joins the group commit as a transaction of its own: as atomic
    // and as durable as before (answered after its COMMIT), but sharing the fsync with whatever
    // else commits at that moment (a crowd's sign-ups take their place and move counters this way).
    const groupedWrite = <R>(op: () => R): Promise<R> => this.transaction(() => Promise.resolve().then(op))
    this.outside.set(name, new SqliteCollection(this.statements, this.db, name, outsideGate, groupedWrite))
    this.inside.set(name, new SqliteCollection(this.statements, this.db, name, insideGate))
  }

  collection<K extends Extract<keyof M, string>>(name: K): Collection<M[K] & BaseDoc> {
    const c = this.outside.get(name)
    if (!c) throw new Error(`unknown collection ${name}`)
    return c as unknown as Collection<M[K] & BaseDoc>
  }

  /**
   * Group commit: transactions that arrive while one is running (or within the same turn of the
   * event loop) share one SQLite transaction and one durable COMMIT (one fsync). Each runs alone,
   * in arrival order, inside its own SAVEPOINT, so one that throws is rolled back without touching
   * the others; none is answered before the COMMIT that holds it is on disk. Isolation is what it
   * was (one at a time, holding the lock across its awaits); only the fsync is shared.
   */
  transaction<R>(work: (tx: TxStore<M>) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ work: work as (tx: TxStore<M>) => Promise<unknown>, resolve: resolve as (v: unknown) => void, reject })
      if (!this.batching) {
        this.batching = true
        // Let the requests that arrived in this turn of the event loop join the first batch.
        setImmediate(() => void this.runBatches())
      }
    })
  }

  /** One transaction of the group commit, with the whole store (reads, queries, writes) inside it. */
  atomically<R>(work: (store: Store<M>) => Promise<R>): Promise<R> {
    return this.transaction(() => work(this.within))
  }

  private async runBatches(): Promise<void> {
    try {
      while (this.pending.length) await this.runBatch()
    } finally {
      this.batching = false
    }
  }

  private async runBatch(): Promise<void> {
    const release = await this.lock.acquire()
    const done: { resolve: (v: unknown) => void; reject: (e: unknown) => void; value: unknown }[] = []
    const failBatch = (err: unknown) => {
      for (const d of done.splice(0)) d.reject(err)
    }
    try {
      try {
        await this.beginImmediate()
      } catch (err) {
        for (const p of this.pending.splice(0, MAX_GROUP)) p.reject(err)
        return
      }
      let ran = 0
      for (;;) {
        const next = this.pending.shift()
        if (!next) {
          // Anything that arrived while the last one ran gets one more chance to join.
          if (ran < MAX_GROUP) await new Promise<void>((r) => setImmediate(r))
          if (this.pending.length && ran < MAX_GROUP) continue
          break
        }
        ran++
        const sp = (this.savepoint ??= {
          open: this.db.prepare('SAVEPOINT tx'),
          release: this.db.prepare('RELEASE tx'),
          undo: this.db.prepare('ROLLBACK TO tx'),
        })
        sp.open.run()
        try {
          const value = await next.work(this.tx)
          sp.release.run()
          done.push({ resolve: next.resolve, reject: next.reject, value })
        } catch (err) {
          if (this.db.inTransaction) {
            sp.undo.run()
            sp.release.run()
            next.reject(err)
          } else {
            // SQLite gave up the whole transaction (I/O error, disk full): nothing of it is kept.
            next.reject(err)
            failBatch(err)
            return
          }
        }
        if (ran >= MAX_GROUP) break
      }
      try {
        this.db.exec('COMMIT')
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        failBatch(err)
        return
      }
      for (const d of done) d.resolve(d.value)
    } finally {
      release()
    }
  }

  /**
   * BEGIN IMMEDIATE without blocking the event loop while another connection holds the write lock.
   * SQLite's busy handler waits synchronously; when the holder is a connection in this same process
   * (two function instances in one test, a script beside the runtime) it could never finish, since
   * its transaction awaits the event loop this wait would block. So the lock is tried without the
   * busy handler and, while busy, tried again after a short timer, up to the same 5 s.
   */
  private async beginImmediate(): Promise<void> {
    const deadline = Date.now() + BUSY_WAIT_MS
    this.db.pragma('busy_timeout = 0')
    try {
      for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
        try {
          this.db.exec('BEGIN IMMEDIATE')
          return
        } catch (err) {
          if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw err
        }
        await new Promise<void>((r) => setTimeout(r, wait))
      }
    } finally {
      if (this.db.open) this.db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`)
    }
  }

  async close(): Promise<void> {
    const release = await this.lock.acquire()
    try {
      if (this.db.open) this.db.close()
    } finally {
      release()
    }
  }
}

export function openSqliteStore<M>(options: SqliteOptions): SqliteStore<M> {
  return new SqliteStore<M>(options)
}
