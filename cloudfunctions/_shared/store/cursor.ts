import { BadCursorError, type BaseDoc, type Filter, type OrderBy, type Scalar, where } from './port'

/** Sort keys of a query with the `_id` tiebreak appended. */
export function withTiebreak<T extends BaseDoc>(orderBy: readonly OrderBy<T>[] = []): OrderBy<T>[] {
  const keys = orderBy.filter((o) => o.field !== '_id')
  const dir = keys.length ? keys[keys.length - 1].dir : 'asc'
  return [...keys, { field: '_id' as OrderBy<T>['field'], dir }]
}

/** The cursor is the sort-key values of the last item of a page, tagged with the keys. */
export function encodeCursor<T extends BaseDoc>(item: T, keys: readonly OrderBy<T>[]): string {
  const values = keys.map((k) => (item as unknown as Record<string, unknown>)[k.field] ?? null)
  return Buffer.from(JSON.stringify({ k: keys.map((k) => k.field), v: values }), 'utf8').toString('base64url')
}

export function decodeCursor<T extends BaseDoc>(cursor: string, keys: readonly OrderBy<T>[]): Scalar[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new BadCursorError()
  }
  if (!parsed || typeof parsed !== 'object') throw new BadCursorError()
  const { k, v } = parsed as { k?: unknown; v?: unknown }
  if (!Array.isArray(k) || !Array.isArray(v) || k.length !== keys.length || v.length !== keys.length) {
    throw new BadCursorError()
  }
  keys.forEach((key, i) => {
    if (k[i] !== key.field) throw new BadCursorError()
    const value = v[i]
    if (typeof value !== 'string' && typeof value !== 'number') throw new BadCursorError()
  })
  return v as Scalar[]
}

/**
 * The keyset condition "comes after the cursor": for keys a, b, _id it is
 * a ≻ va OR (a = va AND (b ≻ vb OR (b = vb AND _id ≻ vid))).
 * Sort keys must hold non-null strings or numbers.
 */
export function afterFilter<T extends BaseDoc>(keys: readonly OrderBy<T>[], values: readonly Scalar[]): Filter<T> {
  const build = (i: number): Filter<T> => {
    const key = keys[i]
    const value = values[i] as string | number
    const beyond = key.dir === 'asc' ? where.gt<T>(key.field, value) : where.lt<T>(key.field, value)
    if (i === keys.length - 1) return beyond
    return where.or<T>(beyond, where.and<T>(where.eq<T>(key.field, value), build(i + 1)))
  }
  return build(0)
}
