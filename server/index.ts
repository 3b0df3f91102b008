import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import { reconcileCounters } from '../cloudfunctions/_shared/runtime/reconcile'
import { CLOUD_BUDGET, resumeJobs } from '../cloudfunctions/_shared/runtime/jobs'
import { LOCAL_JOBS } from './functions'
import { runMigrations } from '../cloudfunctions/_shared/runtime/migrations'
import { outboxNotifier } from '../cloudfunctions/_shared/notifier/outbox'
import { noticeTemplateFromEnv } from '../cloudfunctions/notify/deps'
import { sendNotices } from '../cloudfunctions/notify/notice-sender'
import { buildApp } from './app'
import { LISTEN_BACKLOG, readEnv } from './env'
import { seedDemo } from './seed'
import { sendDutyReminders } from '../cloudfunctions/duty/remind-late'
import { refreshComputedAverage } from '../cloudfunctions/_shared/application/census'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-data'

const ROOT = resolve(__dirname, '..')
const H5_DIR = join(ROOT, 'dist', 'h5')
const RESUME_EVERY_MS = 60_000

/** A configured secret, or one generated once into the data dir (mode 600) and kept. */
function loadSecret(dataDir: string, configured: string | null, name: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8')
  const file = join(dataDir, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8')
}

async function main(): Promise<void> {
  const env = readEnv()
  if (!existsSync(join(H5_DIR, 'index.html')) && !env.skipH5Build) {
    console.log('首次启动：正在构建 H5 应用（约 1–2 分钟）…')
    const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (built.status !== 0) throw new Error('H5 build failed')
  }
  mkdirSync(env.dataDir, { recursive: true })
  const store = openSqliteStore<Collections>({ path: join(env.dataDir, 'chuangye.db'), purpose: 'live' })
  const keyring = makeKeyring(loadSecret(env.dataDir, env.appSecret, 'app-secret'))
  // Stored data survives every change: a new shape comes with a migration, applied here once.
  const migrated = await runMigrations(store, () => new Date(), keyring)
  for (const m of migrated.applied) console.log(`数据迁移：${m.name}（${m.changed} 条）`)
  const seeded = await seedDemo(store, new Date(), { forcePasswordChange: env.forcePasswordChange, keyring, demoData: env.demoData })
  // On CloudBase a nightly timer does this; here every start recounts and repairs the counters.
  const recount = await reconcileCounters(store, { repair: true })
  const records = Object.values(recount.scanned).reduce((a, b) => a + b, 0)
  console.log(`计数核对：${records} 条记录，${recount.counterDocs} 个计数文档，${recount.driftCount ? `修复 ${recount.driftCount} 处偏差` : '无偏差'}（${recount.ms} ms）`)
  // As the nightly job's last step: a computed 当地平均数 follows the repaired counters.
  const average = await refreshComputedAverage(store, new Date())
  if (average) console.log(`当地平均数：${average.year} 年按全市数据重新计算为 ${average.percent}%`)
  const app = buildApp({
    store,
    secret: loadSecret(env.dataDir, env.authSecret, 'auth-secret'),
    keyring,
    staticDir: H5_DIR,
    residentSessionsPerMinute: env.residentSessionsPerMinute,
    staffSignInsPerMinute: env.staffSignInsPerMinute,
    trustProxy: env.trustProxy,
  })
  // The local stand-in for the `resumeJobs` timers: a job whose page was closed still finishes.
  const resumer = setInterval(() => void resumeJobs(store, LOCAL_JOBS, CLOUD_BUDGET).catch((err: unknown) => console.error(err)), RESUME_EVERY_MS)
  resumer.unref()
  // The local stand-in for notify's `sendNotices` timer: queued progress notices go to the outbox
  // (as WeChat would get them) for residents who allowed them; H5 residents keep the inbox message.
  const noticeTemplate = noticeTemplateFromEnv(process.env, 'local-progress-notice')
  const noticeSender = setInterval(
    () => void sendNotices({ store, keyring, notifier: outboxNotifier(store), template: noticeTemplate, now: () => new Date() }).catch((err: unknown) => console.error(err)),
    60_000,
  )
  noticeSender.unref()
  // The local stand-in for duty's `dailyRemind` timer: overdue tasks and late scheduled reports
  // message the owners (idempotent per missed date, so running hourly sends each once).
  const dutyReminder = setInterval(() => void sendDutyReminders(store, new Date()).catch((err: unknown) => console.error(err)), 3_600_000)
  dutyReminder.unref()
  void sendDutyReminders(store, new Date()).catch((err: unknown) => console.error(err))
  const close = async () => {
    clearInterval(resumer)
    clearInterval(noticeSender)
    clearInterval(dutyReminder)
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.on('SIGINT', close)
  process.on('SIGTERM', close)
  // A crowd scanning one poster connects at once: Node's default accept queue (511) drops the
  // connections beyond it, and each dropped one waits a full second for TCP to retry (bench/burst.ts:
  // 1,000 at once). The kernel caps this at net.core.somaxconn.
  const address = await app.listen({ port: env.port, host: env.host, backlog: LISTEN_BACKLOG })
  console.log(`创业社区 local runtime: ${address}  (data: ${env.dataDir}${seeded ? ', demo data seeded' : ''})`)
  console.log(`Demo staff accounts (password ${DEMO_PASSWORD}):`)
  for (const a of DEMO_ACCOUNTS.filter((x) => env.demoData || x.username === 'admin')) console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.name}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
