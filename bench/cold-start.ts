/**
 * Cold start of each cloud function: the bundle `npm run build:functions` makes (built here into
 * a temp folder, `@cloudbase/node-sdk` inside it, `scripts/sdk-bundle.ts`), its size, the size
 * of `cloudbase-sdk-lazy.js` beside it (SDK packages loaded on first use only, not at start),
 * and the time to `require` the bundle in a fresh Node process: wall time (the goal) and CPU time
 * (user + system, less sensitive to a busy machine). Median of 5 fresh processes per function,
 * with the load average before and after. Baselines from the same run: the SDK as npm installs
 * it (what every function paid before it was bundled), the SDK bundled alone, an empty file.
 * Run alone: `npx tsx bench/cold-start.ts`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { buildFunctions } from '../scripts/build-functions'
import { BUNDLE_MINIFY, SDK_LAZY_FILE, sdkBundlePlugin, writeSdkLazy } from '../scripts/sdk-bundle'

const ROOT = resolve(__dirname, '..')
const RUNS = 5
export const COLD_START_GOAL_MS = 150

export interface ColdStart {
  name: string
  bytes: number
  /** `cloudbase-sdk-lazy.js` beside the bundle (0 when absent). */
  lazyBytes: number
  loadMs: number
  cpuMs: number
  externals: string[]
}

export interface ColdStartBaselines {
  /** `require('@cloudbase/node-sdk')` as installed in node_modules. */
  sdkMs: number
  /** The SDK bundled alone, as the functions hold it. */
  bundledSdkMs: number
  emptyMs: number
}

interface Timing {
  wallMs: number
  cpuMs: number
}

function loadOnce(file: string): Timing {
  const script = `const c = process.cpuUsage(); const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); const w = Number(process.hrtime.bigint() - t) / 1e6; const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wallMs: w, cpuMs: (u.user + u.system) / 1000 }))`
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8' })
  return JSON.parse(out) as Timing
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function medians(file: string): Timing {
  const runs = Array.from({ length: RUNS }, () => loadOnce(file))
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) }
}

/** The floor every function pays: the CloudBase SDK alone (installed, and bundled), and an empty file, in fresh processes. */
export async function coldStartBaselines(): Promise<ColdStartBaselines> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-empty-'))
  try {
    writeFileSync(join(dir, 'empty.js'), '')
    writeFileSync(join(dir, 'sdk.js'), "require('@cloudbase/node-sdk')")
    const bundled = join(dir, 'bundled')
    mkdirSync(bundled)
    await build({
      stdin: { contents: "module.exports = require('@cloudbase/node-sdk')", resolveDir: ROOT, loader: 'js' },
      outfile: join(bundled, 'sdk.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      ...BUNDLE_MINIFY,
      plugins: [sdkBundlePlugin()],
      logLevel: 'warning',
    })
    await writeSdkLazy(bundled)
    return { sdkMs: medians(join(dir, 'sdk.js')).wallMs, bundledSdkMs: medians(join(bundled, 'sdk.js')).wallMs, emptyMs: medians(join(dir, 'empty.js')).wallMs }
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
      const lazy = join(dir, name, SDK_LAZY_FILE)
      const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
      const t = medians(file)
      out.push({ name, bytes: statSync(file).size, lazyBytes: existsSync(lazy) ? statSync(lazy).size : 0, loadMs: t.wallMs, cpuMs: t.cpuMs, externals: Object.keys(pkg.dependencies ?? {}) })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function coldStartRows(list: readonly ColdStart[], base: ColdStartBaselines, load?: { before: number; after: number }): string[] {
  const mark = (ms: number) => (ms > COLD_START_GOAL_MS ? `**${ms.toFixed(0)} ms**` : `${ms.toFixed(0)} ms`)
  const over = list.filter((c) => c.loadMs > COLD_START_GOAL_MS).length
  return [
    `| function | bundle bytes (SDK inside) | \`${SDK_LAZY_FILE}\` bytes (first use only) | external packages (installed by CloudBase, loaded on first use) | **require in a fresh process** (wall, median of ${RUNS}; goal ≤ ${COLD_START_GOAL_MS} ms) | CPU time of that require | wall minus the bundled SDK alone |`,
    '|---|---:|---:|---|---:|---:|---:|',
    ...list.map(
      (c) =>
        `| ${c.name} | ${c.bytes.toLocaleString('en')} | ${c.lazyBytes.toLocaleString('en')} | ${c.externals.join(', ') || '–'} | ${mark(c.loadMs)} | ${c.cpuMs.toFixed(0)} ms | ${Math.max(0, c.loadMs - base.bundledSdkMs).toFixed(0)} ms |`,
    ),
    `| *baselines: \`require('@cloudbase/node-sdk')\` as installed / the SDK bundled alone / an empty file* | | | | ${base.sdkMs.toFixed(0)} ms / ${base.bundledSdkMs.toFixed(0)} ms / ${base.emptyMs.toFixed(1)} ms | | |`,
    '',
    `${list.length - over} of ${list.length} bundles load within ${COLD_START_GOAL_MS} ms${load ? ` (load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after, on ${cpus().length} cores)` : ''}.`,
  ]
}

if (require.main === module) {
  void (async () => {
    const before = loadavg()[0]
    const list = await coldStarts()
    const base = await coldStartBaselines()
    const after = loadavg()[0]
    console.log(coldStartRows(list, base, { before, after }).join('\n'))
  })()
}
