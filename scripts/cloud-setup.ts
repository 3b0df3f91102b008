/**
 * `npm run cloud:setup -- --dry-run [--json]`: the whole desired state of a CloudBase
 * environment, from the declarations alone (collections with their client rule and indexes,
 * functions with runtime, timeout, memory, triggers and the names of their variables), and what
 * the deployer's shell lacks (a required variable, or an optional one: 未配置). Needs no
 * credentials and no network.
 *
 * Applying it to an environment (creating collections, rules and indexes, deploying functions)
 * is not built yet: without `--dry-run` the command says so and exits 1, and README
 * (上线到云开发) gives the manual steps with the files `npm run build:functions` writes.
 */
import { desiredState, missingConfiguration } from '../cloudfunctions/_shared/deploy/desired-state'

export interface SetupRun {
  code: number
  out: string
}

export function runCloudSetup(argv: readonly string[], env: Record<string, string | undefined>): SetupRun {
  const dryRun = argv.includes('--dry-run')
  const json = argv.includes('--json')
  const state = desiredState()
  const missing = missingConfiguration(env)
  if (!dryRun) {
    return {
      code: 1,
      out: [
        'cloud:setup 目前只能打印期望状态：npm run cloud:setup -- --dry-run [--json]',
        '自动创建集合、安全规则、索引并部署云函数的步骤尚未实现；请按 README“上线到云开发”手动完成（npm run build:functions 生成所需文件）。',
      ].join('\n'),
    }
  }
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

if (require.main === module) {
  const run = runCloudSetup(process.argv.slice(2), process.env)
  ;(run.code === 0 ? process.stdout : process.stderr).write(`${run.out}\n`)
  process.exitCode = run.code
}
