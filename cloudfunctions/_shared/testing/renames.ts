import type { Store } from '../store/port'

/** A store read by collection name, whatever the name (old ones included). */
export type RawStore = Store<Record<string, { _id: string }>>

/** Every document of `name`, by id. */
export async function allOf(store: RawStore, name: string): Promise<{ _id: string }[]> {
  const out: { _id: string }[] = []
  for await (const batch of store.collection(name).scan(undefined, 500)) out.push(...batch)
  return out.sort((a, b) => a._id.localeCompare(b._id))
}

/**
 * Lays a database out as the version before a rename stored it: every document of each new name
 * moved to its old one. Returns the documents by new name, to compare after the migration.
 */
export async function layOutUnderOldNames(store: RawStore, renames: readonly (readonly [string, string])[]): Promise<Record<string, { _id: string }[]>> {
  const before: Record<string, { _id: string }[]> = {}
  for (const [from, to] of renames) {
    const docs = await allOf(store, to)
    before[to] = docs
    for (const d of docs) {
      await store.collection(from).insert(d)
      await store.collection(to).remove(d._id)
    }
  }
  return before
}
