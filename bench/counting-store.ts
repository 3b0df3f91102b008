import type { BaseDoc, Collection, Store, TxCollection, TxStore } from '../cloudfunctions/_shared/store/port'

/** Reads and writes as CloudBase bills them: one per document call, one per page of a query. */
export interface OpCount {
  reads: number
  writes: number
}

const READS = new Set(['get', 'find', 'count'])
const WRITES = new Set(['insert', 'put', 'update', 'updateAndGet', 'remove'])

function countCollection<C extends object>(inner: C, n: OpCount): C {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      const name = String(prop)
      if (name === 'scan') {
        return (...args: unknown[]) => {
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
    collection: (name) => countCollection(inner.collection(name) as Collection<BaseDoc>, n) as never,
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          collection: (name) => countCollection(tx.collection(name) as TxCollection<BaseDoc>, n) as never,
        } as TxStore<M>),
      ),
    close: () => inner.close(),
  }
}
