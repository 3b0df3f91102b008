import type { SearchResult } from '../cloudfunctions/_shared/contracts/service'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { serviceActions } from '../cloudfunctions/service/actions'
import { seedDemo } from './seed'
import { NEVER_SHOWN, SEARCH_QUESTIONS, type SearchQuestion } from './search-questions'

/** The seeding moment the question set was written against; questions are asked a minute later. */
export const QUALITY_SEEDED_AT = new Date('2026-12-04T02:00:00.000Z')

export interface SearchQuality {
  questions: number
  hits: number
  /** hits ÷ questions */
  rate: number
  misses: { q: string; wanted: string[]; got: string[] }[]
  /** Items of NEVER_SHOWN that some answer showed (must be empty). */
  leaked: string[]
  /** Store reads per search (CloudBase billing: one per document call or query page), max over the set. */
  maxReads: number
  /** Milliseconds per search, median and worst, in this process. */
  p50Ms: number
  maxMs: number
}

/**
 * Seeds the demo data into a fresh in-memory store, makes a 金沙社区 resident, asks every
 * question of the set (the tuning set unless told) through `service.search` as the client would, and scores the top three.
 * `wrap` lets the bench count store operations.
 */
export async function measureSearchQuality(
  wrap: (s: Store<Collections>) => Store<Collections> = (s) => s,
  reads?: { reads: number },
  questions: readonly SearchQuestion[] = SEARCH_QUESTIONS,
): Promise<SearchQuality> {
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('search-quality-secret-search-quality'))
  await seedDemo(raw, QUALITY_SEEDED_AT, { forcePasswordChange: false })
  await raw.collection('profiles').put({ _id: 'r_quality', communityId: 'c-jinsha', targetGroups: [], updatedAt: QUALITY_SEEDED_AT.toISOString() })
  const store = wrap(raw)
  const now = () => new Date(QUALITY_SEEDED_AT.getTime() + 60_000)
  const ask = async (q: string) => {
    const { body } = await dispatch(serviceActions, { action: 'search', data: { q } }, { fn: 'service', store, identity: { residentId: 'r_quality' }, keyring, now })
    if (!body.ok) throw new Error(`search ${q}: ${JSON.stringify(body.error)}`)
    return body.data as SearchResult
  }
  const misses: SearchQuality['misses'] = []
  const leaked = new Set<string>()
  const times: number[] = []
  let maxReads = 0
  for (const question of questions) {
    const before = reads?.reads ?? 0
    const t0 = performance.now()
    const r = await ask(question.q)
    times.push(performance.now() - t0)
    maxReads = Math.max(maxReads, (reads?.reads ?? 0) - before)
    const got = r.top.map((h) => h.id)
    for (const g of r.groups) for (const h of g.items) if (NEVER_SHOWN.includes(h.id)) leaked.add(h.id)
    if (!question.top3.every((id) => got.includes(id))) misses.push({ q: question.q, wanted: question.top3, got })
  }
  await raw.close()
  times.sort((a, b) => a - b)
  const total = questions.length
  return {
    questions: total,
    hits: total - misses.length,
    rate: (total - misses.length) / total,
    misses,
    leaked: [...leaked],
    maxReads,
    p50Ms: times[Math.floor(times.length / 2)],
    maxMs: times[times.length - 1],
  }
}
