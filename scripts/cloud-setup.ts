/**
 * `npm run cloud:setup`: prepares a CloudBase environment from the declarations (collections,
 * their client rules and indexes, every function with its runtime settings, variables and
 * timers, then the data migrations) and reports what it changed. A second run changes nothing;
 * a run that failed part-way says which step and what to do, and running again finishes it.
 *
 * Credentials come from the shell only (`TCB_ENV_ID`, `TCB_SECRET_ID`, `TCB_SECRET_KEY`) and
 * are never written or printed.
 *
 * `--dry-run [--json]` prints the whole desired state and what the shell lacks, with no
 * credentials and no network.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { desiredState, missingConfiguration } from '../cloudfunctions/_shared/deploy/desired-state'
import { keyringFromEnv } from '../cloudfunctions/_shared/runtime/keyring'
import { runMigrations, type MigrationReport } from '../cloudfunctions/_shared/runtime/migrations'
import { applyDesiredState, StepFailure } from './cloud/apply'
import { type Credentials, deployerStore, missingCredentialsMessage, readCredentials, scrub, tencentClient } from './cloud/tencent'
import { buildFunctions } from './build-functions'

export interface SetupRun {
  code: number
  out: string
}

export interface SetupDeps {
  /** Builds the function bundles into a folder (default: `build:functions` into a temp folder). */
  build?: (dir: string) => Promise<unknown>
  /** Runs the data migrations on the environment's database (default: node-sdk with the same credentials). */
  migrate?: (credentials: Credentials) => Promise<MigrationReport>
  pollMs?: number
  log?: (line: string) => void
}

/** The migrations on the environment's database, with the deployer's key. */
export function migrateWithNodeSdk(credentials: Credentials): Promise<MigrationReport> {
  // Migrations that read sealed values need the functions' APP_SECRET; without it they wait for a run that has it.
  return runMigrations(deployerStore(credentials), () => new Date(), process.env.APP_SECRET ? keyringFromEnv(process.env) : null)
}

function dryRun(json: boolean, env: Record<string, string | undefined>): SetupRun {
  const state = desiredState()
  const missing = missingConfiguration(env)
  if (json) return { code: 0, out: JSON.stringify({ ...state, unconfigured: missing.optional, missingRequired: missing.required }, null, 2) }
  const lines = [
    `集合 ${state.collections.length} 个（客户端规则：${state.collections.every((c) => c.rule.read === false && c.rule.write === false) ? '全部禁止直接读写，只经云函数' : '见 --json'}），索引 ${state.collections.reduce((n, c) => n + c.indexes.length, 0)} 个`,
    `云函数 ${state.functions.length} 个：`,
    ...state.functions.map((f) => `  ${f.name.padEnd(12)} ${String(f.timeout).padStart(2)} s  ${String(f.memorySize).padStart(4)} MB${f.triggers.length ? `  定时：${f.triggers.map((t) => `${t.name} ${t.config}`).join('，')}` : ''}`),
    ...missing.required.map((name) => `缺少必填配置：${name}（在运行本命令的终端里设置后重试）`),
    ...missing.optional.map((o) => `未配置：${o.name} —— ${o.feature}（${o.functions.join('、')}）`),
  ]
  return { code: 0, out: lines.join('\n') }
}

export async function runCloudSetup(argv: readonly string[], env: Record<string, string | undefined>, deps: SetupDeps = {}): Promise<SetupRun> {
  if (argv.includes('--dry-run')) return dryRun(argv.includes('--json'), env)
  const creds = readCredentials(env)
  if (!creds.ok) return { code: 2, out: missingCredentialsMessage(creds.missing) }
  const credentials = creds.credentials
  const missing = missingConfiguration(env)
  if (missing.required.length) {
    return {
      code: 2,
      out: [
        `缺少必填配置：${missing.required.join('、')}（云函数启动需要它们；在运行本命令的终端里设置后重试，什么都还没改）`,
        '  例：export APP_SECRET=$(openssl rand -hex 32)   # 各函数共用的主密钥，妥善保管，丢失后已加密的数据无法解开',
      ].join('\n'),
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'cloud-setup-'))
  const lines: string[] = []
  const log = deps.log ?? ((line: string) => lines.push(line))
  try {
    await (deps.build ?? buildFunctions)(dir)
    const report = await applyDesiredState({
      client: tencentClient(credentials),
      credentials,
      state: desiredState(),
      env,
      bundlesDir: dir,
      migrate: () => (deps.migrate ?? migrateWithNodeSdk)(credentials),
      pollMs: deps.pollMs,
      log,
    })
    const summary = report.changes.length ? `完成：${report.changes.length} 项改动。` : '环境已是期望状态：0 项改动。'
    const unconfigured = missing.optional.map((o) => `未配置：${o.name} —— ${o.feature}（${o.functions.join('、')}；本次终端未设置，函数上已有的值保留）`)
    return { code: 0, out: scrub([...lines, summary, ...unconfigured].join('\n'), credentials) }
  } catch (err) {
    const failure =
      err instanceof StepFailure
        ? [
            err.message,
            err.done.length ? `失败前已完成 ${err.done.length} 项改动（保留，重新运行时会跳过）。` : '失败前没有做任何改动。',
            '修好后重新运行 npm run cloud:setup，会从未完成的部分接着做。',
          ]
        : [`cloud:setup 失败：${err instanceof Error ? err.message : String(err)}`]
    return { code: 1, out: scrub([...lines, ...failure].join('\n'), credentials) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  void runCloudSetup(process.argv.slice(2), process.env, { log: (line) => process.stdout.write(`${line}\n`) }).then((run) => {
    ;(run.code === 0 ? process.stdout : process.stderr).write(`${run.out}\n`)
    process.exitCode = run.code
  })
}
