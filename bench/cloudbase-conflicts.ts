/**
 * The sign-up burst under CloudBase's transaction model, without CloudBase: a store wrapper over
 * an in-memory SQLite store that behaves like the document database's optimistic transactions.
 *
 * What CloudBase documents (https://cloud.tencent.com/document/product/876/48442 "数据库事务",
 * https://docs.cloudbase.net/en/database/transaction): transactions run server-side through the
 * node SDK with document operations only (get / add / update / set / delete by id), are ACID,
 * and read a snapshot; a write to a document that another transaction changed meanwhile makes
 * the transaction fail with `DATABASE_TRANSACTION_CONFLICT` (the error our CloudBase adapter
 * retries, see `store/cloudbase/adapter.ts`). Modelled here as first-committer-wins: every
 * document a transaction reads or writes is stamped with the version it saw; the commit fails
 * if any of them has been changed by a commit since. Writes outside a transaction are single
 * atomic document operations and bump the version too. Every call waits a simulated round trip,
 * so concurrent transactions overlap as they do over HTTPS.
 *
 * CloudBase's error reference says what the conflict is and what to do about it
 * (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT: "数据库事务间冲突，多个事务同时
 * 操作相同数据导致冲突", remedy: retry with exponential backoff). A single-document update outside a
 * transaction never conflicts: `_.inc` is applied by the database atomically ("多个用户同时写，对数据库
 * 来说都是将字段自增，不会有后来者覆写前者的情况", Command.inc in the WeChat cloud database reference),
 * and a `where({ _id, field: _.lt(n) }).update(...)` / `updateAndReturn(...)` evaluates its condition
 * with the write; here such writes only bump the versions a transaction may have seen.
 *
 * The retry policy is the CloudBase adapter's own (10 attempts, jittered exponential backoff).
 */
import { matchesFilter } from '../cloudfunctions/_shared/store/cloudbase/adapter'
import { type BaseDoc, type Collection, DuplicateIdError, type Store, type TxCollection, type TxStore, type Update } from '../cloudfunctions/_shared/store/port'

export interface ConflictStats {
  /** Transactions started by the actions (each retried attempt counts once here). */
  transactions: number
  /** Attempts in all: transactions + retries. */
  attempts: number
  /** Attempts that failed on a conflict. */
  conflicts: number
  /** Transactions that still conflicted after the last attempt (the caller saw an error). */
  failures: number
}

export class ConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT'
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function applyUpdate(doc: BaseDoc, update: Update<BaseDoc>): BaseDoc {
  const out = { ...doc } as Record<string, unknown>
  for (const [k, v] of Object.entries(update.set ?? {})) if (v !== undefined) out[k] = v
  for (const [k, by] of Object.entries(update.inc ?? {})) out[k] = ((out[k] as number | undefined) ?? 0) + (by as number)
  return out as unknown as BaseDoc
}

export function conflictModelStore<M>(
  inner: Store<M>,
  options: { roundTripMs?: () => number; attempts?: number; retryDelayMs?: (attempt: number) => number } = {},
): { store: Store<M>; stats: ConflictStats } {
  const rtt = options.roundTripMs ?? (() => 4 + Math.random() * 8)
  const attempts = options.attempts ?? 10
  const delay = options.retryDelayMs ?? ((attempt: number) => Math.random() * Math.min(1000, 20 * 2 ** attempt))
  const stats: ConflictStats = { transactions: 0, attempts: 0, conflicts: 0, failures: 0 }
  const versions = new Map<string, number>()
  const ver = (key: string) => versions.get(key) ?? 0
  const bump = (key: string) => versions.set(key, ver(key) + 1)
  const coll = (name: string) => inner.collection(name as never) as unknown as Collection<BaseDoc>

  const outside = (name: string): Collection<BaseDoc> => {
    const c = coll(name)
    return new Proxy(c, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown
        if (typeof value !== 'function') return value
        const op = String(prop)
        if (op === 'scan') return value.bind(target)
        return async (...args: unknown[]) => {
          await sleep(rtt())
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
          if (op === 'insert' || op === 'put') bump(`${name}/${(args[0] as BaseDoc)._id}`)
          if ((op === 'update' || op === 'updateAndGet' || op === 'remove') && result) bump(`${name}/${String(args[0])}`)
          return result
        }
      },
    })
  }

  async function attempt<R>(work: (tx: TxStore<M>) => Promise<R>): Promise<R> {
    const seen = new Map<string, number>()
    // A transaction reads a snapshot: the first read of a document is what it sees until it commits.
    const snap = new Map<string, BaseDoc | null>()
    const overlay = new Map<string, { name: string; id: string; doc: BaseDoc | null }>()
    const touch = (key: string) => {
      if (!seen.has(key)) seen.set(key, ver(key))
    }
    const view = async (name: string, id: string): Promise<BaseDoc | null> => {
      await sleep(rtt())
      const key = `${name}/${id}`
      const o = overlay.get(key)
      if (o) return o.doc
      if (snap.has(key)) return snap.get(key) ?? null
      touch(key)
      const doc = await coll(name).get(id)
      snap.set(key, doc)
      return doc
    }
    const txColl = (name: string): TxCollection<BaseDoc> => ({
      get: (id) => view(name, id),
      async insert(doc) {
        if (await view(name, doc._id)) throw new DuplicateIdError(name, doc._id)
        overlay.set(`${name}/${doc._id}`, { name, id: doc._id, doc })
      },
      async put(doc) {
        await sleep(rtt())
        touch(`${name}/${doc._id}`)
        overlay.set(`${name}/${doc._id}`, { name, id: doc._id, doc })
      },
      async update(id, update, onlyIf) {
        const cur = await view(name, id)
        if (!cur) return false
        if (onlyIf && !matchesFilter(cur as unknown as Record<string, unknown>, onlyIf)) return false
        overlay.set(`${name}/${id}`, { name, id, doc: applyUpdate(cur, update) })
        return true
      },
      async remove(id) {
        const cur = await view(name, id)
        if (!cur) return false
        overlay.set(`${name}/${id}`, { name, id, doc: null })
        return true
      },
    })
    const result = await work({ collection: (name) => txColl(name) as never })
    await sleep(rtt())
    // Commit: first committer wins. Check and apply in one inner transaction (serialized).
    await inner.transaction(async (tx) => {
      for (const [key, v] of seen) if (ver(key) !== v) throw new ConflictError(`write conflict on ${key}`)
      for (const [key, o] of overlay) {
        const c = tx.collection(o.name as never) as unknown as TxCollection<BaseDoc>
        if (o.doc) await c.put(o.doc)
        else await c.remove(o.id)
        bump(key)
      }
    })
    return result
  }

  const store: Store<M> = {
    collection: (name) => outside(name) as never,
    async transaction(work) {
      stats.transactions++
      for (let n = 1; ; n++) {
        stats.attempts++
        try {
          return await attempt(work)
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err
          stats.conflicts++
          if (n >= attempts) {
            stats.failures++
            throw err
          }
          await sleep(delay(n))
        }
      }
    },
    close: () => inner.close(),
  }
  return { store, stats }
}
