/**
 * The floor: a Taro hello world (`bench/floor/`: one page, one taro-ui button) built with the same
 * Taro, React and taro-ui (the repo's node_modules) and the app's build settings, for weapp and H5.
 * Every size in the bench is also given as a ratio to it.
 *
 * The build is cached in `bench/.floor-cache/<key>/` where the key hashes package-lock.json, the root
 * babel.config.js (which the floor's reuses) with the H5 plugin it loads (config/babel-h5-components.js), config/mini-size.json (which its config imports) and the floor's own files, so it is rebuilt only when a dependency or the floor changes. Builds run under
 * the same lock as the app's (`/tmp/dist.lock`, see sizes.ts).
 *
 * `npx tsx bench/floor.ts` alone builds (if needed) and prints the floor's sizes.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(__dirname, '..')
const FLOOR = join(__dirname, 'floor')
const CACHE = join(__dirname, '.floor-cache')

function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.name === 'dist' || e.name === 'node_modules' || e.name.startsWith('.')) continue
    if (e.isDirectory()) out.push(...filesUnder(dir, r))
    else out.push(r)
  }
  return out.sort()
}

/** sha256 of package-lock.json, the root babel.config.js (the floor's reuses it) and every file of bench/floor (path and content), 16 hex digits. */
export function floorKey(): string {
  const h = createHash('sha256')
  h.update(readFileSync(join(ROOT, 'package-lock.json')))
  h.update(readFileSync(join(ROOT, 'babel.config.js')))
  // The H5 component-import plugin that babel.config.js loads.
  h.update(readFileSync(join(ROOT, 'config', 'babel-h5-components.js')))
  // The weapp size settings the floor's config imports from the app's (config/mini-size.json).
  h.update(readFileSync(join(ROOT, 'config', 'mini-size.json')))
  for (const f of filesUnder(FLOOR)) {
    h.update(`\0${f}\0`)
    h.update(readFileSync(join(FLOOR, f)))
  }
  return h.digest('hex').slice(0, 16)
}

export function dirBytes(dir: string, skip: (rel: string) => boolean = () => false, rel = ''): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name
    if (skip(r)) continue
    if (entry.isDirectory()) {
      const sub = dirBytes(dir, skip, r)
      bytes += sub.bytes
      files += sub.files
    } else {
      bytes += statSync(join(dir, r)).size
      files++
    }
  }
  return { bytes, files }
}

export interface FloorBuild {
  key: string
  /** Output folder of each type (`<cache>/<key>/weapp`, `…/h5`). */
  weapp: string
  h5: string
  /** Seconds this call spent building, per type; null when the cache had it. */
  builtS: Record<'weapp' | 'h5', number | null>
}

/** The floor's build for the current lockfile, building what the cache lacks. */
export function ensureFloor(): FloorBuild {
  const key = floorKey()
  const out = join(CACHE, key)
  const builtS: FloorBuild['builtS'] = { weapp: null, h5: null }
  for (const type of ['weapp', 'h5'] as const) {
    const marker = join(out, type, type === 'weapp' ? 'app.json' : 'index.html')
    if (existsSync(marker)) continue
    process.stderr.write(`bench: floor ${type} (key ${key}) not cached, building it…\n`)
    rmSync(join(out, type), { recursive: true, force: true })
    const t0 = performance.now()
    const built = spawnSync('flock', ['/tmp/dist.lock', process.execPath, join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', type], {
      cwd: FLOOR,
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, NODE_ENV: 'production', FLOOR_OUT: out },
    })
    if (built.status !== 0 || !existsSync(marker)) throw new Error(`floor: taro build --type ${type} failed`)
    builtS[type] = (performance.now() - t0) / 1000
  }
  // Older keys are builds for another lockfile: drop them.
  for (const old of existsSync(CACHE) ? readdirSync(CACHE) : []) if (old !== key) rmSync(join(CACHE, old), { recursive: true, force: true })
  return { key, weapp: join(out, 'weapp'), h5: join(out, 'h5'), builtS }
}

/** gzip -9 bytes of the JS and CSS that `<h5>/index.html` references. */
export function h5IndexGzip(h5: string): { js: number; css: number; jsRaw: number; cssRaw: number } {
  const html = readFileSync(join(h5, 'index.html'), 'utf8')
  return gzipOf(h5, [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]))
}

/** gzip -9 and raw bytes, and how many files, of the JS and of the CSS among `paths` (relative to `h5`; each counted once, missing ones skipped). */
export function gzipOf(h5: string, paths: readonly string[]) {
  const out = { js: 0, css: 0, jsRaw: 0, cssRaw: 0, jsFiles: 0, cssFiles: 0 }
  for (const a of new Set(paths)) {
    const file = join(h5, a)
    if (!existsSync(file)) continue
    const buf = readFileSync(file)
    const gz = gzipSync(buf, { level: 9 }).length
    if (a.endsWith('.js')) {
      out.js += gz
      out.jsRaw += buf.length
      out.jsFiles++
    } else {
      out.css += gz
      out.cssRaw += buf.length
      out.cssFiles++
    }
  }
  return out
}

export interface FloorSizes {
  key: string
  builtS: FloorBuild['builtS']
  /** The whole weapp output: the floor has one package. */
  weappBytes: number
  weappFiles: number
  /** The H5 first screen: everything index.html loads (the floor's one page is in the entry). */
  h5Js: number
  h5Css: number
  /** The floor's H5 output folder (to size what a browser requested from it). */
  h5Dir: string
}

export function floorSizes(build: FloorBuild = ensureFloor()): FloorSizes {
  const w = dirBytes(build.weapp)
  const h = h5IndexGzip(build.h5)
  return { key: build.key, builtS: build.builtS, weappBytes: w.bytes, weappFiles: w.files, h5Js: h.js, h5Css: h.css, h5Dir: build.h5 }
}

export const ratio = (n: number, floor: number): string => `${(n / floor).toFixed(2)}×`

if (require.main === module) {
  const s = floorSizes()
  process.stdout.write(`FLOOR_RESULT ${JSON.stringify(s)}\n`)
}
