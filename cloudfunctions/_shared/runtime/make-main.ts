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

/**
 * Builds a CloudBase function's `main`: `{ action, data }` in, `{ ok, data }` or
 * `{ ok: false, error }` out (`callFunction` has no status line, so the code says it all).
 */
export function makeMain(fn: string, actions: ActionMap, root: () => MainRoot) {
  return async function main(event: unknown, context: unknown): Promise<Reply> {
    const size = Buffer.byteLength(JSON.stringify(event ?? null) ?? '', 'utf8')
    if (size > MAX_BODY_BYTES) {
      return { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' } }
    }
    const r = root()
    const identity: Identity | null = await r.identity(event, context)
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
