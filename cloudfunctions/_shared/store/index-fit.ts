/**
 * Which declared index (INDEXES) a query can seek on, as a document database such as CloudBase's
 * uses a compound index: the query must constrain the index's first field (equality, `in`, a
 * range, or array membership, which a multikey index serves). A query that constrains no index's
 * first field reads the whole collection on CloudBase, however few documents it returns; on a
 * large collection that is slow and can fail with a time limit. The embedded store's SQLite plans
 * are no guide here: its expression indexes cannot serve array membership at all.
 */
import { withTiebreak } from './cursor'
import type { IndexDeclaration } from './indexes'
import type { BaseDoc, Filter, OrderBy } from './port'

type Seek = 'point' | 'range'

/** How each comparison lets an index seek (`eq` to `null` matches absent fields too: no seek). */
const SEEKS: Record<Exclude<Filter<unknown>['op'], 'and' | 'or'>, Seek | undefined> = {
  eq: 'point',
  in: 'point',
  has: 'point',
  hasAny: 'point',
  gt: 'range',
  gte: 'range',
  lt: 'range',
  lte: 'range',
  ne: undefined,
  contains: undefined,
}

/**
 * The fields a filter lets an index seek on, and how: `eq` (not `null`), `in`, `has`, `hasAny`
 * seek to points, comparisons to a range; `ne` and `contains` do not seek. Under `and` any
 * conjunct's field can be sought; under `or` only a field every branch seeks on.
 */
export function seekFields<T>(filter: Filter<T> | undefined): Map<string, Seek> {
  const out = new Map<string, Seek>()
  if (!filter) return out
  if (!('filters' in filter)) {
    const seek = filter.op === 'eq' && filter.value === null ? undefined : SEEKS[filter.op]
    if (seek) out.set(filter.field, seek)
  } else if (filter.op === 'and') {
    for (const part of filter.filters) {
      for (const [field, seek] of seekFields(part)) if (out.get(field) !== 'point') out.set(field, seek)
    }
  } else {
    const [first, ...rest] = filter.filters.map((f) => seekFields(f))
    for (const [field, seek] of first ?? []) {
      if (!rest.every((m) => m.has(field))) continue
      out.set(field, seek === 'point' && rest.every((m) => m.get(field) === 'point') ? 'point' : 'range')
    }
  }
  return out
}

export type IndexFit =
  /** Sought by `_id` (the collection's own key). */
  | { kind: 'id' }
  /**
   * Sought on `index`; `sorted`: the whole order the store asks for comes from it, the `_id`
   * tie-break included. A list or scan ordered by `_id` alone counts as sorted when the index's
   * first field is sought to points: what is sorted is one community's, one resident's or one
   * org's records. After a range seek it is not: every match of the range, batch after batch.
   * `sought`: the index's leading fields the query seeks on (points, then at most one range).
   * `ownersMissed`: owner fields (`isOwnerField`) the query names as points while the index
   * seeks on no owner at all: it walks every owner's records to find this one's.
   */
  | { kind: 'index'; index: string; sorted: boolean; sought: string[]; ownersMissed: string[] }
  /** No index's first field is constrained: the whole collection is read. */
  | { kind: 'none' }

/**
 * Whether `index` yields the store's order for `orderBy` after the query's point-sought fields.
 * Both stores append the `_id` tie-break to every sort (store/cursor.ts withTiebreak), so an index
 * that ends at the last sort key leaves a document database to sort every sought match in memory
 * to find one page (MongoDB's blocking SORT stage reads a whole district's cases for page one).
 */
function sortsBy<T>(index: IndexDeclaration<T>, seek: Map<string, Seek>, orderBy: readonly OrderBy<T>[]): boolean {
  if (!orderBy.some((o) => o.field !== '_id')) return seek.get(index.fields[0]?.field) === 'point'
  const keys = withTiebreak(orderBy as readonly OrderBy<BaseDoc>[]) as OrderBy<T>[]
  let i = 0
  while (i < index.fields.length && seek.get(index.fields[i].field) === 'point' && index.fields[i].field !== keys[0].field) i++
  const rest = index.fields.slice(i, i + keys.length)
  if (rest.length < keys.length || rest.some((f, k) => f.field !== keys[k].field)) return false
  const same = rest.every((f, k) => f.dir === keys[k].dir)
  const reversed = rest.every((f, k) => f.dir !== keys[k].dir)
  return same || reversed
}

/**
 * Fields that partition records by owner: an org, a community, a resident, an event, an org path.
 * A query that names one is one owner's list; sought on an index without it, it walks every
 * owner's records in that index, and its cost grows with the city instead of with the page.
 */
export const isOwnerField = (field: string): boolean => /(Id|Ids|Path)$|^path$/.test(field)

/** The index's leading fields `seek` constrains: every point, then at most one range. */
function soughtPrefix<T>(index: IndexDeclaration<T>, seek: Map<string, Seek>): string[] {
  const out: string[] = []
  for (const { field } of index.fields) {
    const how = seek.get(field)
    if (!how) break
    out.push(field)
    if (how === 'range') break
  }
  return out
}

/**
 * The best fit of a query among a collection's declared indexes, as a planner would pick it: one
 * that also yields the order; among those one that seeks on an owner field (`isOwnerField`), then
 * on the most fields. MongoDB races the candidate plans and the tighter seek returns a page first;
 * an owner's records are a small part of any collection here, a status's or a year's are not.
 */
export function indexFit<T>(indexes: readonly IndexDeclaration<T>[], filter: Filter<T> | undefined, orderBy: readonly OrderBy<T>[] = []): IndexFit {
  const seek = seekFields(filter)
  if (seek.has('_id')) return { kind: 'id' }
  const usable = indexes.filter((ix) => ix.fields.length && seek.has(ix.fields[0].field))
  // No filter an index can seek on, but an order one yields: the index is walked in order (a paged list of everything).
  const candidates = usable.length ? usable : indexes.filter((ix) => sortsBy(ix, new Map(), orderBy) && orderBy.some((o) => o.field !== '_id'))
  if (!candidates.length) return { kind: 'none' }
  const sorting = candidates.filter((ix) => sortsBy(ix, seek, orderBy))
  const ranked = (sorting.length ? sorting : candidates).map((ix) => {
    const sought = soughtPrefix(ix, seek)
    return { ix, sought, rank: (sought.some(isOwnerField) ? 1000 : 0) + sought.length }
  })
  const best = ranked.reduce((a, b) => (b.rank > a.rank ? b : a))
  const owners = [...seek].filter(([field, how]) => how === 'point' && isOwnerField(field)).map(([field]) => field)
  const ownersMissed = best.sought.some(isOwnerField) ? [] : owners
  return { kind: 'index', index: best.ix.name, sorted: sorting.length > 0, sought: best.sought, ownersMissed }
}
