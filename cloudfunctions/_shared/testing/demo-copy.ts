/**
 * A copy of the demo database on disk, for migration tests: each test gets a fresh temporary
 * folder (removed after it), and `seed` writes the demo into `demo.sqlite` there, as `npm start`
 * would have stored it, so a test can rewind it to what the previous version stored and reopen it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../../server/seed'
import { type Keyring, makeKeyring } from '../runtime/keyring'
import { COLLECTION_NAMES, type Collections } from '../store/collections'
import { openSqliteStore } from '../store/sqlite/adapter'
import type { Store } from '../store/port'

export interface DemoCopy {
  /** The database file of the current test. */
  readonly path: string
  /** The store on `path`, opened again (another instance, as after a restart). */
  reopen(): Store<Collections>
  /**
   * Seeds the demo into `path` at `now` and returns the open store and its keyring.
   * `collections`: open with more tables than today's (e.g. retired names still present);
   * `cases: false`: without the demo's sealed cases (no keyring given to the seed).
   */
  seed(options?: { now?: Date; secret?: string; collections?: readonly string[]; cases?: boolean }): Promise<{ store: Store<Collections>; keyring: Keyring }>
}

/** Call inside a `describe`: registers the per-test folder and hands back the demo copy. */
export function demoCopy(prefix: string): DemoCopy {
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `cy-${prefix}-`))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const copy: DemoCopy = {
    get path() {
      return join(dir, 'demo.sqlite')
    },
    reopen: () => openSqliteStore<Collections>({ path: copy.path, purpose: 'test' }),
    async seed({ now = new Date(), secret = `${prefix}-test-master-secret-0123456789`, collections, cases = true } = {}) {
      const store = openSqliteStore<Collections>({ path: copy.path, purpose: 'test', ...(collections ? { collections: [...COLLECTION_NAMES, ...collections] as never } : {}) })
      const keyring = makeKeyring(Buffer.from(secret))
      await seedDemo(store, now, { ...(cases ? { keyring } : {}), demoData: true, forcePasswordChange: false })
      return { store, keyring }
    },
  }
  return copy
}
