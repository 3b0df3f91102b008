/**
 * feedback.stats counts by status from the counters. On a copy of the demo database as the
 * previous version stored it (no status stock in the counters), the migration recounts the
 * stock from the items: every community's year documents then sum to its items per status,
 * reconciliation finds no drift, and a second run changes nothing.
 */
import type { Counter } from '../../domain/counter'
import { type Feedback, feedbackContributions, FEEDBACK_METRICS, FEEDBACK_STATUSES } from '../../domain/feedback'
import { applyCountedChange } from '../counters'
import { periodKind } from '../../domain/period'
import { runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'
import { demoCopy } from '../../testing/demo-copy'

describe('feedback status counters', () => {
  const demo = demoCopy('fbstatus')

  it('recounts the status stock of a demo database stored without it', async () => {
    const { store } = await demo.seed()
    // Items in every status, last year and this (moved into the counters as the actions do).
    const statuses = ['received', 'in_progress', 'answered', 'closed', 'received', 'closed', 'answered'] as const
    for (const [i, status] of statuses.entries()) {
      const createdAt = new Date(Date.now() - i * 200 * 86400_000).toISOString()
      const f = {
        _id: `fb_m${i}`, kind: i % 2 ? 'service_complaint' : 'suggestion', communityId: i % 3 ? 'c-jinsha' : 'c-other', communityPath: [], status, createdAt,
        firstAnsweredAt: null, firstDueDate: createdAt.slice(0, 10), dueDate: createdAt.slice(0, 10), rating: null, ratedAt: null, closedAt: status === 'closed' ? createdAt : null,
      } as unknown as Feedback
      await store.transaction(async (tx) => {
        await tx.collection('feedback').insert(f)
        await applyCountedChange(tx, null, { orgId: f.communityId, contributions: feedbackContributions(f) })
      })
    }
    const items: Feedback[] = []
    for await (const b of store.collection('feedback').scan(undefined, 500)) items.push(...b)
    expect(items.length).toBeGreaterThanOrEqual(statuses.length)
    const counters = async () => {
      const out: Counter[] = []
      for await (const b of store.collection('counters').scan(undefined, 500)) out.push(...b)
      return out
    }
    // The previous version's counters: no status stock.
    const metrics = FEEDBACK_STATUSES.map((s) => FEEDBACK_METRICS.inStatus(s))
    for (const c of await counters()) {
      if (!metrics.some((m) => m in c)) continue
      const old = Object.fromEntries(Object.entries(c).filter(([k]) => !metrics.includes(k))) as Counter
      await store.collection('counters').put(old)
    }
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBeGreaterThan(0)

    const report = await runMigrations(store)
    expect(report.applied.find((a) => a.name === '2026-12-feedback-status-counters')?.changed).toBeGreaterThan(0)
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBe(0)
    const years = (await counters()).filter((c) => periodKind(c.period) === 'year')
    for (const community of new Set(items.map((f) => f.communityId))) {
      for (const status of FEEDBACK_STATUSES) {
        const stock = years.filter((c) => c.orgId === community).reduce((n, c) => n + ((c[FEEDBACK_METRICS.inStatus(status)] as number | undefined) ?? 0), 0)
        expect([community, status, stock]).toEqual([community, status, items.filter((f) => f.communityId === community && f.status === status).length])
      }
    }
    expect((await runMigrations(store)).skipped).toContain('2026-12-feedback-status-counters')
    await store.close()
  }, 60_000)
})
