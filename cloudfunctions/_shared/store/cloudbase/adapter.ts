/**
 * The production store: a CloudBase document database reached through `@cloudbase/node-sdk`.
 *
 * It mirrors the sqlite adapter's semantics (see `../sqlite/adapter.ts` and the contract
 * suite). Every typed `Filter` is translated to the SDK's command API, so a value from a
 * request can only ever become an operand (`$eq: value`), never an operator or a field.
 *
 * SDK facts this file relies on (read from @cloudbase/node-sdk 3.x / @cloudbase/database 1.4):
 * - every call is one signed HTTPS POST to `https://<env>.tcb-api.tencentcloudapi.com/admin`
 *   whose JSON body names an `action` (`database.getDocument`, `database.insertDocument`,
 *   `database.modifyDocument`, `database.removeDocument`, `database.calculateDocument`,
 *   `database.startTransaction` / `commitTransaction` / `abortTransaction`) and carries the
 *   query and data as canonical EJSON strings;
 * - a server error comes back as `{ code, message }` and the SDK throws it as an Error with
 *   that `code` (unless someone called `setThrowOnCode(false)`, which `unwrap` also handles);
 * - a duplicate `_id` on insert is `DATABASE_DUPLICATE_WRITE`; a write conflict between
 *   transactions is `DATABASE_TRANSACTION_CONFLICT`;
 * - `update` reports `updated` = documents *modified*, so a no-op `set` reports 0 although the
 *   document matched (the SDK drops the server's `matched`); see `CloudbaseCollection.update`;
 * - inside a transaction only document operations carry the transaction id (`doc().get/set/
 *   update/remove`, `collection.add`); a `where(...).update()` would silently run outside it.
 *
 * Where the document engine and sqlite still differ (today's actions filter scalar fields only,
 * so none of this shows): `eq`/`ne`/`in`/range/`contains` on an *array* field test its elements
 * here, while sqlite compares the whole array; sqlite's `eq(f, true)` also matches `1`;
 * `inc` on a field holding null fails here but counts from 0 in sqlite; `contains` folds
 * Unicode case here, ASCII only in sqlite. Documents written by this adapter carry no
 * `_openid` (only client-SDK writes get one), so what `insert` stored is what `get` returns.
 */
import { COLLECTION_NAMES, RETIRED_COLLECTION_NAMES } from '../collections'
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

// ---------------------------------------------------------------------------------------------
// The slice of the SDK this adapter uses. Declared structurally so the real `Db` from
// `app.database()` fits it and the adapter needs no `any`; SDK results are `unknown` and are
// checked before use.
// ---------------------------------------------------------------------------------------------

/** An opaque query condition or update operand built by the SDK's command API. */
export type SdkCondition = object

/** `db.command`: the operators this adapter emits, nothing else. */
export interface SdkCommand {
  eq(value: unknown): SdkCondition
  neq(value: unknown): SdkCondition
  gt(value: unknown): SdkCondition
  gte(value: unknown): SdkCondition
  lt(value: unknown): SdkCondition
  lte(value: unknown): SdkCondition
  in(values: unknown[]): SdkCondition
  all(values: unknown[]): SdkCondition
  and(conditions: SdkCondition[]): SdkCondition
  or(conditions: SdkCondition[]): SdkCondition
  set(value: unknown): SdkCondition
  inc(by: number): SdkCondition
}

/** A query (`collection.where(...)`) as the SDK builds it. */
export interface SdkQuery {
  where(query: object): SdkQuery
  orderBy(field: string, dir: 'asc' | 'desc'): SdkQuery
  limit(limit: number): SdkQuery
  options(options: { multiple?: boolean }): SdkQuery
  get(): Promise<unknown>
  count(): Promise<unknown>
  update(data: object): Promise<unknown>
  /** `database.modifyAndReturnDoc`: one matching document updated, answered as updated (node-sdk ≥ 2.3). */
  updateAndReturn(data: object): Promise<unknown>
}

/** `collection.doc(id)`. */
export interface SdkDocument {
  get(): Promise<unknown>
  set(data: object): Promise<unknown>
  update(data: object): Promise<unknown>
  remove(): Promise<unknown>
}

/** `db.collection(name)`, or `transaction.collection(name)` inside a transaction. */
export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocument
  add(data: object): Promise<unknown>
}

/** What `db.startTransaction()` resolves to. */
export interface SdkTransaction {
  collection(name: string): SdkCollection
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

/** The database handle: `tcb.init({...}).database()`. */
export interface CloudbaseDb {
  collection(name: string): SdkCollection
  readonly command: SdkCommand
  RegExp(options: { regexp: string; options: string }): SdkCondition
  startTransaction(): Promise<SdkTransaction>
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/** How `openCloudbaseStore` maps collections and retries conflicted transactions. */
export interface CloudbaseOptions {
  /** Collections this store serves. Defaults to every collection of the app. */
  collections?: readonly string[]
  /**
   * Prepended to every physical collection name, e.g. `contract_test_` for a live test run, so
   * test data never lands in a real collection. Defaults to none.
   */
  collectionPrefix?: string
  /**
   * How many times a transaction is attempted when CloudBase reports a write conflict. Its
   * transactions are optimistic (snapshot isolation, a conflicting write fails), so contended
   * counters need retries; `work` may therefore run more than once. Defaults to 10.
   */
  transactionAttempts?: number
  /** Delay before retry `attempt` (1-based) of a conflicted transaction. Defaults to jittered exponential backoff. */
  retryDelayMs?: (attempt: number) => number
}

/** CloudBase's own cap on one server-side read. */
const MAX_READ = 1000

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/
const COLLECTION = /^[A-Za-z][A-Za-z0-9_]*$/

const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE'
const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

// ---------------------------------------------------------------------------------------------
// Validation of what code hands us. Types already forbid most of this; these checks keep a
// value smuggled past the types (`as`, parsed JSON) from ever reaching the query as an object.
// ---------------------------------------------------------------------------------------------

function checkField(field: string): string {
  // `__proto__` passes the pattern but would be swallowed by the SDK's object spreading.
  if (!FIELD.test(field) || field === '__proto__') throw new Error(`invalid field name ${JSON.stringify(field)}`)
  return field
}

function checkScalar(value: unknown): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new Error(`filter value must be a string, a finite number, a boolean or null`)
}

function checkComparable(value: unknown): string | number {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new Error(`range and membership values must be strings or finite numbers`)
}

/**
 * What a document or `set` value becomes when stored: its JSON form, as the sqlite adapter
 * stores it (undefined dropped, `toJSON` applied). Keys that a document database would read
 * as operators or paths (`$…`, dotted) are refused rather than silently reinterpreted.
 */
function toStored(value: unknown, path: string): unknown {
  const json = JSON.stringify(value)
  if (json === undefined) return undefined
  const plain: unknown = JSON.parse(json)
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`))
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key.startsWith('$') || key.includes('.') || key === '__proto__' || key === '') {
          throw new Error(`invalid key ${JSON.stringify(key)} at ${path}`)
        }
        walk(child, `${path}.${key}`)
      }
    }
  }
  walk(plain, path)
  return plain
}

function toStoredDoc<T extends BaseDoc>(doc: T): Record<string, unknown> {
  if (typeof doc._id !== 'string' || doc._id === '') throw new Error('a document needs a non-empty string _id')
  const stored = toStored(doc, 'doc')
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) throw new Error('a document must be an object')
  return stored as Record<string, unknown>
}

/** Escapes every regex metacharacter so user text matches only itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/#-]/g, '\\$&')
}

// ---------------------------------------------------------------------------------------------
// Filter translation
// ---------------------------------------------------------------------------------------------

/** A compiled filter: an SDK condition, or `ALL` for "no constraint" (an empty `and`). */
const ALL = Symbol('all')
type Compiled = SdkCondition | typeof ALL

/**
 * Translates a typed filter to the SDK's command API. Field names are checked, values go only
 * into operand slots, and `contains` becomes an escaped, case-insensitive regex.
 */
export function compileFilter<T>(filter: Filter<T>, db: Pick<CloudbaseDb, 'command' | 'RegExp'>): Compiled {
  const _ = db.command
  const leaf = (field: string, cond: SdkCondition): SdkCondition => ({ [checkField(field)]: cond })
  // Matches nothing: Mongo rejects an empty `$or`, so say it with an empty `$in` instead.
  const none = (): SdkCondition => ({ _id: _.in([]) })
  switch (filter.op) {
    case 'eq':
      return leaf(filter.field, _.eq(checkScalar(filter.value)))
    case 'ne':
      // `$ne` also matches documents without the field, like the sqlite adapter's `IS NULL OR <>`.
      return leaf(filter.field, _.neq(checkScalar(filter.value)))
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      // Mongo compares within a type bracket only: a string never matches a number bound.
      const value = checkComparable(filter.value)
      return leaf(filter.field, _[filter.op](value))
    }
    case 'in':
      // `$in: [..., null]` also matches a missing field, like the sqlite adapter's `IS NULL`.
      return leaf(filter.field, _.in(filter.values.map(checkScalar)))
    case 'has':
      // `$all: [v]`: the array field holds v.
      return leaf(filter.field, _.all([checkComparable(filter.value)]))
    case 'hasAny':
      // `$in` on an array field: it holds at least one of the values; `$in: []` matches nothing.
      return leaf(filter.field, _.in(filter.values.map(checkComparable)))
    case 'contains': {
      if (typeof filter.text !== 'string') throw new Error('contains needs a string')
      // The SDK refuses an empty pattern; `^` matches every string, as instr(x, '') does.
      const pattern = filter.text === '' ? '^' : escapeRegExp(filter.text)
      return leaf(filter.field, db.RegExp({ regexp: pattern, options: 'i' }))
    }
    case 'and': {
      const parts = filter.filters.map((f) => compileFilter(f, db)).filter((c): c is SdkCondition => c !== ALL)
      if (!parts.length) return ALL
      return parts.length === 1 ? parts[0] : _.and(parts)
    }
    case 'or': {
      if (!filter.filters.length) return none()
      const parts = filter.filters.map((f) => compileFilter(f, db))
      if (parts.some((c) => c === ALL)) return ALL
      const conds = parts as SdkCondition[]
      return conds.length === 1 ? conds[0] : _.or(conds)
    }
    default: {
      const unknownOp: never = filter
      throw new Error(`unknown filter op ${JSON.stringify((unknownOp as { op?: unknown }).op)}`)
    }
  }
}

/**
 * Evaluates a filter against a document in memory, with the document engine's semantics
 * (a scalar condition on an array field tests its elements). Used for `onlyIf` inside a
 * transaction, where CloudBase only offers document operations: the document is read in the
 * transaction's snapshot, checked here, then written; a concurrent write makes the commit
 * conflict, so the check cannot go stale.
 */
export function matchesFilter<T>(doc: Record<string, unknown>, filter: Filter<T>): boolean {
  // Own fields only: `constructor` and friends on the prototype are not document fields.
  const value = (field: string): unknown =>
    Object.prototype.hasOwnProperty.call(doc, checkField(field)) ? doc[field] : undefined
  const candidates = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x])
  const eq = (x: unknown, v: Scalar): boolean =>
    v === null
      ? x === null || x === undefined || (Array.isArray(x) && x.includes(null))
      : x === v || (Array.isArray(x) && x.includes(v))
  switch (filter.op) {
    case 'eq':
      return eq(value(filter.field), checkScalar(filter.value))
    case 'ne':
      return !eq(value(filter.field), checkScalar(filter.value))
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = checkComparable(filter.value)
      const op = filter.op
      return candidates(value(filter.field)).some((c) => {
        if (typeof c !== typeof v) return false
        const x = c as string | number
        return op === 'gt' ? x > v : op === 'gte' ? x >= v : op === 'lt' ? x < v : x <= v
      })
    }
    case 'in':
      return filter.values.some((v) => eq(value(filter.field), checkScalar(v)))
    case 'has':
      return eq(value(filter.field), checkComparable(filter.value))
    case 'hasAny':
      return filter.values.some((v) => eq(value(filter.field), checkComparable(v)))
    case 'contains': {
      const text = filter.text.toLowerCase()
      return candidates(value(filter.field)).some(
        (c) => typeof c === 'string' && c.toLowerCase().includes(text),
      )
    }
    case 'and':
      return filter.filters.every((f) => matchesFilter(doc, f))
    case 'or':
      return filter.filters.some((f) => matchesFilter(doc, f))
    default: {
      const unknownOp: never = filter
      throw new Error(`unknown filter op ${JSON.stringify((unknownOp as { op?: unknown }).op)}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Updates
// ---------------------------------------------------------------------------------------------

interface CompiledUpdate {
  /** The SDK update object: `{ field: _.set(v) | _.inc(n) }`. Empty when nothing to write. */
  data: Record<string, SdkCondition>
  /** Fields set, with their stored values (for the no-op check). */
  set: Record<string, unknown>
  /** True when some increment is non-zero, so a matching document is always modified. */
  alwaysModifies: boolean
}

function compileUpdate<T>(update: Update<T>, _: SdkCommand): CompiledUpdate {
  const data: Record<string, SdkCondition> = {}
  const set: Record<string, unknown> = {}
  let alwaysModifies = false
  const incs = Object.entries(update.inc ?? {}) as [string, unknown][]
  const incFields = new Set(incs.map(([field]) => field))
  for (const [field, value] of Object.entries(update.set ?? {}) as [string, unknown][]) {
    if (value === undefined) continue
    if (field === '_id') throw new Error(`invalid field name ${JSON.stringify(field)}`)
    checkField(field)
    // The sqlite adapter applies the increment after the set, so the increment wins.
    if (incFields.has(field)) continue
    const stored = toStored(value, field)
    set[field] = stored
    // `_.set` replaces the value whole; a bare object would be merged field by field.
    data[field] = _.set(stored)
  }
  for (const [field, by] of incs) {
    if (field === '_id') throw new Error(`invalid field name ${JSON.stringify(field)}`)
    checkField(field)
    if (typeof by !== 'number' || !Number.isFinite(by)) throw new Error(`increment of ${field} must be a number`)
    if (by !== 0) alwaysModifies = true
    data[field] = _.inc(by)
  }
  return { data, set, alwaysModifies }
}

// ---------------------------------------------------------------------------------------------
// Reading SDK results
// ---------------------------------------------------------------------------------------------

/** A CloudBase error surfaced as a value (with `setThrowOnCode(false)`) or thrown by the SDK. */
export class CloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message)
    this.name = 'CloudbaseError'
  }
}

function prop(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
}

/** Throws when a result is a CloudBase error, so errors never pass as results. */
function unwrap(result: unknown): unknown {
  const code = prop(result, 'code')
  if (typeof code === 'string' && code !== '') {
    const message = prop(result, 'message')
    const requestId = prop(result, 'requestId')
    throw new CloudbaseError(code, typeof message === 'string' ? message : code, typeof requestId === 'string' ? requestId : undefined)
  }
  return result
}

function numberOf(result: unknown, key: string, what: string): number {
  const n = prop(unwrap(result), key)
  if (typeof n !== 'number') throw new Error(`unexpected CloudBase ${what} result`)
  return n
}

function docsOf<T extends BaseDoc>(result: unknown): T[] {
  const data = prop(unwrap(result), 'data')
  if (!Array.isArray(data)) throw new Error('unexpected CloudBase query result')
  return data.map((d: unknown) => {
    if (!d || typeof d !== 'object' || typeof prop(d, '_id') !== 'string') throw new Error('unexpected CloudBase document')
    return d as T
  })
}

function errorCode(err: unknown): string {
  const code = prop(err, 'code')
  return typeof code === 'string' ? code : ''
}

/**
 * The duplicate-id error for a failed insert, or null when the failure is something else.
 * A unique secondary index reports the same code; its index name (not `_id_`) tells it apart.
 */
function asDuplicateId(err: unknown, collection: string, id: string): DuplicateIdError | null {
  const message = String(prop(err, 'message') ?? '')
  if (errorCode(err) !== DUPLICATE_WRITE && !/E11000 duplicate key/.test(message)) return null
  const index = /index:\s*([^\s]+)/.exec(message)?.[1]
  if (index && index !== '_id_') return null
  return new DuplicateIdError(collection, id)
}

function isConflict(err: unknown): boolean {
  return errorCode(err) === TRANSACTION_CONFLICT
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

/** Document operations shared by the plain and the transactional collection. */
class DocOps<T extends BaseDoc> {
  constructor(
    protected readonly db: CloudbaseDb,
    /** The port's collection name, used in errors. */
    protected readonly name: string,
    /** Where documents go: `db.collection(physical)` or `transaction.collection(physical)`. */
    protected readonly coll: () => SdkCollection,
  ) {}

  async insert(doc: T): Promise<void> {
    const stored = toStoredDoc(doc)
    try {
      unwrap(await this.coll().add(stored))
    } catch (err) {
      throw asDuplicateId(err, this.name, doc._id) ?? err
    }
  }

  async put(doc: T): Promise<void> {
    const { _id, ...rest } = toStoredDoc(doc)
    // `set` replaces the whole document (merge: false, upsert: true); it refuses an `_id` in the data.
    unwrap(await this.coll().doc(_id as string).set(rest))
  }

  async remove(id: string): Promise<boolean> {
    if (typeof id !== 'string' || id === '') return false
    return numberOf(await this.coll().doc(id).remove(), 'deleted', 'remove') > 0
  }
}

/** One collection outside a transaction. */
class CloudbaseCollection<T extends BaseDoc> extends DocOps<T> implements Collection<T> {
  async get(id: string): Promise<T | null> {
    if (typeof id !== 'string' || id === '') return null
    return docsOf<T>(await this.coll().doc(id).get())[0] ?? null
  }

  /**
   * One conditional write: `where({ _id, ...onlyIf }).update(...)`, so the condition and the
   * write are atomic. CloudBase counts only documents it modified; when nothing was modified
   * and the update could have been a no-op (no non-zero increment), one count tells "matched
   * but already so" (true, as in sqlite) from "absent or not matching" (false). That count asks
   * for the set values too, so a true answer is always a state the update would have produced.
   */
  async update(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<boolean> {
    if (typeof id !== 'string' || id === '') return false
    const _ = this.db.command
    const compiled = compileUpdate(update, _)
    const idIs = where.eq<T>('_id' as OrderBy<T>['field'], id)
    const target = onlyIf ? where.and<T>(idIs, onlyIf) : idIs
    if (Object.keys(compiled.data).length) {
      const query = compileFilter(target, this.db)
      const result = await this.coll()
        .where(query === ALL ? {} : query)
        .options({ multiple: false })
        .update(compiled.data)
      if (numberOf(result, 'updated', 'update') > 0) return true
      if (compiled.alwaysModifies) return false
    }
    // `target` pins `_id`, so it always compiles to a real condition.
    const query = compileFilter(target, this.db) as SdkCondition
    const alreadySo = Object.entries(compiled.set).map(([field, value]) => ({ [field]: _.eq(value) }))
    const cond = alreadySo.length ? _.and([query, ...alreadySo]) : query
    return numberOf(await this.coll().where(cond).count(), 'total', 'count') > 0
  }

  /**
   * `where({ _id, ...onlyIf }).updateAndReturn(...)` (node-sdk 2.3 "新增 updateAndReturn 接口",
   * `database.modifyAndReturnDoc`): the condition, the write and the answer in one call, so
   * concurrent increments of one field each see their own result.
   */
  async updateAndGet(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<T | null> {
    if (typeof id !== 'string' || id === '') return null
    const compiled = compileUpdate(update, this.db.command)
    const idIs = where.eq<T>('_id' as OrderBy<T>['field'], id)
    const query = compileFilter(onlyIf ? where.and<T>(idIs, onlyIf) : idIs, this.db)
    const result = unwrap(await this.coll().where(query === ALL ? {} : query).updateAndReturn(compiled.data))
    const doc = prop(result, 'doc')
    if (!prop(result, 'updated') || !doc) return null
    if (typeof doc !== 'object' || typeof prop(doc, '_id') !== 'string') throw new Error('unexpected CloudBase document')
    return doc as T
  }

  async find(query: FindQuery<T> = {}): Promise<Page<T>> {
    const keys = withTiebreak(query.orderBy)
    const limit = Math.floor(Math.max(1, Math.min(query.limit ?? 20, MAX_PAGE)))
    const filters: Filter<T>[] = []
    if (query.where) filters.push(query.where)
    if (query.after) filters.push(afterFilter(keys, decodeCursor(query.after, keys)))
    let q = this.where(filters.length ? where.and(...filters) : undefined)
    for (const key of keys) q = q.orderBy(checkField(key.field), key.dir === 'asc' ? 'asc' : 'desc')
    // One more than a page tells whether another page follows, as the sqlite adapter does.
    const docs = docsOf<T>(await q.limit(limit + 1).get())
    const items = docs.slice(0, limit)
    const next = docs.length > limit ? encodeCursor(items[items.length - 1], keys) : null
    return { items, next }
  }

  async count(filter?: Filter<T>): Promise<number> {
    return numberOf(await this.where(filter).count(), 'total', 'count')
  }

  async *scan(filter: Filter<T> | undefined, batchSize = 500): AsyncIterable<T[]> {
    const size = Math.floor(Math.max(1, Math.min(batchSize, MAX_READ)))
    const idField = '_id' as OrderBy<T>['field']
    let after: string | null = null
    for (;;) {
      const filters: Filter<T>[] = filter ? [filter] : []
      if (after !== null) filters.push(where.gt<T>(idField, after))
      const docs = docsOf<T>(
        await this.where(filters.length ? where.and(...filters) : undefined)
          .orderBy('_id', 'asc')
          .limit(size)
          .get(),
      )
      if (!docs.length) return
      yield docs
      if (docs.length < size) return
      after = docs[docs.length - 1]._id
    }
  }

  private where(filter: Filter<T> | undefined): SdkQuery {
    const coll = this.coll()
    if (!filter) return coll
    const compiled = compileFilter(filter, this.db)
    return compiled === ALL ? coll : coll.where(compiled)
  }
}

/** One collection inside a transaction: document operations only, each carrying the transaction id. */
class CloudbaseTxCollection<T extends BaseDoc> extends DocOps<T> implements TxCollection<T> {
  async get(id: string): Promise<T | null> {
    if (typeof id !== 'string' || id === '') return null
    // Inside a transaction the SDK answers `{ data: doc | null }` rather than a list.
    const data = prop(unwrap(await this.coll().doc(id).get()), 'data')
    if (data === null || data === undefined) return null
    const doc = Array.isArray(data) ? data[0] : data
    if (doc === undefined || doc === null) return null
    if (typeof doc !== 'object' || typeof prop(doc, '_id') !== 'string') throw new Error('unexpected CloudBase document')
    return doc as T
  }

  /**
   * Read in the transaction's snapshot, check `onlyIf` in memory, then write the document.
   * The read is skipped when a non-zero increment makes `updated` exact and there is no
   * condition, to save an operation.
   */
  async update(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<boolean> {
    if (typeof id !== 'string' || id === '') return false
    const compiled = compileUpdate(update, this.db.command)
    const hasWrite = Object.keys(compiled.data).length > 0
    if (!onlyIf && compiled.alwaysModifies) {
      return numberOf(await this.coll().doc(id).update(compiled.data), 'updated', 'update') > 0
    }
    const current = await this.get(id)
    if (!current) return false
    if (onlyIf && !matchesFilter(current as unknown as Record<string, unknown>, onlyIf)) return false
    if (hasWrite) unwrap(await this.coll().doc(id).update(compiled.data))
    return true
  }
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

const defaultDelay = (attempt: number): number => Math.random() * Math.min(1000, 20 * 2 ** attempt)

/** The CloudBase store. Holds no connection: every operation is one HTTPS call. */
export class CloudbaseStore<M> implements Store<M> {
  private readonly names: ReadonlySet<string>
  private readonly prefix: string
  private readonly attempts: number
  private readonly delay: (attempt: number) => number
  private readonly plain = new Map<string, CloudbaseCollection<BaseDoc>>()

  constructor(
    readonly db: CloudbaseDb,
    options: CloudbaseOptions = {},
  ) {
    this.prefix = options.collectionPrefix ?? ''
    if (this.prefix && !/^[a-z][a-z0-9_]*$/.test(this.prefix)) throw new Error(`invalid collection prefix ${this.prefix}`)
    const names = options.collections ?? COLLECTION_NAMES
    for (const name of names) {
      if (!COLLECTION.test(name)) throw new Error(`invalid collection name ${name}`)
    }
    // Retired names stay reachable for the migration that empties them (reading one that was
    // never created answers DATABASE_COLLECTION_NOT_EXIST, which the migration treats as empty).
    this.names = new Set([...names, ...(options.collections ? [] : RETIRED_COLLECTION_NAMES)])
    this.attempts = Math.max(1, Math.floor(options.transactionAttempts ?? 10))
    this.delay = options.retryDelayMs ?? defaultDelay
  }

  /** The CloudBase collection name behind a port collection name. */
  physicalName(name: string): string {
    if (!this.names.has(name)) throw new Error(`unknown collection ${name}`)
    return `${this.prefix}${name}`
  }

  collection<K extends Extract<keyof M, string>>(name: K): Collection<M[K] & BaseDoc> {
    let c = this.plain.get(name)
    if (!c) {
      const physical = this.physicalName(name)
      c = new CloudbaseCollection<BaseDoc>(this.db, name, () => this.db.collection(physical))
      this.plain.set(name, c)
    }
    return c as unknown as Collection<M[K] & BaseDoc>
  }

  /**
   * Runs `work` in a CloudBase transaction (`startTransaction` … `commit`, `rollback` on any
   * error). On a write conflict the whole attempt is rolled back and `work` runs again, up to
   * `transactionAttempts` times. Limits: only get / insert / put / update / remove by id inside
   * (what CloudBase transactions support); operations must be awaited one at a time; CloudBase
   * aborts a transaction left open too long, so keep `work` short and free of other I/O.
   */
  async transaction<R>(work: (tx: TxStore<M>) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const handle = await this.db.startTransaction()
      const collections = new Map<string, CloudbaseTxCollection<BaseDoc>>()
      const tx: TxStore<M> = {
        collection: <K extends Extract<keyof M, string>>(name: K) => {
          let c = collections.get(name)
          if (!c) {
            const physical = this.physicalName(name)
            c = new CloudbaseTxCollection<BaseDoc>(this.db, name, () => handle.collection(physical))
            collections.set(name, c)
          }
          return c as unknown as TxCollection<M[K] & BaseDoc>
        },
      }
      try {
        const result = await work(tx)
        unwrap(await handle.commit())
        return result
      } catch (err) {
        try {
          await handle.rollback()
        } catch {
          // The server may already have aborted it (a conflict or a failed commit does); the
          // original error is the one worth reporting.
        }
        if (isConflict(err) && attempt < this.attempts) {
          await new Promise((resolve) => setTimeout(resolve, this.delay(attempt)))
          continue
        }
        throw err
      }
    }
  }

  /** Nothing to release: the SDK holds no connection. */
  async close(): Promise<void> {}
}

/** Wraps a CloudBase database (`tcb.init({...}).database()`) as the store port. */
export function openCloudbaseStore<M>(db: CloudbaseDb, options: CloudbaseOptions = {}): CloudbaseStore<M> {
  return new CloudbaseStore<M>(db, options)
}
