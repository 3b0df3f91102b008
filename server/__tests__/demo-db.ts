import type { ActionMap } from '../../cloudfunctions/_shared/runtime/action'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'

/**
 * An empty in-memory store for the demo seed (the test seeds it), its keyring, the clock the
 * demo tests read (2026-11-22 10:00 in Shanghai) and `call`: one action of `actions` as a demo
 * staff member, as both transports dispatch it, failing the test unless it succeeded.
 */
export function demoDb(actions: ActionMap, options: { fn?: string; secret?: string } = {}) {
  const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  const keyring = makeKeyring(Buffer.from(options.secret ?? 'test-master-secret-test-master-secret'))
  const now = new Date('2026-11-22T02:00:00.000Z')
  const call = async <T>(action: string, data: unknown, staffId: string): Promise<T> => {
    const r = await dispatch(actions, { action, data }, { fn: options.fn, store, identity: { staffId }, keyring, now: () => now })
    if (!r.body.ok) throw new Error(`${action}: ${JSON.stringify(r.body)}`)
    return r.body.data as T
  }
  return { store, keyring, now, call }
}
