/**
 * Package sizes from `dist/`: the weapp main package and each subpackage in bytes against
 * WeChat's 2 MB per-package limit, and the H5 first screen (what index.html loads, and what the
 * browser had requested when the first policy card showed, from bench/h5-render.ts),
 * gzipped. A missing build is made first (under a lock shared with other builders).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { OUTSIDE_ENTRY_PAGES, type OutsideEntryPage, pageRoute, residentPackageOf } from '../cloudfunctions/_shared/domain/pages'
import { floorFirstScreen, h5FirstRender } from './h5-render'
import { dirBytes, type FloorSizes, floorSizes, gzipOf, ratio } from './floor'

const ROOT = resolve(__dirname, '..')
const LIMIT = 2 * 1024 * 1024

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

/** Builds `dist/<type>` if it is missing; returns how long that took, or null if it was there. */
export function ensureBuilt(type: 'weapp' | 'h5'): number | null {
  const marker = type === 'weapp' ? join(ROOT, 'dist', 'weapp', 'app.json') : join(ROOT, 'dist', 'h5', 'index.html')
  if (existsSync(marker)) return null
  process.stderr.write(`bench: dist/${type} is missing, building it…\n`)
  const t0 = performance.now()
  const built = spawnSync('flock', ['/tmp/dist.lock', 'npx', 'taro', 'build', '--type', type, ...(type === 'weapp' ? ['--mode', 'check'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0 || !existsSync(marker)) throw new Error(`taro build --type ${type} failed`)
  return performance.now() - t0
}

/** Builds what is missing; call before anything serves dist/h5. */
export function ensureDist(): Record<'weapp' | 'h5', number | null> {
  return { weapp: ensureBuilt('weapp'), h5: ensureBuilt('h5') }
}

/** Pages a resident opens from outside (QR code, push, share): main package + one subpackage each. */
/** How each page residents open from outside the app is reached (the list is `OUTSIDE_ENTRY_PAGES`). */
const ENTRY_LABELS: Record<OutsideEntryPage, string> = {
  event: 'event sign-up (poster QR code, share)',
  policyDetail: 'policy detail (push, share)',
  survey: 'survey (push, inbox)',
  myCase: 'my case (subscribe message)',
  course: 'course (QR code)',
}
const ENTRIES = OUTSIDE_ENTRY_PAGES.map((key) => [key, ENTRY_LABELS[key]] as const)

/** Bytes of one page of `<weapp>`: its .js/.json/.wxml/.wxss files. */
function pageBytes(weapp: string, route: string): number {
  return ['.js', '.json', '.wxml', '.wxss'].map((ext) => join(weapp, `${route}${ext}`)).filter(existsSync).reduce((n, f) => n + statSync(f).size, 0)
}

/**
 * `firstScreen`: the JS/CSS the page had received when the first policy card showed (its own resource timings).
 * `floor`: the Taro hello world's sizes (bench/floor.ts); every size gets its ratio to it.
 */
export function packageSizes(
  built: Record<'weapp' | 'h5', number | null>,
  firstScreen: readonly string[] | null,
  floor: FloorSizes | null = null,
  floorScreen: readonly string[] | null = null,
): string[] {
  const weapp = join(ROOT, 'dist', 'weapp')
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const rows = [`| package | bytes | files | share of WeChat's 2 MB (2,097,152 B) | ratio to the floor |`, '|---|---:|---:|---:|---:|']
  const vsWeapp = (n: number) => (floor ? ratio(n, floor.weappBytes) : '–')
  if (floor) rows.push(`| floor: Taro hello world, weapp (bench/floor, key ${floor.key}) | ${floor.weappBytes.toLocaleString('en')} (${kib(floor.weappBytes)}) | ${floor.weappFiles} | ${((floor.weappBytes / LIMIT) * 100).toFixed(1)}% | 1.00× |`)
  const main = dirBytes(weapp, (r) => roots.includes(r))
  rows.push(`| **weapp main package** | **${main.bytes.toLocaleString('en')}** (${kib(main.bytes)}) | ${main.files} | ${((main.bytes / LIMIT) * 100).toFixed(1)}% | **${vsWeapp(main.bytes)}** |`)
  const subBytes: Record<string, number> = {}
  for (const root of roots) {
    const sub = existsSync(join(weapp, root)) ? dirBytes(join(weapp, root)) : { bytes: 0, files: 0 }
    subBytes[root] = sub.bytes
    rows.push(`| weapp \`${root}\` subpackage | ${sub.bytes.toLocaleString('en')} (${kib(sub.bytes)}) | ${sub.files} | ${((sub.bytes / LIMIT) * 100).toFixed(1)}% | – |`)
  }
  for (const [key, label] of ENTRIES) {
    const root = residentPackageOf(key)
    const total = main.bytes + (root ? (subBytes[root] ?? 0) : 0)
    rows.push(`| entry: ${label}, main + \`${root ?? 'none'}\` | ${total.toLocaleString('en')} (${kib(total)}) | | – | ${vsWeapp(total)} |`)
  }
  const dash = pageRoute('staffDashboard')
  const chart = join(weapp, 'staff', 'components', 'trend-chart')
  const dashBytes = pageBytes(weapp, dash) + (existsSync(chart) ? dirBytes(chart).bytes : 0)
  rows.push(`| staff dashboard page (\`${dash}\` + its chart component) | ${dashBytes.toLocaleString('en')} (${kib(dashBytes)}) | | – | – |`)
  const h5 = join(ROOT, 'dist', 'h5')
  const html = readFileSync(join(h5, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const ix = gzipOf(h5, assets)
  if (floor) rows.push(`| floor: H5 JS + CSS referenced by index.html, gzip -9 | ${(floor.h5Js + floor.h5Css).toLocaleString('en')} (JS ${kib(floor.h5Js)} + CSS ${kib(floor.h5Css)}) | | – | 1.00× |`)
  const vsH5 = (n: number) => (floor ? ratio(n, floor.h5Js + floor.h5Css) : '–')
  rows.push(`| H5 JS referenced by index.html, gzip -9 (${ix.jsFiles} files) | ${ix.js.toLocaleString('en')} (${kib(ix.js)}; raw ${kib(ix.jsRaw)}) | ${ix.jsFiles} | – | – |`)
  rows.push(`| H5 CSS referenced by index.html, gzip -9 | ${ix.css.toLocaleString('en')} (${kib(ix.css)}; raw ${kib(ix.cssRaw)}) | ${ix.cssFiles} | – | – |`)
  rows.push(`| H5 index.html JS + CSS, gzip -9 | ${(ix.js + ix.css).toLocaleString('en')} (${kib(ix.js + ix.css)}) | | – | ${vsH5(ix.js + ix.css)} |`)
  // The floor's first screen counted like the app's: every file requested until it showed
  // (index.html's files plus the page chunk the router loads), from bench/h5-render.ts.
  const fl = floor && floorScreen ? gzipOf(floor.h5Dir, floorScreen.map((p) => p.replace(/^\//, ''))) : null
  if (fl) rows.push(`| floor: H5 first screen JS + CSS (all received when its hello world showed), gzip -9 | ${(fl.js + fl.css).toLocaleString('en')} (JS ${kib(fl.js)} in ${fl.jsFiles} files + CSS ${kib(fl.css)} in ${fl.cssFiles}) | | – | ${floor ? ratio(fl.js + fl.css, floor.h5Js + floor.h5Css) : '–'} of its index.html files |`)
  if (firstScreen) {
    const fs = gzipOf(h5, firstScreen.map((p) => p.replace(/^\//, '')))
    const both = fs.js + fs.css
    const vsScreen = fl ? `; **${ratio(both, fl.js + fl.css)} the floor's first screen**` : ''
    rows.push(`| **H5 first screen JS** (all received when the first policy card showed), gzip -9 | ${fs.js.toLocaleString('en')} (${kib(fs.js)}; raw ${kib(fs.jsRaw)}) | ${fs.jsFiles} | – | – |`)
    rows.push(`| **H5 first screen CSS**, gzip -9 | ${fs.css.toLocaleString('en')} (${kib(fs.css)}; raw ${kib(fs.cssRaw)}) | ${fs.cssFiles} | – | – |`)
    rows.push(`| **H5 first screen JS + CSS** | **${both.toLocaleString('en')}** (${kib(both)}) | | – | ${vsH5(both)} the floor's index.html files${vsScreen} |`)
  }
  for (const [type, ms] of Object.entries(built)) {
    rows.push(`| dist/${type} | ${ms === null ? 'already built (not rebuilt)' : `built by this run in ${(ms / 1000).toFixed(0)} s`} | | | |`)
  }
  return rows
}

/**
 * `npx tsx bench/sizes.ts`: this scenario alone (the sizes of dist/ beside the floor, no browser);
 * with `--first-screen` it also loads the app and the floor in Chromium to size their first screens.
 */
if (require.main === module) {
  const built = ensureDist()
  const floor = floorSizes()
  const screens = process.argv.includes('--first-screen')
    ? h5FirstRender().then(async (r) => [r.firstScreen, await floorFirstScreen()] as const)
    : Promise.resolve([null, null] as const)
  screens
    .then(([app, fl]) => process.stdout.write(`${packageSizes(built, app, floor, fl).join('\n')}\n`))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
