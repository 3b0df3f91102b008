import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import type { ActionMap } from './action'
import type { Identity } from './caller'
import { dispatch, MAX_BODY_BYTES } from './dispatch'
import type { Reply } from './errors'
import type { Keyring } from './keyring'

/** What a CloudBase entry needs from its composition root. */
export interface MainRoot {
  store: (context: unknown) => Store<Collections>
  /** The caller's OPENID from the trusted function context; never from the event body. */
  identity: (event: unknown, context: unknown) => Promise<{ openid: string } | null>
  /** Server-side keys from the function's configuration (never from the request). */
  keyring: () => Keyring
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
    const { body } = await dispatch(actions, event, {
      fn,
      store: r.store(context),
      identity,
      keyring: r.keyring(),
      onError: (err) => console.error(err),
    })
    return body
  }
}
