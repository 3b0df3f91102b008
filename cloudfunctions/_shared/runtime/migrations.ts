import type { EventReach, EventRequest, EventSignup } from '../domain/event'
import { SEED_TARGET_YEAR, TARGET_SEEDS } from '../domain/target-seeds'
import { targetId, type TargetRecord } from '../domain/target'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type Store, where } from '../store/port'

/**
 * Data migrations, in order. Each is idempotent and recorded in `migrations` by name once
 * applied, so `npm start` (every local start) and the CloudBase set-up can both run them on
 * every deployment: a database already migrated costs one read per migration.
 */
interface Migration {
  name: string
  /**
   * Runs on every start / set-up even once recorded (a collection move: an instance still on
   * the old code may write to the old name during a deploy, and the next run moves it over).
   */
  repeatable?: boolean
  /** Applies the change; resolves how many documents it changed. */
  run(store: Store<Collections>): Promise<number>
}

/** Collections renamed to the one convention (camelCase), old name → new name. */
export const RENAMED_COLLECTIONS = [
  ['event_signups', 'eventSignups'],
  ['event_requests', 'eventRequests'],
  ['event_reach', 'eventReach'],
] as const

/** The stores as they were before the renames: the old names, with the same document shapes. */
type Retired = { event_signups: EventSignup; event_requests: EventRequest; event_reach: EventReach }

/**
 * Moves every document of `from` into `to` (keeping its id and content) and removes it from
 * `from`. A document already under the new name is newer and is kept; the old copy is dropped.
 */
async function moveCollection(store: Store<Collections>, from: keyof Retired, to: keyof Collections): Promise<number> {
  const s = store as unknown as Store<Collections & Retired>
  let moved = 0
  for (;;) {
    // Always the first batch: each pass removes what it read, so the next starts afresh.
    let batch: (EventSignup | EventRequest | EventReach)[]
    try {
      batch = (await s.collection(from).find({ limit: 200 })).items
    } catch (err) {
      // A CloudBase environment set up after the rename never had the old collection.
      // An embedded store opened on a file that never had it does not know the name either.
      if (/COLLECTION_NOT_EXIST|unknown collection/.test(`${(err as { code?: unknown }).code ?? ''} ${String(err)}`)) return moved
      throw err
    }
    if (!batch.length) return moved
    for (const doc of batch) {
      try {
        await s.collection(to).insert(doc as never)
        moved++
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err
      }
      await s.collection(from).remove(doc._id)
    }
  }
}

/**
 * Writes the default targets (`TARGET_SEEDS`, each with the seed document it comes from) for every
 * city in the database that lacks them, as seed 001's year's records; a record an office has set
 * is never touched. Resolves how many it wrote.
 */
export async function seedDefaultTargets(store: Store<Collections>, now: Date = new Date()): Promise<number> {
  let written = 0
  const cities = (await store.collection('orgs').find({ where: where.eq('parentId', null), limit: 50 })).items.filter((o) => o.level === 'city')
  for (const city of cities) {
    for (const t of TARGET_SEEDS) {
      const doc: TargetRecord = {
        _id: targetId(SEED_TARGET_YEAR, city._id, t.index),
        index: t.index,
        orgId: city._id,
        orgPath: city.path,
        year: SEED_TARGET_YEAR,
        value: t.value,
        source: t.source,
        splitFrom: null,
        setBy: 'seed',
        setAt: now.toISOString(),
      }
      try {
        await store.collection('targets').insert(doc)
        written++
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err
      }
    }
  }
  return written
}

const MIGRATIONS: readonly Migration[] = [
  {
    // Staff documents grant a role only with the server's marker (caller.ts). Accounts written
    // before the marker existed were all written by server code (seed, invitation binding);
    // anything carrying the client SDK's `_openid` stamp is left unmarked on purpose.
    name: '2026-12-staff-written-by-server',
    async run(store) {
      let changed = 0
      for await (const batch of store.collection('staff').scan(undefined, 200)) {
        for (const s of batch) {
          if (s.writtenBy === 'server' || Object.prototype.hasOwnProperty.call(s, '_openid')) continue
          if (await store.collection('staff').update(s._id, { set: { writtenBy: 'server' } })) changed++
        }
      }
      return changed
    },
  },
  {
    // One naming convention for collections (README, glossary): event_* → event*.
    name: '2026-12-event-collections-camelcase',
    repeatable: true,
    async run(store) {
      let moved = 0
      for (const [from, to] of RENAMED_COLLECTIONS) moved += await moveCollection(store, from, to)
      return moved
    },
  },
  {
    // Targets became data (issue 21): the seeds' targets are written for the city. Repeats, so a
    // city created after the first run (cloud:setup before the first org) gets them next time.
    name: '2026-12-targets-seeded',
    repeatable: true,
    run: (store) => seedDefaultTargets(store),
  },
]

export interface MigrationReport {
  applied: { name: string; changed: number }[]
  skipped: string[]
}

/** Applies every migration not yet recorded in this database. */
export async function runMigrations(store: Store<Collections>, now: () => Date = () => new Date()): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], skipped: [] }
  for (const m of MIGRATIONS) {
    const recorded = await store.collection('migrations').get(m.name)
    if (recorded && !m.repeatable) {
      report.skipped.push(m.name)
      continue
    }
    const changed = await m.run(store)
    if (recorded && changed === 0) {
      report.skipped.push(m.name)
      continue
    }
    if (!recorded) await store.collection('migrations').put({ _id: m.name, appliedAt: now().toISOString(), changed })
    report.applied.push({ name: m.name, changed })
  }
  return report
}
