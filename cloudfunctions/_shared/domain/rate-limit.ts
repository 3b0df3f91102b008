/**
 * The per-caller rate limit, declared once: the local runtime (in memory, exact sliding window)
 * and CloudBase (store-backed, shared by every instance of a function) both apply these numbers.
 */
export const CALLER_RATE_LIMIT = {
  /** Calls one caller may make… */
  limit: 240,
  /** …within this many milliseconds. */
  windowMs: 60_000,
} as const

export interface RateLimit {
  limit: number
  windowMs: number
}

/** What the limiter decided about one call; `retryAfterS` is whole seconds, at least 1. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterS: number }

/**
 * One caller's counts on CloudBase (collection `rateLimits`). One document per caller, reused
 * from window to window, so windows never pile up; the `maintenance` sweep removes callers idle
 * for a day.
 */
export interface RateWindow {
  /** `rl_` + SHA-256 of the caller's identity (no OPENID in the id or the document). */
  _id: string
  /** Start of the current window, ms since the epoch, a multiple of `windowMs`. */
  windowStart: number
  /** Calls let through in the current window. */
  count: number
  /** Calls let through in the window just before (0 when that window saw none). */
  prevCount: number
}

/** The start of the fixed window that holds `nowMs`. */
export function windowStartOf(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs) * windowMs
}

/** How far into `windowStart`'s window `nowMs` is, 0–1 (clamped: instances' clocks differ a little). */
function elapsedShare(windowStart: number, nowMs: number, windowMs: number): number {
  return Math.min(1, Math.max(0, (nowMs - windowStart) / windowMs))
}

/**
 * The largest `count` the current window may hold for one more call to pass. The sliding window
 * is estimated from two fixed windows (the previous one weighted by how much of it still lies
 * within the last `windowMs`), so a document holds two numbers however busy the caller is, and
 * a burst across a window boundary is still held to about `limit`.
 */
export function countCeiling(rate: RateLimit, prevCount: number, windowStart: number, nowMs: number): number {
  const stillInView = 1 - elapsedShare(windowStart, nowMs, rate.windowMs)
  return Math.floor(rate.limit - 1 - prevCount * stillInView)
}

/** Seconds until a refused caller's next call would pass (at least 1). */
export function retryAfterSeconds(rate: RateLimit, w: Pick<RateWindow, 'windowStart' | 'count' | 'prevCount'>, nowMs: number): number {
  const room = rate.limit - 1 - w.count
  let at: number
  if (room >= 0 && w.prevCount > 0) {
    // Within this window, once enough of the previous one has slid out of view.
    at = w.windowStart + rate.windowMs * (1 - room / w.prevCount)
  } else {
    // This window is full: in the next one, this window's count is the one sliding out.
    const next = w.windowStart + rate.windowMs
    at = next + (w.count > 0 ? rate.windowMs * Math.max(0, 1 - (rate.limit - 1) / w.count) : 0)
  }
  return Math.max(1, Math.ceil((at - nowMs) / 1000))
}
