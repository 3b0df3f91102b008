/**
 * Cold start of each cloud function: the bundle `npm run build:functions` makes (built here into
 * a temp folder), its size, and the time to `require` it in a fresh Node process (its external
 * packages, such as @cloudbase/node-sdk, resolved from this repository's node_modules, as the
 * CloudBase runtime installs them beside the bundle). Median of 3 fresh processes per function.
 * Run alone: `npx tsx bench/cold-start.ts`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../scripts/build-functions'

const ROOT = resolve(__dirname, '..')
const RUNS = 3
export const COLD_START_GOAL_MS = 150

export interface ColdStart {
  name: string
  bytes: number
  loadMs: number
  externals: string[]
}

function loadOnce(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8' })
  return Number(out)
}

/** The floor every function pays: the CloudBase SDK alone, and an empty file, in fresh processes. */
export function coldStartBaselines(): { sdkMs: number; emptyMs: number } {
  const med = (f: () => number) => Array.from({ length: RUNS }, f).sort((a, b) => a - b)[Math.floor(RUNS / 2)]
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-empty-'))
  try {
    writeFileSync(join(dir, 'empty.js'), '')
    writeFileSync(join(dir, 'sdk.js'), "require('@cloudbase/node-sdk')")
    return { sdkMs: med(() => loadOnce(join(dir, 'sdk.js'))), emptyMs: med(() => loadOnce(join(dir, 'empty.js'))) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function coldStarts(): Promise<ColdStart[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-fns-'))
  try {
    const built = await buildFunctions(dir)
    const out: ColdStart[] = []
    for (const { name } of built) {
      const file = join(dir, name, 'index.js')
      const pkg = JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, name, 'package.json'))}, 'utf8'))`], { encoding: 'utf8' })) as { dependencies?: Record<string, string> }
      const times = Array.from({ length: RUNS }, () => loadOnce(file)).sort((a, b) => a - b)
      out.push({ name, bytes: statSync(file).size, loadMs: times[Math.floor(RUNS / 2)], externals: Object.keys(pkg.dependencies ?? {}) })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function coldStartRows(list: readonly ColdStart[], base: { sdkMs: number; emptyMs: number }): string[] {
  const mark = (ms: number) => (ms > COLD_START_GOAL_MS ? `**${ms.toFixed(0)} ms**` : `${ms.toFixed(0)} ms`)
  return [
    `| function | bundle bytes | external packages (installed by CloudBase) | **require in a fresh process** (median of ${RUNS}; goal ≤ ${COLD_START_GOAL_MS} ms) | the same minus \`@cloudbase/node-sdk\` alone |`,
    '|---|---:|---|---:|---:|',
    ...list.map((c) => `| ${c.name} | ${c.bytes.toLocaleString('en')} | ${c.externals.join(', ') || '–'} | ${mark(c.loadMs)} | ${Math.max(0, c.loadMs - base.sdkMs).toFixed(0)} ms |`),
    `| *baseline: \`require('@cloudbase/node-sdk')\` alone / an empty file* | | | ${base.sdkMs.toFixed(0)} ms / ${base.emptyMs.toFixed(1)} ms | |`,
  ]
}

if (require.main === module) {
  coldStarts().then((list) => console.log(coldStartRows(list, coldStartBaselines()).join('\n')))
}
