/**
 * `npm run reconcile [-- --dry-run]`: recounts every per-org, per-period counter of the local
 * runtime's database (`DATA_DIR`, default ./data) from the raw records, prints the drift, and
 * repairs it unless `--dry-run`. On CloudBase the `indices` function's nightly timer does the same.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { reconcileCounters } from '../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', 'data'))
  const file = join(dataDir, 'chuangye.db')
  if (!existsSync(file)) throw new Error(`no database at ${file} (run npm start once, or set DATA_DIR)`)
  const repair = !process.argv.includes('--dry-run')
  const store = openSqliteStore<Collections>({ path: file, purpose: 'live' })
  try {
    const report = await reconcileCounters(store, { repair })
    for (const [collection, n] of Object.entries(report.scanned)) console.log(`scanned ${collection.padEnd(16)} ${n}`)
    console.log(`counter documents ${report.counterDocs}; drift ${report.driftCount}${report.repaired ? ' (repaired)' : repair ? '' : ' (dry run)'}; ${report.ms} ms`)
    for (const d of report.drift) console.log(`  ${d.id} ${d.metric}: stored ${d.stored}, recount ${d.expected}`)
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
