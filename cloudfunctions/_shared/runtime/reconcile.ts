import { type Counter, counterId } from '../domain/counter'
import { periodsOf } from '../domain/period'
import type { Drift, ReconcileReport } from '../contracts/indices'
import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import { BASELINE_PREFIX, COUNTER_SOURCES, type CounterSource } from './counter-sources'
import type { Counted } from './counters'
import { dayInstant } from './counters'

const MAX_LISTED = 200
const BATCH = 500

type Expected = Map<string, Map<string, number>>

/** The month, quarter and year of a Shanghai day, memoised: a million records share a few thousand days. */
export const periodsOfDay = (() => {
  const memo = new Map<string, string[]>()
  return (date: string): string[] => {
    let p = memo.get(date)
    if (!p) memo.set(date, (p = Object.values(periodsOf(dayInstant(date)))))
    return p
  }
})()

function add(expected: Expected, counted: Counted): void {
  for (const c of counted.contributions) {
    const entries = Object.entries(c.inc).filter(([, n]) => n !== 0)
    if (!entries.length) continue
    for (const period of periodsOfDay(c.date)) {
      const id = counterId(counted.orgId, period)
      let doc = expected.get(id)
      if (!doc) expected.set(id, (doc = new Map()))
      for (const [metric, n] of entries) doc.set(metric, (doc.get(metric) ?? 0) + n)
    }
  }
}

/**
 * Recounts every counter from the raw records and compares. Memory is bounded by the number of
 * counter documents (orgs × periods), not by the records: each source is read `BATCH` at a time.
 * Repairs increment each drifted field by its drift instead of overwriting it, so a write that
 * lands while the job runs is never lost. Baseline fields (`base_…`) are staff input, not counts,
 * and are left alone.
 */
export async function reconcileCounters(
  store: Store<Collections>,
  options: { repair: boolean; now?: () => number; sources?: readonly CounterSource[] },
): Promise<ReconcileReport> {
  const clock = options.now ?? Date.now
  const started = clock()
  const expected: Expected = new Map()
  const scanned: Record<string, number> = {}
  for (const source of options.sources ?? COUNTER_SOURCES) {
    const prepared = source.prepare ? await source.prepare(store) : undefined
    const counted = source.counted as (doc: unknown, prepared: unknown) => Counted | null
    let n = 0
    for await (const batch of store.collection(source.collection).scan(undefined, BATCH)) {
      for (const doc of batch) {
        n++
        const c = counted(doc, prepared)
        if (c) add(expected, c)
      }
    }
    scanned[source.collection] = n
  }

  const drift: Drift[] = []
  let driftCount = 0
  let counterDocs = 0
  const fixes: { id: string; inc: Record<string, number> }[] = []
  const note = (id: string, metric: string, stored: number, want: number) => {
    driftCount++
    if (drift.length < MAX_LISTED) drift.push({ id, metric, stored, expected: want })
  }
  for await (const batch of store.collection('counters').scan(undefined, BATCH)) {
    for (const doc of batch) {
      counterDocs++
      const want = expected.get(doc._id) ?? new Map<string, number>()
      expected.delete(doc._id)
      const inc: Record<string, number> = {}
      const metrics = new Set([...Object.keys(doc).filter((k) => typeof doc[k] === 'number'), ...want.keys()])
      for (const metric of metrics) {
        if (metric.startsWith(BASELINE_PREFIX)) continue
        const stored = typeof doc[metric] === 'number' ? (doc[metric] as number) : 0
        const w = want.get(metric) ?? 0
        if (stored !== w) {
          note(doc._id, metric, stored, w)
          inc[metric] = w - stored
        }
      }
      if (Object.keys(inc).length) fixes.push({ id: doc._id, inc })
    }
  }
  // Documents the recount has and the store lacks.
  const missing: Counter[] = []
  for (const [id, want] of expected) {
    const sep = id.lastIndexOf(':')
    const doc: Counter = { _id: id, orgId: id.slice(0, sep), period: id.slice(sep + 1) }
    for (const [metric, n] of want) {
      if (n === 0) continue
      doc[metric] = n
      note(id, metric, 0, n)
    }
    if (Object.keys(doc).length > 3) missing.push(doc)
  }
  if (options.repair) {
    for (const f of fixes) await store.collection('counters').update(f.id, { inc: f.inc })
    for (const doc of missing) {
      await store.transaction(async (tx) => {
        const existing = await tx.collection('counters').get(doc._id)
        if (!existing) return tx.collection('counters').insert(doc)
        const inc: Record<string, number> = {}
        for (const [k, v] of Object.entries(doc)) if (typeof v === 'number') inc[k] = v
        await tx.collection('counters').update(doc._id, { inc })
      })
    }
  }
  return { scanned, counterDocs, drift, driftCount, repaired: options.repair && driftCount > 0, ms: clock() - started }
}
