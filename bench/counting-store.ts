import type { BaseDoc, Collection, Filter, OrderBy, Store, TxCollection, TxStore } from '../cloudfunctions/_shared/store/port'

/** One query an action made: what the index audit (`store/index-fit.ts`) checks. */
export interface RecordedQuery {
  /** `fn.action` that made it (set by the caller through `OpCount.action`). */
  action: string
  collection: string
  op: 'find' | 'count' | 'scan'
  filter: Filter<unknown> | undefined
  orderBy: readonly OrderBy<unknown>[]
}

/** Reads and writes as CloudBase bills them: one per document call, one per page of a query. */
export interface OpCount {
  reads: number
  writes: number
  /** When set, every query is kept here, labelled with `action`. */
  queries?: RecordedQuery[]
  action?: string
}

const READS = new Set(['get', 'find', 'count'])
const WRITES = new Set(['insert', 'put', 'update', 'updateAndGet', 'remove'])

function countCollection<C extends object>(inner: C, n: OpCount, collection: string): C {
  const record = (op: RecordedQuery['op'], args: unknown[]) => {
    if (!n.queries) return
    const query = (op === 'find' ? args[0] ?? {} : { where: args[0] }) as { where?: Filter<unknown>; orderBy?: readonly OrderBy<unknown>[] }
    n.queries.push({ action: n.action ?? '', collection, op, filter: query.where, orderBy: query.orderBy ?? [] })
  }
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      const name = String(prop)
      if (name === 'scan') {
        return (...args: unknown[]) => {
          record('scan', args)
          const it = (value as (...a: unknown[]) => AsyncIterable<unknown[]>).apply(target, args)
          return {
            async *[Symbol.asyncIterator]() {
              for await (const batch of it) {
                n.reads++
                yield batch
              }
            },
          }
        }
      }
      return (...args: unknown[]) => {
        if (name === 'find' || name === 'count') record(name, args)
        if (READS.has(name)) n.reads++
        if (WRITES.has(name)) n.writes++
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
}

/** Wraps a store so every operation an action makes is counted. */
export function countingStore<M>(inner: Store<M>, n: OpCount): Store<M> {
  return {
    collection: (name) => countCollection(inner.collection(name) as Collection<BaseDoc>, n, name) as never,
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          collection: (name) => countCollection(tx.collection(name) as TxCollection<BaseDoc>, n, name) as never,
        } as TxStore<M>),
      ),
    close: () => inner.close(),
  }
}
