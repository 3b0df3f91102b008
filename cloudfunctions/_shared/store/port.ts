/**
 * The store port: a small typed document store. Actions only ever see this interface;
 * the composition roots (CloudBase entry, local runtime, tests) bind an adapter.
 *
 * Filters are plain data built by code (see `where`). A value that came from a request can
 * only ever sit in a `value`/`values` slot, never choose an operator or a field.
 */

/** Every stored document has a string id. */
export interface BaseDoc {
  _id: string
}

/** A value a filter may compare against. */
export type Scalar = string | number | boolean | null

/** Field names of a document type (top-level; nested paths are not part of the port). */
export type FieldOf<T> = Extract<keyof T, string>

/** A typed filter. Build it with `where.*`; never from parsed user JSON. */
export type Filter<T> =
  | { readonly op: 'eq' | 'ne'; readonly field: FieldOf<T>; readonly value: Scalar }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly field: FieldOf<T>; readonly value: string | number }
  | { readonly op: 'in'; readonly field: FieldOf<T>; readonly values: readonly Scalar[] }
  /** The array field holds `value`. */
  | { readonly op: 'has'; readonly field: FieldOf<T>; readonly value: string | number }
  /** The array field holds at least one of `values`. */
  | { readonly op: 'hasAny'; readonly field: FieldOf<T>; readonly values: readonly (string | number)[] }
  /** Case-insensitive substring match on a string field; `text` is literal, never a pattern. */
  | { readonly op: 'contains'; readonly field: FieldOf<T>; readonly text: string }
  | { readonly op: 'and' | 'or'; readonly filters: readonly Filter<T>[] }

/** Filter builders. The only sanctioned way to make a `Filter`. */
export const where = {
  eq: <T>(field: FieldOf<T>, value: Scalar): Filter<T> => ({ op: 'eq', field, value }),
  ne: <T>(field: FieldOf<T>, value: Scalar): Filter<T> => ({ op: 'ne', field, value }),
  gt: <T>(field: FieldOf<T>, value: string | number): Filter<T> => ({ op: 'gt', field, value }),
  gte: <T>(field: FieldOf<T>, value: string | number): Filter<T> => ({ op: 'gte', field, value }),
  lt: <T>(field: FieldOf<T>, value: string | number): Filter<T> => ({ op: 'lt', field, value }),
  lte: <T>(field: FieldOf<T>, value: string | number): Filter<T> => ({ op: 'lte', field, value }),
  in: <T>(field: FieldOf<T>, values: readonly Scalar[]): Filter<T> => ({ op: 'in', field, values }),
  has: <T>(field: FieldOf<T>, value: string | number): Filter<T> => ({ op: 'has', field, value }),
  hasAny: <T>(field: FieldOf<T>, values: readonly (string | number)[]): Filter<T> => ({
    op: 'hasAny',
    field,
    values,
  }),
  contains: <T>(field: FieldOf<T>, text: string): Filter<T> => ({ op: 'contains', field, text }),
  and: <T>(...filters: Filter<T>[]): Filter<T> => ({ op: 'and', filters }),
  or: <T>(...filters: Filter<T>[]): Filter<T> => ({ op: 'or', filters }),
}

/** One sort key. The store always adds `_id` in the same direction as the last key as a tiebreak. */
export interface OrderBy<T> {
  field: FieldOf<T>
  dir: 'asc' | 'desc'
}

export interface FindQuery<T> {
  where?: Filter<T>
  orderBy?: readonly OrderBy<T>[]
  /** Page size; adapters cap it at 100 (CloudBase's own limit for one read). */
  limit?: number
  /** Opaque cursor from a previous page's `next`. */
  after?: string | null
}

export interface Page<T> {
  items: T[]
  /** Cursor for the following page, or null when this was the last one. */
  next: string | null
}

/** An update: fields to set and numeric fields to increment, applied atomically. */
export interface Update<T> {
  set?: Partial<Omit<T, '_id'>>
  inc?: Partial<Record<FieldOf<T>, number>>
}

/** Operations on one collection. */
export interface Collection<T extends BaseDoc> {
  get(id: string): Promise<T | null>
  /** Inserts a new document; rejects with `DuplicateIdError` when the id exists. */
  insert(doc: T): Promise<void>
  /** Creates or replaces the whole document. */
  put(doc: T): Promise<void>
  /**
   * Applies `update` to the document if it exists (and, when `onlyIf` is given, matches it).
   * Resolves true when a document was changed.
   */
  update(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<boolean>
  /**
   * `update`, answering the document as the update left it (null: absent or not matching), in
   * one atomic call: a crowd's increments of one field each learn their own value (a place in
   * line). Outside transactions only (CloudBase's `updateAndReturn` is a query operation).
   */
  updateAndGet(id: string, update: Update<T>, onlyIf?: Filter<T>): Promise<T | null>
  /** Resolves true when a document was removed. */
  remove(id: string): Promise<boolean>
  find(query?: FindQuery<T>): Promise<Page<T>>
  count(filter?: Filter<T>): Promise<number>
  /**
   * Visits every matching document in `_id` order, `batchSize` at a time (a batch can be shorter).
   * A document written while the scan runs may or may not be visited, as it was or as it is now.
   */
  scan(filter: Filter<T> | undefined, batchSize?: number): AsyncIterable<T[]>
}

/** Document operations allowed inside a transaction (both engines support these atomically). */
export type TxCollection<T extends BaseDoc> = Pick<Collection<T>, 'get' | 'insert' | 'put' | 'update' | 'remove'>

export interface Store<M> {
  collection<K extends Extract<keyof M, string>>(name: K): Collection<M[K] & BaseDoc>
  /**
   * Runs `work` atomically: all of its writes commit together or none do. Inside, only
   * document-level operations are available (what CloudBase transactions allow).
   */
  transaction<R>(work: (tx: TxStore<M>) => Promise<R>): Promise<R>
  /**
   * Only on engines whose transactions run one at a time and so never conflict (the SQLite
   * store): runs `work` inside one transaction with the whole store at hand (its writes commit
   * together or not at all; `transaction` inside it joins it). Code that keeps a crowd's shared
   * documents out of transactions for CloudBase's sake uses it to stay crash-atomic where that
   * costs nothing. Absent elsewhere (CloudBase, wrappers).
   */
  atomically?<R>(work: (store: Store<M>) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export interface TxStore<M> {
  collection<K extends Extract<keyof M, string>>(name: K): TxCollection<M[K] & BaseDoc>
}

/** Thrown by `insert` when the id is taken. The runtime maps it to 409. */
export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${id} in ${collection}`)
    this.name = 'DuplicateIdError'
  }
}

/** Thrown for a malformed or foreign paging cursor. The runtime maps it to 400 on field `after`. */
export class BadCursorError extends Error {
  constructor() {
    super('bad paging cursor')
    this.name = 'BadCursorError'
  }
}

export const MAX_PAGE = 100

/**
 * Every page of a keyset query, in the query's own order, `MAX_PAGE` at a time. Unlike `scan`,
 * which pages by `_id`, each page on CloudBase reads just its slice of an index that yields the order.
 */
export async function* pagesOf<T extends BaseDoc>(collection: Pick<Collection<T>, 'find'>, query: Omit<FindQuery<T>, 'after' | 'limit'>): AsyncIterable<T[]> {
  let after: string | null = null
  do {
    const page = await collection.find({ ...query, limit: MAX_PAGE, after })
    yield page.items
    after = page.next
  } while (after)
}
