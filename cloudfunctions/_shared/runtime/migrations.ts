import type { Collections } from '../store/collections'
import type { Store } from '../store/port'

/**
 * Data migrations, in order. Each is idempotent and recorded in `migrations` by name once
 * applied, so `npm start` (every local start) and the CloudBase set-up can both run them on
 * every deployment: a database already migrated costs one read per migration.
 */
interface Migration {
  name: string
  /** Applies the change; resolves how many documents it changed. */
  run(store: Store<Collections>): Promise<number>
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
]

export interface MigrationReport {
  applied: { name: string; changed: number }[]
  skipped: string[]
}

/** Applies every migration not yet recorded in this database. */
export async function runMigrations(store: Store<Collections>, now: () => Date = () => new Date()): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], skipped: [] }
  for (const m of MIGRATIONS) {
    if (await store.collection('migrations').get(m.name)) {
      report.skipped.push(m.name)
      continue
    }
    const changed = await m.run(store)
    await store.collection('migrations').put({ _id: m.name, appliedAt: now().toISOString(), changed })
    report.applied.push({ name: m.name, changed })
  }
  return report
}
