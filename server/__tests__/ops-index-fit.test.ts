/**
 * Every query the actions make, as bench/ops.ts drives all of them, seeks on an index declared in
 * INDEXES (the ones `npm run cloud:setup` creates on CloudBase), judged as a document database
 * uses a compound index (`store/index-fit.ts`). A query no index can seek on reads the whole
 * collection on CloudBase: slow on a city's cases or complaints, and liable to hit its time limit.
 * A sorted list must also get its whole order from the index, the `_id` tie-break the stores append
 * included: otherwise MongoDB sorts every sought match in memory to return one page.
 */
import type { RecordedQuery } from '../../bench/counting-store'
import { opsPerAction, SMALL_CODES } from '../../bench/ops'
import { indexFit } from '../../cloudfunctions/_shared/store/index-fit'
import { type IndexDeclaration, INDEXES } from '../../cloudfunctions/_shared/store/indexes'
import type { Filter } from '../../cloudfunctions/_shared/store/port'

jest.setTimeout(60_000)

/** Reads of a whole collection by design, with why each is bounded or must be whole. */
const WHOLE_BY_DESIGN = new Map<string, string>([
  // The recount reads every counted record by definition (it is what rebuilds the counters).
  ['indices.reconcile surveys', 'the recount reads every survey'],
  ['indices.reconcile orgs', 'the recount counts the org tree'],
  // The org tree: one document per city, district, street and community (about a thousand for a city).
  ['org.tree orgs', 'the whole org tree, bounded by the city’s structure'],
])

/** Sorted in memory after an index seek: each list is one survey period's surveys, one office's child orgs. */
const SORTED_IN_MEMORY = new Set(['survey.results surveys', 'feedback.stats orgs'])

function shape(f: Filter<unknown> | undefined): string {
  if (!f) return '*'
  if (f.op === 'and' || f.op === 'or') return `${f.op}(${f.filters.map(shape).join(', ')})`
  return `${String((f as { field?: unknown }).field)} ${f.op}`
}

test('every query the actions make seeks on a declared index, or is a whole read listed by design', async () => {
  const queries: RecordedQuery[] = []
  const result = await opsPerAction({ extra: 20, codes: SMALL_CODES, queries })
  // The drive ran every action the runtime serves, and the queries were seen.
  expect(result.notDriven).toEqual([])
  expect(queries.length).toBeGreaterThan(300)
  const unserved: string[] = []
  const unsorted: string[] = []
  const unscoped: string[] = []
  const allowedUnsorted = new Set<string>()
  for (const q of queries) {
    const fit = indexFit((INDEXES as unknown as Record<string, readonly IndexDeclaration<unknown>[]>)[q.collection] ?? [], q.filter, q.orderBy)
    const key = `${q.action} ${q.collection}`
    if (fit.kind === 'none' && !WHOLE_BY_DESIGN.has(key)) unserved.push(`${key}: ${q.op} ${shape(q.filter)}`)
    if (fit.kind === 'index' && fit.ownersMissed.length) unscoped.push(`${key}: ${q.op} ${shape(q.filter)} via ${fit.index}, not on ${fit.ownersMissed.join(' / ')}`)
    if (fit.kind === 'index' && !fit.sorted && SORTED_IN_MEMORY.has(key)) allowedUnsorted.add(key)
    else if (fit.kind === 'index' && !fit.sorted) unsorted.push(`${key}: ${q.op} ${shape(q.filter)} by ${q.orderBy.map((o) => o.field).join(', ') || '_id'}`)
  }
  expect([...new Set(unserved)]).toEqual([])
  expect([...new Set(unsorted)]).toEqual([])
  expect([...new Set(unscoped)]).toEqual([])
  // The allowances are still needed (a stale one hides nothing but misleads).
  const seen = new Set(queries.map((q) => `${q.action} ${q.collection}`))
  for (const key of WHOLE_BY_DESIGN.keys()) expect(seen).toContain(key)
  expect([...allowedUnsorted].sort()).toEqual([...SORTED_IN_MEMORY].sort())
})
