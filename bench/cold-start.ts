/**
 * Cold start of each cloud function: the bundle `npm run build:functions` makes (built here into
 * a temp folder, `@cloudbase/node-sdk` inside it, `scripts/sdk-bundle.ts`), its size, the size
 * of `cloudbase-sdk-lazy.js` beside it (SDK packages loaded on first use only, not at start),
 * and the time to `require` the bundle in a fresh Node process: wall time (the goal) and CPU time
 * (user + system, less sensitive to a busy machine). Median of 7 fresh processes per function,
 * loaded round-robin with the baselines, and the load average before and after. Baselines from the same run: the SDK as npm installs
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
const RUNS = 7
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
  /** CPU time of the same three requires. */
  cpu: { sdkMs: number; bundledSdkMs: number; emptyMs: number }
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

/** The SDK bundled alone, as the functions hold it (with its lazy file beside it). */
async function buildBundledSdk(dir: string): Promise<string> {
  await build({
    stdin: { contents: "module.exports = require('@cloudbase/node-sdk')", resolveDir: ROOT, loader: 'js' },
    outfile: join(dir, 'sdk.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    ...BUNDLE_MINIFY,
    plugins: [sdkBundlePlugin()],
    logLevel: 'warning',
  })
  await writeSdkLazy(dir)
  return join(dir, 'sdk.js')
}

/**
 * Builds every function and the baselines, then loads them round-robin: round r loads each file
 * once, so a change in the machine's load falls on all of them alike. Medians of `RUNS` rounds.
 */
export async function coldStartRun(): Promise<{ list: ColdStart[]; base: ColdStartBaselines }> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-fns-'))
  try {
    const fns = join(dir, 'functions')
    const built = await buildFunctions(fns)
    const bundled = join(dir, 'bundled')
    mkdirSync(bundled)
    const files: Record<string, string> = {
      ':empty': join(dir, 'empty.js'),
      ':sdk': join(dir, 'sdk.js'),
      ':bundled': await buildBundledSdk(bundled),
      ...Object.fromEntries(built.map(({ name }) => [name, join(fns, name, 'index.js')])),
    }
    writeFileSync(files[':empty'], '')
    writeFileSync(files[':sdk'], "require('@cloudbase/node-sdk')")
    const times: Record<string, Timing[]> = Object.fromEntries(Object.keys(files).map((k) => [k, []]))
    for (let r = 0; r < RUNS; r++) for (const [k, f] of Object.entries(files)) times[k].push(loadOnce(f))
    const wall = (k: string) => median(times[k].map((t) => t.wallMs))
    const cpu = (k: string) => median(times[k].map((t) => t.cpuMs))
    const list = built.map(({ name }) => {
      const lazy = join(fns, name, SDK_LAZY_FILE)
      const pkg = JSON.parse(readFileSync(join(fns, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
      return {
        name,
        bytes: statSync(files[name]).size,
        lazyBytes: existsSync(lazy) ? statSync(lazy).size : 0,
        loadMs: wall(name),
        cpuMs: cpu(name),
        externals: Object.keys(pkg.dependencies ?? {}),
      }
    })
    return {
      list,
      base: { sdkMs: wall(':sdk'), bundledSdkMs: wall(':bundled'), emptyMs: wall(':empty'), cpu: { sdkMs: cpu(':sdk'), bundledSdkMs: cpu(':bundled'), emptyMs: cpu(':empty') } },
    }
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
    `| *baselines: \`require('@cloudbase/node-sdk')\` as installed / the SDK bundled alone / an empty file* | | | | ${base.sdkMs.toFixed(0)} ms / ${base.bundledSdkMs.toFixed(0)} ms / ${base.emptyMs.toFixed(1)} ms | ${base.cpu.sdkMs.toFixed(0)} ms / ${base.cpu.bundledSdkMs.toFixed(0)} ms / ${base.cpu.emptyMs.toFixed(1)} ms | |`,
    '',
    `${list.length - over} of ${list.length} bundles load within ${COLD_START_GOAL_MS} ms${load ? ` (load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after, on ${cpus().length} cores)` : ''}.`,
  ]
}

if (require.main === module) {
  void (async () => {
    const before = loadavg()[0]
    const { list, base } = await coldStartRun()
    const after = loadavg()[0]
    console.log(coldStartRows(list, base, { before, after }).join('\n'))
  })()
}
