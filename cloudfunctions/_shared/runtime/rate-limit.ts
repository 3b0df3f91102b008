/** Decides whether an identity may make another call now. */
export interface RateLimiter {
  allow(identity: string, nowMs: number): boolean
}

/**
 * A sliding-window limit per identity, in memory. In the local runtime that is exact; on
 * CloudBase each warm instance keeps its own window, so the limit holds per instance.
 */
export function slidingWindowLimiter(limit: number, windowMs: number, maxIdentities = 50_000): RateLimiter {
  const hits = new Map<string, number[]>()
  return {
    allow(identity, nowMs) {
      const since = nowMs - windowMs
      const recent = (hits.get(identity) ?? []).filter((t) => t > since)
      if (recent.length >= limit) {
        hits.set(identity, recent)
        return false
      }
      recent.push(nowMs)
      // Map keeps insertion order: re-inserting moves the identity to the end, so the oldest
      // idle identities are the first to go when the map is full.
      hits.delete(identity)
      hits.set(identity, recent)
      if (hits.size > maxIdentities) hits.delete(hits.keys().next().value as string)
      return true
    },
  }
}
