import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import type { ActionMap } from './action'
import type { Identity } from './caller'
import { dispatch, MAX_BODY_BYTES } from './dispatch'
import { errorBody, rateLimited, type Reply } from './errors'
import type { Keyring } from './keyring'
import { CALLER_RATE_LIMIT, type RateLimit } from '../domain/rate-limit'
import { identityKey, storeRateLimiter } from './rate-limit'

/** What a CloudBase entry needs from its composition root. */
export interface MainRoot {
  store: (context: unknown) => Store<Collections>
  /** The caller's OPENID from the trusted function context; never from the event body. */
  identity: (event: unknown, context: unknown) => Promise<{ openid: string } | null>
  /** Server-side keys from the function's configuration (never from the request). */
  keyring: () => Keyring
  /** The per-caller limit; `CALLER_RATE_LIMIT` (the local runtime's numbers) unless a test sets its own. */
  rateLimit?: RateLimit
  /** The clock; the system's unless a test sets its own. */
  now?: () => Date
  /** Where unexpected errors go (the function's log unless a test listens). */
  onError?: (err: unknown) => void
}

/** A job a timer trigger runs (config.json `triggers`), with the store and no caller. */
export type TimerJob = (store: Store<Collections>) => Promise<unknown>

/** The trigger name of a CloudBase timer event (`{ Type: 'Timer', TriggerName, Time }`). */
function timerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Record<string, unknown>
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' ? e.TriggerName : null
}

/**
 * Builds a CloudBase function's `main`: `{ action, data }` in, `{ ok, data }` or
 * `{ ok: false, error }` out (`callFunction` has no status line, so the code says it all).
 */
export function makeMain(fn: string, actions: ActionMap, root: () => MainRoot, timers: Record<string, TimerJob> = {}) {
  return Object.assign(main, { timerNames: Object.keys(timers) })
  async function main(event: unknown, context: unknown): Promise<Reply> {
    const size = Buffer.byteLength(JSON.stringify(event ?? null) ?? '', 'utf8')
    if (size > MAX_BODY_BYTES) {
      return { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' } }
    }
    const r = root()
    const identity: Identity | null = await r.identity(event, context)
    // A timer trigger carries no user: only an identity-less call may run a timer job, so a
    // client cannot start one by sending a look-alike body.
    const timer = timerName(event)
    if (timer && !identity) {
      const job = timers[timer]
      if (!job) return { ok: false, error: { code: 'NOT_FOUND', message: `no timer job ${timer}` } }
      return { ok: true, data: await job(r.store(context)) }
    }
    const store = r.store(context)
    const now = r.now ?? (() => new Date())
    const onError = r.onError ?? ((err: unknown) => console.error(err))
    // The per-caller limit, counted in the store so every instance shares it. A call without an
    // identity is not counted: it is refused as unauthenticated anyway, and timers never get here.
    if (identity) {
      const refused = await overLimit(store, r.rateLimit ?? CALLER_RATE_LIMIT, identityKey(identity), now().getTime(), onError)
      if (refused !== null) return { ok: false, error: errorBody(rateLimited(refused)) }
    }
    const { body } = await dispatch(actions, event, { fn, store, identity, keyring: r.keyring(), now, onError })
    return body
  }
}

/**
 * Seconds to wait when `key` is over its limit, or null to go on. When the count cannot be read
 * or written (the store is down, `rateLimits` was not created), the call goes on and the fault is
 * logged: the limit only guards against a caller flooding the service, it grants no access, so a
 * limiter fault must not take every function down with it (fails open, deliberately).
 */
async function overLimit(store: Store<Collections>, rate: RateLimit, key: string, nowMs: number, onError: (err: unknown) => void): Promise<number | null> {
  try {
    const decision = await storeRateLimiter(store, rate).hit(key, nowMs)
    return decision.allowed ? null : decision.retryAfterS
  } catch (err) {
    onError(err)
    return null
  }
}
