/**
 * Canonical EJSON as the CloudBase SDK sends it and CloudBase answers it, for tests that stand at
 * the SDK's HTTP boundary (the adapter's nock tests, the built bundle's in-memory CloudBase).
 */

/** Plain values → canonical EJSON: numbers carry their BSON type. */
export function toEjson(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? { $numberInt: String(value) } : { $numberDouble: String(value) }
  }
  if (Array.isArray(value)) return value.map(toEjson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEjson(v)]))
  return value
}

/** Canonical EJSON → plain values; a `$regularExpression` stays as it is. */
export function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson)
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.$numberInt === 'string') return Number(o.$numberInt)
    if (typeof o.$numberDouble === 'string') return Number(o.$numberDouble)
    if (typeof o.$numberLong === 'string') return Number(o.$numberLong)
    if (o.$regularExpression) return o
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromEjson(v)]))
  }
  return value
}
