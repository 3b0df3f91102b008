/**
 * The evaluation year's deadlines as every feature reads them: the year's (set by the city with
 * `evaluation.deadlines`, else the seeds' months) and a community's own, with the extensions the
 * city granted it (`evaluation.extend`, collection `evaluationExtensions`). The `evaluation`
 * actions and the workbench's "evaluation step due" line both read them here, so an extension
 * moves the date everywhere at once.
 */
import { DEADLINE_KEYS, type DeadlineKey, defaultDeadlines, effectiveDeadlines, type EvaluationDeadlines, type EvaluationExtensionDoc } from '../domain/evaluation'
import type { Collections } from '../store/collections'
import { type Store, where } from '../store/port'

type Reads = Pick<Store<Collections>, 'collection'>

/** A year's deadlines and whether the city set them (`custom`). */
export type YearDeadlines = EvaluationDeadlines & { custom: boolean }
/** A community's deadlines for a year, and which of them an extension moved. */
export type CommunityDeadlines = YearDeadlines & { extended: DeadlineKey[] }

/** A year's deadlines: the city's, or the seeds' months. One read. */
export async function deadlinesOf(store: Reads, year: number): Promise<YearDeadlines> {
  const doc = await store.collection('evaluationDeadlines').get(String(year))
  if (!doc) return { ...defaultDeadlines(year), custom: false }
  return { apply: doc.apply, review: doc.review, certify: doc.certify, spotCheck: doc.spotCheck, custom: true }
}

function withExtension(base: YearDeadlines, ext: Pick<EvaluationExtensionDoc, 'deadlines'> | null): CommunityDeadlines {
  const d = effectiveDeadlines(base, ext)
  return { ...d, custom: base.custom, extended: DEADLINE_KEYS.filter((k) => d[k] !== base[k]) }
}

/** A community's deadlines for a year: the year's, with the extensions the city granted it. Two reads. */
export async function deadlinesFor(store: Reads, year: number, communityId: string): Promise<CommunityDeadlines> {
  const [base, ext] = await Promise.all([deadlinesOf(store, year), store.collection('evaluationExtensions').get(`${communityId}:${year}`)])
  return withExtension(base, ext)
}

/**
 * Many communities' deadlines for a year, by community id: the year's read once and the
 * extensions of all of them read together (one query per 50 communities), not one read each.
 */
export async function deadlinesForEach(store: Reads, year: number, communityIds: readonly string[]): Promise<Map<string, CommunityDeadlines>> {
  const base = await deadlinesOf(store, year)
  const ids = [...new Set(communityIds)]
  const exts = new Map<string, EvaluationExtensionDoc>()
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50).map((id) => `${id}:${year}`)
    for await (const batch of store.collection('evaluationExtensions').scan(where.in<EvaluationExtensionDoc>('_id', chunk), 100)) for (const e of batch) exts.set(e.communityId, e)
  }
  return new Map(ids.map((id) => [id, withExtension(base, exts.get(id) ?? null)]))
}
