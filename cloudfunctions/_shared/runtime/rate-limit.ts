import { createHash } from 'node:crypto'
import {
  countCeiling,
  type RateDecision,
  type RateLimit,
  type RateWindow,
  retryAfterSeconds,
  windowStartOf,
} from '../domain/rate-limit'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type Store, where } from '../store/port'
import type { Identity } from './caller'

/** Decides whether an identity may make another call now. */
export interface RateLimiter {
  hit(identity: string, nowMs: number): RateDecision
}

/**
 * A sliding-window limit per identity, in memory: exact for one process (the local runtime).
 * CloudBase runs many instances of a function, so there `storeRateLimiter` keeps the count.
 */
export function slidingWindowLimiter(limit: number, windowMs: number, maxIdentities = 50_000): RateLimiter {
  const hits = new Map<string, number[]>()
  return {
    hit(identity, nowMs) {
      const since = nowMs - windowMs
      const recent = (hits.get(identity) ?? []).filter((t) => t > since)
      if (recent.length >= limit) {
        hits.set(identity, recent)
        // The call passes once the oldest counted one leaves the window.
        const oldest = recent[recent.length - limit] ?? nowMs
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)) }
      }
      recent.push(nowMs)
      // Map keeps insertion order: re-inserting moves the identity to the end, so the oldest
      // idle identities are the first to go when the map is full.
      hits.delete(identity)
      hits.set(identity, recent)
      if (hits.size > maxIdentities) hits.delete(hits.keys().next().value as string)
      return { allowed: true }
    },
  }
}

/** The key a caller is counted under: what the transport vouched for, before any lookup. */
export function identityKey(identity: Identity): string {
  if ('openid' in identity) return `openid:${identity.openid}`
  if ('staffId' in identity) return `staff:${identity.staffId}`
  return `resident:${identity.residentId}`
}

/** The `rateLimits` document id of a caller: a hash, so no OPENID is stored in the clear. */
export function rateWindowId(key: string): string {
  return `rl_${createHash('sha256').update(key).digest('base64url')}`
}

/** A store-backed limiter: `hit` reads and writes the caller's `rateLimits` document. */
export interface StoreRateLimiter {
  hit(key: string, nowMs: number): Promise<RateDecision>
}

/**
 * How many times `hit` re-reads after losing a race to a concurrent call of the same caller.
 * Each lost race means another call of theirs was counted, so a caller who still loses after
 * this many is firing calls in parallel and is told to wait.
 */
const MAX_RACES = 8

/**
 * The per-caller limit kept in the store, so every instance of every function counts against
 * one number per caller (CloudBase starts as many instances as the load needs; an in-memory
 * count would be per instance). Each step is one atomic document write whose condition is what
 * was read (`update(..., onlyIf)`, a single `where({ _id, … }).update()` on CloudBase, one
 * `UPDATE … WHERE` in SQLite), so two instances cannot both take the last slot: the loser
 * re-reads. A call costs one read and one conditional write.
 *
 * Errors are the caller's to handle: `makeMain` lets the call through when the store fails
 * (fails open, see there).
 */
export function storeRateLimiter(store: Store<Collections>, rate: RateLimit): StoreRateLimiter {
  const windows = store.collection('rateLimits')
  return {
    async hit(key, nowMs) {
      const id = rateWindowId(key)
      const current = windowStartOf(nowMs, rate.windowMs)
      for (let race = 0; race < MAX_RACES; race++) {
        const doc = await windows.get(id)
        if (!doc) {
          try {
            await windows.insert({ _id: id, windowStart: current, count: 1, prevCount: 0 })
            return { allowed: true }
          } catch (err) {
            if (err instanceof DuplicateIdError) continue
            throw err
          }
        }
        if (doc.windowStart < current) {
          // A new window: the one just before becomes the previous count (an older one counts
          // for nothing). Only the instance that still sees the old window rolls it.
          const prevCount = doc.windowStart === current - rate.windowMs ? doc.count : 0
          await windows.update(id, { set: { windowStart: current, count: 0, prevCount } }, where.eq('windowStart', doc.windowStart))
          continue
        }
        // (A window ahead of `current` was rolled by an instance whose clock runs a little fast:
        // it is counted against as it stands.)
        const ceiling = countCeiling(rate, doc.prevCount, doc.windowStart, nowMs)
        if (doc.count > ceiling) return { allowed: false, retryAfterS: retryAfterSeconds(rate, doc, nowMs) }
        const taken = await windows.update(
          id,
          { inc: { count: 1 } },
          where.and<RateWindow>(where.eq('windowStart', doc.windowStart), where.lte('count', ceiling)),
        )
        if (taken) return { allowed: true }
      }
      return { allowed: false, retryAfterS: 1 }
    },
  }
}

/** A caller whose last counted call is this old has nothing left to count. */
export const RATE_WINDOW_IDLE_MS = 24 * 60 * 60_000

/**
 * Removes the `rateLimits` documents of callers idle for a day (the `sweepRateLimits` timer of
 * `maintenance`), until done or `budgetMs` is spent; the next run goes on. A caller who comes
 * back just starts a new document. Returns how many were removed and whether any are left.
 */
export async function sweepRateWindows(store: Store<Collections>, nowMs: number, budgetMs: number, clock: () => number = Date.now): Promise<{ removed: number; more: boolean }> {
  const started = clock()
  const windows = store.collection('rateLimits')
  const idle = where.lt<RateWindow>('windowStart', nowMs - RATE_WINDOW_IDLE_MS)
  let removed = 0
  for (;;) {
    const { items } = await windows.find({ where: idle, orderBy: [{ field: 'windowStart', dir: 'asc' }], limit: 100 })
    if (items.length === 0) return { removed, more: false }
    // A call landing between the read and the remove loses that one count: harmless for a
    // caller who had been away a day, and cheaper than a read per document.
    for (const doc of items) {
      if (clock() - started > budgetMs) return { removed, more: true }
      if (await windows.remove(doc._id)) removed++
    }
  }
}
