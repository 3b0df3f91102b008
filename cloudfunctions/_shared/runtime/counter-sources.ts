import type { Collections } from '../store/collections'
import { shareArrivalContributions } from '../domain/share'
import type { Counted } from './counters'

/**
 * A collection whose records move the per-org, per-period counters. Reconciliation scans each
 * source in batches and sums `counted(doc)` per (org, period); the writes of that collection
 * must move the counters by exactly `counted(after) − counted(before)` (see
 * `applyCountedChange`), so a recount equals what the writes left.
 */
export interface CounterSource<K extends keyof Collections = keyof Collections> {
  collection: K
  /** The org and contributions of one record, or null when it counts for nothing. */
  counted(doc: Collections[K]): Counted | null
}

/** Typed constructor, so each entry's `counted` sees its own document type. */
export function counterSource<K extends keyof Collections>(collection: K, counted: (doc: Collections[K]) => Counted | null): CounterSource {
  return { collection, counted: counted as CounterSource['counted'] }
}

/** Counter fields no source recounts: a community's baseline, entered by staff (prefix `base_`). */
export const BASELINE_PREFIX = 'base_'

/** Every counted collection. Each feature adds its own entry here. */
export const COUNTER_SOURCES: CounterSource[] = [
  counterSource('shareArrivals', (doc) => ({ orgId: doc.orgId, contributions: shareArrivalContributions(doc) })),
]
