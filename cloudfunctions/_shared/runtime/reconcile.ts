import { type Counter, counterId, placementsOf } from '../domain/counter'
import { countedPeriodsOf } from '../domain/period'
import type { Drift, ReconcileReport } from '../contracts/indices'
import type { Collections } from '../store/collections'
import type { Org } from '../domain/org'
import type { Survey } from '../domain/survey'
import { type BaseDoc, type Filter, type Store, where } from '../store/port'
import { BASELINE_PREFIX, COUNTER_SOURCES, type CounterSource } from './counter-sources'
import type { Counted } from './counters'
import { dayInstant } from './counters'
import { defineJob } from './jobs'
import { refreshComputedAverage } from '../application/census'

const MAX_LISTED = 200
const BATCH = 500

type Expected = Map<string, Map<string, number>>

/** The counted periods (month and year) of a Shanghai day, memoised: a million records share a few thousand days. */
export const periodsOfDay = (() => {
  const memo = new Map<string, string[]>()
  return (date: string): string[] => {
    let p = memo.get(date)
    if (!p) memo.set(date, (p = countedPeriodsOf(dayInstant(date))))
    return p
  }
})()

function add(expected: Expected, counted: Counted): void {
  for (const c of counted.contributions) {
    const entries = Object.entries(c.inc).filter(([, n]) => n !== 0)
    if (!entries.length) continue
    const periods = periodsOfDay(c.date)
    for (const [metric, n] of entries) {
      for (const [period, field] of placementsOf(metric, periods)) {
        const id = counterId(counted.orgId, period)
        let doc = expected.get(id)
        if (!doc) expected.set(id, (doc = new Map()))
        doc.set(field, (doc.get(field) ?? 0) + n)
      }
    }
  }
}

/** What a comparison found, added up over chunks. */
interface Tally {
  counterDocs: number
  drift: Drift[]
  driftCount: number
}

/**
 * Compares stored counters with `expected` (consumed: what is left had no stored document) and,
 * when asked, repairs. Repairs increment each drifted field by its drift, so redoing a
 * comparison after a partial repair finds only what is still off: never a double correction.
 */
async function settle(store: Store<Collections>, counters: AsyncIterable<Counter[]>, expected: Expected, repair: boolean, tally: Tally): Promise<void> {
  const fixes: { id: string; inc: Record<string, number> }[] = []
  const note = (id: string, metric: string, stored: number, want: number) => {
    tally.driftCount++
    if (tally.drift.length < MAX_LISTED) tally.drift.push({ id, metric, stored, expected: want })
  }
  for await (const batch of counters) {
    for (const doc of batch) {
      tally.counterDocs++
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
  if (!repair) return
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

  const tally: Tally = { counterDocs: 0, drift: [], driftCount: 0 }
  await settle(store, store.collection('counters').scan(undefined, BATCH), expected, options.repair, tally)
  const { counterDocs, drift, driftCount } = tally
  return { scanned, counterDocs, drift, driftCount, repaired: options.repair && driftCount > 0, ms: clock() - started }
}

/** One counted collection cut by org: the records `counted` gives to that org. */
interface OrgSlice {
  collection: keyof Collections
  /** Null when the org has none (e.g. no surveys). */
  scan(store: Store<Collections>, orgId: string, prepared: unknown): AsyncIterable<unknown[]> | null
}

function slice<K extends keyof Collections>(collection: K, filter: (orgId: string, prepared: unknown) => Filter<Collections[K] & BaseDoc> | null): OrgSlice {
  return {
    collection,
    scan: (store, orgId, prepared) => {
      const f = filter(orgId, prepared)
      return f ? store.collection(collection).scan(f, BATCH) : null
    },
  }
}

/**
 * Each counter source's records of one org, read through an index (indexes.ts). Mirrors the
 * `orgId` each source's `counted` returns; the chunked-equals-whole test holds the two together,
 * and `ORG_SLICES` must cover every source (checked at load).
 */
const ORG_SLICES: Record<string, OrgSlice> = Object.fromEntries(
  [
    slice('cases', (org) => where.eq('communityId', org)),
    slice('events', (org) => where.eq('orgId', org)),
    slice('eventReach', (org) => where.eq('orgId', org)),
    slice('staff', (org) => where.eq('orgId', org)),
    slice('surveyResponses', (org, surveys) => {
      const ids = [...(surveys as Map<string, Survey>).values()].filter((s) => s.orgId === org).map((s) => s._id)
      return ids.length ? where.in('surveyId', ids) : null
    }),
    slice('feedback', (org) => where.eq('communityId', org)),
    slice('shareArrivals', (org) => where.eq('orgId', org)),
  ].map((s) => [s.collection, s]),
)
for (const source of COUNTER_SOURCES) {
  if (!ORG_SLICES[source.collection]) throw new Error(`reconcile: no per-org slice for counter source ${source.collection}`)
}

/** The recount job's progress: the report so far. */
type ReconcileAcc = Omit<ReconcileReport, 'repaired'>

/** Orgs per chunk: a community's records (a few thousand cases) take well under a second. */
export const ORGS_PER_CHUNK = 10

/**
 * Recounts a few orgs: every source read for those orgs only, then their counter documents
 * compared and (when asked) repaired. Redone after a crash, the repair finds only what is still
 * off (see `settle`). Records of an org that no longer exists are not visited; the whole-store
 * `reconcileCounters` (run at each local start) still covers them.
 */
export async function reconcileOrgs(store: Store<Collections>, orgIds: readonly string[], repair: boolean, into: ReconcileAcc): Promise<void> {
  const prepared = new Map<string, unknown>()
  for (const source of COUNTER_SOURCES) if (source.prepare) prepared.set(source.collection, await source.prepare(store))
  for (const orgId of orgIds) {
    const expected: Expected = new Map()
    for (const source of COUNTER_SOURCES) {
      const counted = source.counted as (doc: unknown, prepared: unknown) => Counted | null
      const batches = ORG_SLICES[source.collection].scan(store, orgId, prepared.get(source.collection))
      let n = 0
      if (batches) {
        for await (const batch of batches) {
          for (const doc of batch) {
            n++
            const c = counted(doc, prepared.get(source.collection))
            if (c && c.orgId === orgId) add(expected, c)
          }
        }
      }
      into.scanned[source.collection] = (into.scanned[source.collection] ?? 0) + n
    }
    await settle(store, store.collection('counters').scan(where.eq<Counter>('orgId', orgId), BATCH), expected, repair, into)
  }
}

/** The recount as a job: the cursor is the last org id done, orgs taken in id order. */
export const reconcileJob = defineJob<{ repair: boolean }, ReconcileAcc, ReconcileReport>({
  kind: 'reconcile',
  async chunk({ params, cursor, acc, store }) {
    const t0 = Date.now()
    const { items } = await store.collection('orgs').find({ where: where.gt<Org>('_id', cursor), orderBy: [{ field: '_id', dir: 'asc' }], limit: ORGS_PER_CHUNK })
    // A fresh copy: the runner saves `acc` only with the cursor, so a thrown chunk leaves no trace.
    const next: ReconcileAcc = { ...acc, scanned: { ...acc.scanned }, drift: [...acc.drift] }
    await reconcileOrgs(store, items.map((o) => o._id), params.repair, next)
    next.ms += Date.now() - t0
    const after = items.length ? items[items.length - 1]._id : cursor
    // Counted, not added up, so a redone chunk cannot count its orgs twice.
    const total = await store.collection('orgs').count()
    const done = after ? await store.collection('orgs').count(where.lte<Org>('_id', after)) : 0
    return { cursor: after, acc: next, done, total, finished: items.length < ORGS_PER_CHUNK }
  },
  async finish({ params, acc, store, now }) {
    // After a repairing recount, a computed 当地平均数 follows the repaired counters (issue 21 item 9).
    const average = params.repair ? await refreshComputedAverage(store, now) : null
    return { ...acc, repaired: params.repair && acc.driftCount > 0, ...(average ? { localAverage: { year: average.year, percent: average.percent } } : {}) }
  },
})

/** A new recount job's starting state. */
export function reconcileStart(repair: boolean, orgCount: number) {
  const acc: ReconcileAcc = { scanned: {}, counterDocs: 0, drift: [], driftCount: 0, ms: 0 }
  return { params: { repair }, acc, total: orgCount }
}
