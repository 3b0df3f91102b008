import { feedbackContributions } from '../domain/feedback'
import { eventContributions, reachContributions } from '../domain/event'
import { intentContributions } from '../domain/case'
import { staffContributions } from '../domain/staff'
import { responseContributions, type Survey } from '../domain/survey'
import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import { shareArrivalContributions } from '../domain/share'
import type { Counted } from './counters'

/**
 * A collection whose records move the per-org, per-period counters. Reconciliation scans each
 * source in batches and sums `counted(doc)` per (org, period); the writes of that collection
 * must move the counters by exactly `counted(after) − counted(before)` (see
 * `applyCountedChange`), so a recount equals what the writes left.
 */
export interface CounterSource {
  collection: keyof Collections
  /** Loads what `counted` needs beside the record itself (small: e.g. surveys by id). */
  prepare?: (store: Store<Collections>) => Promise<unknown>
  /** The org and contributions of one record, or null when it counts for nothing. */
  counted(doc: never, prepared: never): Counted | null
}

/** Typed constructor, so each entry's `counted` sees its own document type. */
export function counterSource<K extends keyof Collections, P = undefined>(
  collection: K,
  counted: (doc: Collections[K], prepared: P) => Counted | null,
  prepare?: (store: Store<Collections>) => Promise<P>,
): CounterSource {
  return { collection, counted, prepare }
}

/** Counter fields no source recounts: a community's baseline, entered by staff (prefix `base_`). */
export { BASELINE_PREFIX } from '../domain/indices'

async function surveysById(store: Store<Collections>): Promise<Map<string, Survey>> {
  const out = new Map<string, Survey>()
  for await (const batch of store.collection('surveys').scan(undefined, 100)) for (const s of batch) out.set(s._id, s)
  return out
}

/** Every counted collection. Each feature adds its own entry here. */
export const COUNTER_SOURCES: CounterSource[] = [
  counterSource('cases', (i) => ({ orgId: i.communityId, contributions: intentContributions(i) })),
  counterSource('events', (e) => ({ orgId: e.orgId, contributions: eventContributions(e) })),
  counterSource('eventReach', (r) => ({ orgId: r.orgId, contributions: reachContributions(r) })),
  counterSource('staff', (s) => ({ orgId: s.orgId, contributions: staffContributions(s) })),
  counterSource(
    'surveyResponses',
    (r, surveys: Map<string, Survey>) => {
      const survey = surveys.get(r.surveyId)
      return survey ? { orgId: survey.orgId, contributions: responseContributions(survey, r) } : null
    },
    surveysById,
  ),
  counterSource('feedback', (f) => ({ orgId: f.communityId, contributions: feedbackContributions(f) })),
  counterSource('shareArrivals', (doc) => ({ orgId: doc.orgId, contributions: shareArrivalContributions(doc) })),
]
