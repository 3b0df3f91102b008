/**
 * wechat-check — verifies a built WeChat mini-program (default `dist/weapp`) with WeChat's own tools:
 *
 *   1. WXML: every `.wxml` (and `.wxs`) of every package — main package and subpackages such as
 *      `staff/` — is compiled in ONE `wcc` run, the way WeChat DevTools does it, using the Linux/mac/
 *      Windows binaries shipped by the npm package `miniprogram-compiler`:
 *
 *        wcc -d [-ds] -cc "<N> <./page.wxml> <k> <comp1> … <compk> …" <./all.wxml …> <./all.wxs …> -gn $gwx
 *
 *      `-d` debug output (DevTools always passes it), `-ds` debug info for WXS (DevTools adds it when the
 *      project has .wxs files), `-cc` complete code for custom components followed by the component
 *      table (N entries of: wxml path, number of used components, their tag names — from the sibling
 *      `.json`'s `usingComponents` plus the global ones in `app.json`), `-gn` the generated function name.
 *      When app.json enables `lazyCodeLoading`, a second run compiles in lazy-load mode like DevTools:
 *
 *        wcc -d [-ds] -xc "<same table>" -ll "<page1>,<comp1>,…" <same files> -gn $gwx
 *
 *      (`-xc` simplified component code, `-ll` lazy-load with the comma-separated page/component paths
 *      WITHOUT `./` and extension, while the file list keeps the `./` prefix; output is JSON keyed by
 *      page path, which we check contains every page/component). If the argument list gets long it is
 *      passed with `--config-path <file>` (one argument per line; wcsc too), as DevTools does. `wcc` stops at the
 *      first error, so when a combined run fails each file is re-compiled alone to name every broken file.
 *
 *   2. WXSS: every `.wxss` in one `wcsc` run, as DevTools does:
 *
 *        wcsc -db -pc <P> <./page-or-component.wxss …> <./other.wxss …>
 *
 *      `-db` debug info, `-pc P` = the first P files are page/component style sheets (a sibling `.json`
 *      exists; `app.wxss` and imported sheets come after). `-cp <prefix>` (class prefix, plugins only)
 *      and `-lc` (lint) are not used by DevTools for a normal build, so neither here. wcsc reports every
 *      broken file (`ERR: ./x.wxss(1:10): unexpected token ...`) and exits non-zero. It also rejects
 *      things WeChat does not support (e.g. the `*` selector), which is exactly what we want to catch.
 *
 *   3. JSON: every `.json` must parse (DevTools refuses to compile otherwise) and every page listed in
 *      app.json (main package and subpackages) must have its `.wxml`.
 *
 *   4. Code-quality audit: `checkCodeQuality(project)` from npm `miniprogram-ci` (= DevTools' "代码质量"
 *      panel). `new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath, ignores })`
 *      — it never reads the private key nor talks to the network (compile/upload/preview do), so we pass
 *      a dummy appid and a freshly generated RSA key in a temp dir. It resolves to
 *      `{ name, success, text, docURL, detail }[]`. It runs in a child process because it starts a
 *      chokidar watcher that is never closed and caches per process; the child blocks (and records) any
 *      TCP connection or DNS lookup, so "offline" is enforced, not assumed. It reads the dir's own
 *      `project.config.json` (Taro copies the repo's one into dist with `miniprogramRoot: './'`); the
 *      build output is never modified.
 *
 *   The audit items (miniprogram-ci 2.1.x `dist/ci/utils/qualitycheckoption.js`; thresholds are read
 *   from that file at run time) and how we judge them — miniprogram-ci's own `success` is too lenient
 *   for three items, so the report re-derives pass/fail from `detail` where noted:
 *
 *   - PACKAGE_SIZE_LIMIT (limit 1.5 MB): every package — main (`__APP__`) and each subpackage — counting
 *     only uploadable file types (.wxml .wxss .wxs .js .json images audio .wasm …; .map is ignored) must
 *     be < 1.5 × 1024 KB. (WeChat's hard limit is 2 MB per package; the audit is stricter.)
 *   - JS_COMPRESS_OPEN / WXML_COMPRESS_OPEN / WXSS_COMPRESS_OPEN: project.config.json
 *     `setting.minified` / `setting.minifyWXML` / `setting.minifyWXSS` must be true (DevTools minifies
 *     on upload). Missing project.config.json ⇒ all three fail.
 *   - LAZYCODE_LOADING_OPEN: app.json `lazyCodeLoading` must be set ("requiredComponents").
 *   - PLUGIN_OVER_SIZE (limit 200 KB): no handler in miniprogram-ci. We pass it when no plugin is
 *     declared (app.json `plugins`, subpackage `plugins`) and fail otherwise, since a plugin's size
 *     cannot be measured offline.
 *   - IMAGE_AND_AUDIO_LIMIT (limit 200 KB): the TOTAL size of image/audio files (.png .jpg .jpeg .svg
 *     .webp .gif .mp3 .m4a .aac .wav .ogg .mp4 …) in the code package must be < 200 KB.
 *   - CONTAINS_OTHER_PKG_JS: the main package must not contain JS required only by subpackages.
 *   - CONTAINS_OTHER_PKG_COMPONENTS: the main package must not contain components used only by
 *     subpackages. miniprogram-ci always reports success here; we fail when `detail` lists any.
 *   - CONTAINS_UNUSED_PLUGINS: no declared-but-unused plugins.
 *   - CONTAINS_UNUSED_COMPONENTS: no `usingComponents` entry that the page/component's WXML never uses.
 *   - CONTAINS_UNUSED_CODES: no code file (.js .json .wxml .wxss .wxs) unreachable from app.json.
 *     miniprogram-ci only fails it when project.config.json sets `ignoreDevUnusedFiles` or
 *     `ignoreUploadUnusedFiles` to false; we fail whenever `detail` lists a file.
 *   - CONTAINS_APPSECRET: no handler in miniprogram-ci. We scan .js/.json/.wxml/.wxs for a 32-hex-char
 *     string literal assigned to something named "*secret*" (the AppSecret format).
 *   Also: miniprogram-ci turns an exception inside a checker into `success: true` plus `console.error`;
 *   we capture console.error in the child and fail the audit if anything is logged there. Any enabled
 *   item missing from the result fails too.
 *
 * Usage: npx tsx scripts/wechat-check.ts [dir=dist/weapp] [--json] [--verbose]
 * Exit code: 0 all good, 1 something failed, 2 the checker itself crashed.
 */
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

export type Tool = 'wcc' | 'wcsc' | 'json'

export interface CompileError {
  tool: Tool
  /** Path relative to the checked dir (no `./`), or null when the compiler did not name one. */
  file: string | null
  line: number | null
  column: number | null
  message: string
}

export interface CompilerRun {
  tool: 'wcc' | 'wcsc'
  /** 'full' / 'lazy' for the DevTools-style runs, 'single' for a one-file diagnostic re-run. */
  mode: 'full' | 'lazy' | 'single'
  args: string[]
  exitCode: number | null
  signal: string | null
  ok: boolean
  durationMs: number
  errors: CompileError[]
  /** stderr lines of a successful run (wcc/wcsc warnings); informational, not failures. */
  warnings: string[]
}

export interface CompileSection {
  /** Files given to the compiler, relative to the checked dir. */
  files: string[]
  runs: CompilerRun[]
  errors: CompileError[]
  ok: boolean
}

export interface AuditItem {
  name: string
  title: string
  /** Who evaluated it: miniprogram-ci's checker, or this script for items miniprogram-ci has no handler for. */
  source: 'miniprogram-ci' | 'wechat-check'
  success: boolean
  /** miniprogram-ci's own verdict (null when it did not run the item). */
  ciSuccess: boolean | null
  message: string
  limit?: number
  detail?: unknown
}

export interface AuditSection {
  ok: boolean
  items: AuditItem[]
  /** Audit-level problems: checker exceptions, blocked network access, child-process failures. */
  errors: string[]
  networkAttempts: string[]
  hasProjectConfig: boolean
  ciVersion: string
  durationMs: number
}

export interface Report {
  dir: string
  ok: boolean
  wxml: CompileSection & { wxsFiles: string[] }
  wxss: CompileSection
  json: CompileSection
  audit: AuditSection
  versions: { wcc: string | null; wcsc: string | null; miniprogramCi: string }
  /** One readable line per failure. Empty when ok. */
  failures: string[]
  durationMs: number
}

// ---------------------------------------------------------------------------------------------------------
// helpers

const localRequire = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'x.js'))

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const dotSlash = (rel: string): string => `./${rel}`
const stripDotSlash = (p: string): string => p.replace(/^\.\//, '')

/** All files under `root` (relative posix paths, sorted), skipping node_modules and dot-dirs like DevTools. */
function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true })
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue
        walk(childRel)
      } else if (e.isFile()) {
        out.push(childRel)
      }
    }
  }
  walk('')
  return out.sort()
}

function readJson(file: string): { value: Json } | { error: string } {
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as Json }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

interface ProcResult {
  code: number | null
  signal: string | null
  stdout: string
  stderr: string
  durationMs: number
  spawnError: string | null
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcResult> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let spawnError: string | null = null
    const timer = setTimeout(() => {
      spawnError = `timed out after ${opts.timeoutMs} ms`
      child.kill('SIGKILL')
    }, opts.timeoutMs)
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', (e) => {
      spawnError = e.message
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
        spawnError,
      })
    })
  })
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

// ---------------------------------------------------------------------------------------------------------
// compiler binaries

interface Binaries {
  wcc: string
  wcsc: string
}

/**
 * The binaries in node_modules/miniprogram-compiler/bin are published without the executable bit
 * (the package's own wrapper chmods them in place). We leave node_modules alone: when they are not
 * executable we copy them into our temp dir.
 */
function resolveBinaries(tmp: string): Binaries {
  const pkgDir = path.dirname(localRequire.resolve('miniprogram-compiler/package.json'))
  let sub: string
  let ext = ''
  if (process.platform === 'linux') {
    if (process.arch !== 'x64') throw new Error(`miniprogram-compiler only ships x86-64 Linux binaries (this is ${process.arch})`)
    sub = 'linux'
  } else if (process.platform === 'darwin') {
    sub = 'mac'
  } else if (process.platform === 'win32') {
    sub = 'windows'
    ext = '.exe'
  } else {
    throw new Error(`miniprogram-compiler has no binaries for ${process.platform}`)
  }
  const pick = (name: string): string => {
    const src = path.join(pkgDir, 'bin', sub, name + ext)
    if (!fs.existsSync(src)) throw new Error(`missing ${src}`)
    if (process.platform === 'win32') return src
    try {
      fs.accessSync(src, fs.constants.X_OK)
      return src
    } catch {
      const dest = path.join(tmp, 'bin', name + ext)
      fs.mkdirSync(path.dirname(dest), { recursive: true })
      fs.copyFileSync(src, dest)
      fs.chmodSync(dest, 0o755)
      return dest
    }
  }
  return { wcc: pick('wcc'), wcsc: pick('wcsc') }
}

// ---------------------------------------------------------------------------------------------------------
// project structure

interface Project {
  files: string[]
  appJson: JsonObject | null
  /** page paths (no extension) of main package and subpackages, from app.json */
  pages: string[]
  /** `<base>` (no extension) of every file that has a parsable sibling `<base>.json`, mapped to the JSON */
  jsonByBase: Map<string, JsonObject>
  jsonErrors: CompileError[]
  jsonFiles: string[]
  plugins: string[]
}

function loadProject(dir: string): Project {
  const files = listFiles(dir)
  const jsonFiles = files.filter((f) => f.endsWith('.json'))
  const jsonByBase = new Map<string, JsonObject>()
  const jsonErrors: CompileError[] = []
  for (const f of jsonFiles) {
    const r = readJson(path.join(dir, f))
    if ('error' in r) {
      jsonErrors.push({ tool: 'json', file: f, line: null, column: null, message: `invalid JSON: ${r.error}` })
    } else if (isObject(r.value)) {
      jsonByBase.set(f.slice(0, -'.json'.length), r.value)
    }
  }
  const appJson = jsonByBase.get('app') ?? null
  const pages: string[] = []
  const plugins: string[] = []
  if (!appJson) {
    if (!jsonErrors.some((e) => e.file === 'app.json')) {
      jsonErrors.push({ tool: 'json', file: 'app.json', line: null, column: null, message: 'app.json is missing — not a mini-program root' })
    }
  } else {
    const strings = (v: Json | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
    pages.push(...strings(appJson.pages))
    if (isObject(appJson.plugins)) plugins.push(...Object.keys(appJson.plugins))
    const subs = appJson.subPackages ?? appJson.subpackages
    if (Array.isArray(subs)) {
      for (const s of subs) {
        if (!isObject(s) || typeof s.root !== 'string') continue
        const root = s.root.replace(/^\/+|\/+$/g, '')
        for (const p of strings(s.pages)) pages.push(`${root}/${p}`)
        if (isObject(s.plugins)) plugins.push(...Object.keys(s.plugins))
      }
    }
    const fileSet = new Set(files)
    for (const p of pages) {
      if (!fileSet.has(`${p}.wxml`)) {
        jsonErrors.push({ tool: 'json', file: 'app.json', line: null, column: null, message: `page "${p}" has no ${p}.wxml` })
      }
    }
  }
  return { files, appJson, pages, jsonByBase, jsonErrors, jsonFiles, plugins }
}

// ---------------------------------------------------------------------------------------------------------
// stderr parsing

function parseWccErrors(stderr: string): CompileError[] {
  const errors: CompileError[] = []
  for (const raw of stderr.split(/\r?\n/)) {
    // lazy-load mode prefixes messages with an error code: `Error -1: ./a.wxml:1:29: …`
    const line = raw.trim().replace(/^Error -?\d+:\s*(?=\.?\/?[^\s:]+?\.(?:wxml|wxs):\d)/, '')
    if (!line) continue
    let m = /^(\.?\/?[^\s:]+?\.(?:wxml|wxs)):(\d+):(\d+):\s*(.*)$/.exec(line)
    if (m) {
      errors.push({ tool: 'wcc', file: stripDotSlash(m[1]), line: Number(m[2]), column: Number(m[3]), message: m[4] })
      continue
    }
    m = /file not found:\s*(\S+)/i.exec(line)
    if (m) {
      errors.push({ tool: 'wcc', file: stripDotSlash(m[1].replace(/^(\.\/)+/, './')), line: null, column: null, message: line })
      continue
    }
    errors.push({ tool: 'wcc', file: null, line: null, column: null, message: line })
  }
  return errors
}

function parseWcscErrors(stderr: string): CompileError[] {
  const errors: CompileError[] = []
  for (const raw of stderr.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || /^error file count:/i.test(line)) continue
    let m = /^(?:ERR:\s*)?(\.?\/?[^\s(]+?\.wxss)\((\d+):(\d+)\):\s*(.*)$/.exec(line)
    if (m) {
      errors.push({ tool: 'wcsc', file: stripDotSlash(m[1]), line: Number(m[2]), column: Number(m[3]), message: m[4] })
      continue
    }
    m = /not found from `([^`]+)`/.exec(line)
    if (m) {
      errors.push({ tool: 'wcsc', file: stripDotSlash(m[1]), line: null, column: null, message: line.replace(/^ERR:\s*/, '') })
      continue
    }
    errors.push({ tool: 'wcsc', file: null, line: null, column: null, message: line.replace(/^ERR:\s*/, '') })
  }
  return errors
}

function processFailure(tool: 'wcc' | 'wcsc', r: ProcResult): CompileError[] {
  const errors = tool === 'wcc' ? parseWccErrors(r.stderr) : parseWcscErrors(r.stderr)
  if (r.spawnError) errors.push({ tool, file: null, line: null, column: null, message: r.spawnError })
  if (errors.length === 0) {
    errors.push({ tool, file: null, line: null, column: null, message: `${tool} exited with ${r.signal ?? r.code} and no message` })
  }
  return errors
}

const stderrLines = (stderr: string): string[] => stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)

const errorKey = (e: CompileError): string => `${e.tool}|${e.file}|${e.line}|${e.column}|${e.message}`

function dedupe(errors: CompileError[]): CompileError[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const k = errorKey(e)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

// ---------------------------------------------------------------------------------------------------------
// WXML

const ARG_FILE_THRESHOLD = 60_000

/** Both compilers accept `--config-path <file>` with one argument per line (DevTools uses it for long lists). */
function argvFor(tool: 'wcc' | 'wcsc', args: string[], tmp: string): string[] {
  const total = args.reduce((n, a) => n + a.length + 1, 0)
  if (total <= ARG_FILE_THRESHOLD) return args
  const cfg = path.join(tmp, `${tool}-${Math.random().toString(36).slice(2)}.txt`)
  fs.writeFileSync(cfg, args.join('\n'))
  return ['--config-path', cfg]
}

async function runWcc(bin: string, dir: string, tmp: string, args: string[], mode: CompilerRun['mode']): Promise<{ run: CompilerRun; stdout: string }> {
  const r = await run(bin, argvFor('wcc', args, tmp), { cwd: dir, timeoutMs: 120_000 })
  const ok = r.code === 0 && !r.spawnError
  return {
    run: { tool: 'wcc', mode, args, exitCode: r.code, signal: r.signal, ok, durationMs: r.durationMs, errors: ok ? [] : processFailure('wcc', r), warnings: ok ? stderrLines(r.stderr) : [] },
    stdout: r.stdout,
  }
}

async function checkWxml(bins: Binaries, dir: string, tmp: string, project: Project): Promise<{ section: Report['wxml']; version: string | null }> {
  const wxmlFiles = project.files.filter((f) => f.endsWith('.wxml'))
  const wxsFiles = project.files.filter((f) => f.endsWith('.wxs'))
  const section: Report['wxml'] = { files: wxmlFiles, wxsFiles, runs: [], errors: [], ok: true }
  if (wxmlFiles.length === 0) return { section, version: null }

  const globalComponents = project.appJson && isObject(project.appJson.usingComponents) ? Object.keys(project.appJson.usingComponents) : []
  const table: string[] = []
  let count = 0
  for (const f of wxmlFiles) {
    const json = project.jsonByBase.get(f.slice(0, -'.wxml'.length))
    if (!json) continue
    const own = isObject(json.usingComponents) ? Object.keys(json.usingComponents) : []
    const names = [...new Set([...own, ...globalComponents])]
    table.push(dotSlash(f), String(names.length), ...names)
    count++
  }
  const componentTable = [String(count), ...table].join(' ')
  const fileArgs = [...wxmlFiles, ...wxsFiles].map(dotSlash)
  const debugWxs = wxsFiles.length > 0 ? ['-ds'] : []

  const lazy = project.appJson?.lazyCodeLoading
  const lazyPaths = [
    ...new Set([
      ...project.pages,
      ...[...project.jsonByBase.entries()].filter(([, j]) => j.component === true).map(([base]) => base),
    ]),
  ]
    .filter((base) => wxmlFiles.includes(`${base}.wxml`))
    .sort()

  const runs: Promise<{ run: CompilerRun; stdout: string }>[] = [
    runWcc(bins.wcc, dir, tmp, ['-d', ...debugWxs, '-cc', componentTable, ...fileArgs, '-gn', '$gwx'], 'full'),
  ]
  if (lazy && lazyPaths.length > 0) {
    runs.push(runWcc(bins.wcc, dir, tmp, ['-d', ...debugWxs, '-xc', componentTable, '-ll', lazyPaths.join(','), ...fileArgs, '-gn', '$gwx'], 'lazy'))
  }
  const results = await Promise.all(runs)
  let version: string | null = null
  for (const { run: r, stdout } of results) {
    version ??= /__wcc_version__='([^']+)'/.exec(stdout)?.[1] ?? /\/\*(v[\w.]+)\*\//.exec(stdout)?.[1] ?? null
    if (r.ok && r.mode === 'lazy') {
      // lazy mode prints JSON keyed by page/component path: every one we asked for must be there.
      try {
        const parsed: unknown = JSON.parse(stdout)
        const keys = isObject(parsed) ? new Set(Object.keys(parsed)) : new Set<string>()
        for (const p of lazyPaths) {
          if (!keys.has(p)) r.errors.push({ tool: 'wcc', file: `${p}.wxml`, line: null, column: null, message: 'missing from wcc lazy-load output' })
        }
      } catch (e) {
        r.errors.push({ tool: 'wcc', file: null, line: null, column: null, message: `lazy-load output is not JSON: ${e instanceof Error ? e.message : String(e)}` })
      }
      r.ok = r.errors.length === 0
    } else if (r.ok && !stdout.includes('$gwx')) {
      r.errors.push({ tool: 'wcc', file: null, line: null, column: null, message: 'wcc produced no $gwx code' })
      r.ok = false
    }
    section.runs.push(r)
  }

  if (section.runs.some((r) => !r.ok)) {
    // wcc stops at the first error: compile each file on its own to name every broken one.
    const singles = await mapLimit([...wxmlFiles, ...wxsFiles], Math.max(2, os.cpus().length), async (f) =>
      (await runWcc(bins.wcc, dir, tmp, ['-d', dotSlash(f), '-gn', '$gwx'], 'single')).run,
    )
    for (const s of singles) if (!s.ok) section.runs.push(s)
  }
  section.errors = dedupe(section.runs.flatMap((r) => r.errors))
  section.ok = section.runs.every((r) => r.ok) && section.errors.length === 0
  return { section, version }
}

// ---------------------------------------------------------------------------------------------------------
// WXSS

async function checkWxss(bins: Binaries, dir: string, tmp: string, project: Project): Promise<{ section: CompileSection; version: string | null }> {
  const wxssFiles = project.files.filter((f) => f.endsWith('.wxss'))
  const section: CompileSection = { files: wxssFiles, runs: [], errors: [], ok: true }
  if (wxssFiles.length === 0) return { section, version: null }
  const isPageOrComponent = (f: string): boolean => {
    const base = f.slice(0, -'.wxss'.length)
    return base !== 'app' && project.jsonByBase.has(base)
  }
  const pageSheets = wxssFiles.filter(isPageOrComponent)
  const otherSheets = wxssFiles.filter((f) => !isPageOrComponent(f))
  const args = ['-db', '-pc', String(pageSheets.length), ...[...pageSheets, ...otherSheets].map(dotSlash)]
  const r = await run(bins.wcsc, argvFor('wcsc', args, tmp), { cwd: dir, timeoutMs: 120_000 })
  let ok = r.code === 0 && !r.spawnError
  const errors = ok ? [] : processFailure('wcsc', r)
  let version: string | null = null
  if (ok) {
    // stdout is `version=<v>=comm=<js>=./page.wxss=<js>=…=./app.wxss=<js>`: one entry per page/component
    // sheet plus app.wxss; the other (imported) sheets are compiled into `comm`.
    const parts = r.stdout.split('=')
    version = parts[0] === 'version' ? (parts[1] ?? null) : null
    const keys = new Set(parts.filter((_, i) => i % 2 === 0))
    for (const f of [...pageSheets, ...otherSheets.filter((f) => f === 'app.wxss')]) {
      if (!keys.has(dotSlash(f))) errors.push({ tool: 'wcsc', file: f, line: null, column: null, message: 'missing from wcsc output' })
    }
    ok = errors.length === 0
  }
  section.runs.push({ tool: 'wcsc', mode: 'full', args, exitCode: r.code, signal: r.signal, ok, durationMs: r.durationMs, errors, warnings: r.code === 0 ? stderrLines(r.stderr) : [] })
  section.errors = dedupe(errors)
  section.ok = ok
  return { section, version }
}

// ---------------------------------------------------------------------------------------------------------
// code-quality audit (miniprogram-ci), in a child process

/** Plain JS run with `node -e`; payload in WECHAT_CHECK_PAYLOAD, result written to payload.resultPath. */
const AUDIT_CHILD = String.raw`
'use strict'
const fs = require('fs')
const net = require('net')
const dns = require('dns')
const payload = JSON.parse(process.env.WECHAT_CHECK_PAYLOAD)
const out = { items: null, checkList: null, consoleErrors: [], networkAttempts: [], fatal: null, durationMs: 0 }
const describe = (a) => { try { return JSON.stringify(a, (k, v) => (typeof v === 'function' ? undefined : v)).slice(0, 200) } catch (e) { return String(a) } }
const origConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  if (first && typeof first === 'object' && typeof first.path === 'string') return origConnect.apply(this, args)
  out.networkAttempts.push('connect ' + describe(first && typeof first === 'object' ? { host: first.host, port: first.port } : first))
  const sock = this
  process.nextTick(() => sock.destroy(new Error('network access blocked by wechat-check')))
  return this
}
const blockedLookup = (host, ...rest) => {
  out.networkAttempts.push('dns ' + describe(host))
  const cb = rest.find((x) => typeof x === 'function')
  const err = Object.assign(new Error('dns blocked by wechat-check'), { code: 'ENOTFOUND' })
  if (cb) process.nextTick(() => cb(err))
}
dns.lookup = blockedLookup
dns.promises.lookup = async (host) => { blockedLookup(host); throw Object.assign(new Error('dns blocked by wechat-check'), { code: 'ENOTFOUND' }) }
const finish = () => {
  try { fs.writeFileSync(payload.resultPath, JSON.stringify(out)) } finally { process.exit(0) }
}
process.on('uncaughtException', (e) => { out.fatal = 'uncaught: ' + (e && e.stack || String(e)); finish() })
process.on('unhandledRejection', (e) => { out.consoleErrors.push('unhandled rejection: ' + (e && e.stack || String(e))) })
;(async () => {
  try {
    const ci = require(payload.ciMain)
    const option = require(payload.ciCheckOptions)
    out.checkList = ((option.default || option).checkList || []).map((c) => ({ name: c.name, enabled: !!c.enabled, limit: c.limit, title: c.titleEn || c.title, desc: c.descEn || c.desc }))
    const project = new ci.Project({ appid: payload.appid, type: 'miniProgram', projectPath: payload.projectPath, privateKeyPath: payload.privateKeyPath, ignores: ['node_modules/**/*'] })
    const origError = console.error
    console.error = (...a) => { out.consoleErrors.push(a.map((x) => (x instanceof Error ? x.stack || x.message : typeof x === 'string' ? x : describe(x))).join(' ')) }
    const t = Date.now()
    try {
      out.items = await ci.checkCodeQuality(project)
    } finally {
      console.error = origError
      out.durationMs = Date.now() - t
    }
  } catch (e) {
    out.fatal = (e && e.stack) || String(e)
  }
  finish()
})()
`

interface RawCheckItem {
  name: string
  success: boolean
  text?: string
  detail?: unknown
}
interface RawCheckOption {
  name: string
  enabled: boolean
  limit?: number
  title?: string
  desc?: string
}
interface ChildResult {
  items: RawCheckItem[] | null
  checkList: RawCheckOption[] | null
  consoleErrors: string[]
  networkAttempts: string[]
  fatal: string | null
  durationMs: number
}

function isChildResult(v: unknown): v is ChildResult {
  return typeof v === 'object' && v !== null && 'consoleErrors' in v && 'networkAttempts' in v && 'items' in v
}

const fmtKB = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`)

const IMAGE_AUDIO_EXT = new Set(['.jpg', '.jpeg', '.png', '.svg', '.webp', '.gif', '.flac', '.m4a', '.ogg', '.ape', '.amr', '.wma', '.wav', '.mp3', '.mp4', '.aac', '.aiff', '.caf'])

function listOf(v: unknown): string[] {
  if (!Array.isArray(v)) return []
  return v.map((x) => (typeof x === 'string' ? x : isObject(x) && typeof x.path === 'string' ? x.path : JSON.stringify(x)))
}

function judge(raw: RawCheckItem, opt: RawCheckOption | undefined, dir: string, project: Project): AuditItem {
  const base: AuditItem = {
    name: raw.name,
    title: opt?.title ?? raw.name,
    source: 'miniprogram-ci',
    success: raw.success === true,
    ciSuccess: raw.success === true,
    message: '',
    limit: opt?.limit,
    detail: raw.detail,
  }
  const d = raw.detail
  switch (raw.name) {
    case 'PACKAGE_SIZE_LIMIT': {
      const limitMB = opt?.limit ?? 1.5
      const sizes = isObject(d) ? Object.entries(d).filter((e): e is [string, number] => typeof e[1] === 'number') : []
      const over = sizes.filter(([, s]) => s / 1024 > limitMB * 1024)
      base.success = base.success && sizes.length > 0 && over.length === 0
      base.message = `${sizes.map(([k, s]) => `${k === '__APP__' ? 'main' : k} ${fmtKB(s)}`).join(', ') || 'no sizes reported'} (limit ${limitMB} MB per package)`
      break
    }
    case 'JS_COMPRESS_OPEN':
    case 'WXML_COMPRESS_OPEN':
    case 'WXSS_COMPRESS_OPEN': {
      const key = { JS_COMPRESS_OPEN: 'minified', WXML_COMPRESS_OPEN: 'minifyWXML', WXSS_COMPRESS_OPEN: 'minifyWXSS' }[raw.name]
      base.message = base.success ? `project.config.json setting.${key} is on` : `project.config.json setting.${key} must be true`
      break
    }
    case 'LAZYCODE_LOADING_OPEN':
      base.message = base.success ? `app.json lazyCodeLoading = ${JSON.stringify(project.appJson?.lazyCodeLoading)}` : 'app.json must set "lazyCodeLoading": "requiredComponents"'
      break
    case 'IMAGE_AND_AUDIO_LIMIT': {
      const media = project.files
        .filter((f) => IMAGE_AUDIO_EXT.has(path.posix.extname(f).toLowerCase()))
        .map((f) => ({ f, size: fs.statSync(path.join(dir, f)).size }))
        .sort((a, b) => b.size - a.size)
      const total = media.reduce((n, m) => n + m.size, 0)
      const limitKB = opt?.limit ?? 200
      base.message = `${media.length} image/audio files, ${fmtKB(total)} in total (limit ${limitKB} KB in total)${media.length ? `; largest: ${media.slice(0, 3).map((m) => `${m.f} ${fmtKB(m.size)}`).join(', ')}` : ''}`
      break
    }
    case 'CONTAINS_OTHER_PKG_JS':
    case 'CONTAINS_OTHER_PKG_COMPONENTS': {
      const files = isObject(d) ? listOf(d.files) : []
      const comps = isObject(d) ? listOf(d.comps) : []
      base.success = base.success && files.length === 0 && comps.length === 0
      const what = raw.name === 'CONTAINS_OTHER_PKG_JS' ? 'JS' : 'components'
      base.message = base.success ? `main package holds no ${what} used only by subpackages` : `main package holds ${what} used only by subpackages (move them into the subpackage): ${[...comps, ...files].join(', ')}`
      break
    }
    case 'CONTAINS_UNUSED_PLUGINS':
    case 'CONTAINS_UNUSED_COMPONENTS':
    case 'CONTAINS_UNUSED_CODES': {
      const list = listOf(d)
      base.success = base.success && list.length === 0
      const what = { CONTAINS_UNUSED_PLUGINS: 'unused plugins', CONTAINS_UNUSED_COMPONENTS: 'unused components', CONTAINS_UNUSED_CODES: 'files unreachable from app.json' }[raw.name]
      base.message = list.length === 0 ? `no ${what}` : `${list.length} ${what}: ${list.join(', ')}`
      break
    }
    default:
      base.message = raw.text ?? ''
  }
  return base
}

/** Items listed in qualitycheckoption.js that miniprogram-ci has no handler for. */
function ownCheck(name: string, opt: RawCheckOption | undefined, dir: string, project: Project): AuditItem | null {
  const base = { name, title: opt?.title ?? name, source: 'wechat-check' as const, ciSuccess: null, limit: opt?.limit }
  if (name === 'PLUGIN_OVER_SIZE') {
    const plugins = [...new Set(project.plugins)]
    return {
      ...base,
      success: plugins.length === 0,
      message: plugins.length === 0 ? 'no plugins declared' : `plugins declared (${plugins.join(', ')}): their size (limit ${opt?.limit ?? 200} KB) cannot be checked offline — verify in DevTools`,
    }
  }
  if (name === 'CONTAINS_APPSECRET') {
    const re = /secret[\w$"'`]*\s*[:=]\s*["'`]([0-9a-fA-F]{32})["'`]/i
    const hits: string[] = []
    for (const f of project.files) {
      if (!/\.(js|json|wxml|wxs)$/.test(f) || f === 'project.config.json' || f === 'project.private.config.json') continue
      const text = fs.readFileSync(path.join(dir, f), 'utf8')
      if (re.test(text)) hits.push(f)
    }
    return { ...base, success: hits.length === 0, message: hits.length === 0 ? 'no AppSecret-like literal found' : `AppSecret-like literal in: ${hits.join(', ')}` }
  }
  return null
}

async function runAudit(dir: string, tmp: string, project: Project): Promise<AuditSection> {
  const started = Date.now()
  const ciMain = localRequire.resolve('miniprogram-ci')
  const ciRoot = path.dirname(localRequire.resolve('miniprogram-ci/package.json'))
  const pkg = readJson(path.join(ciRoot, 'package.json'))
  const ciVersion = 'value' in pkg && isObject(pkg.value) && typeof pkg.value.version === 'string' ? pkg.value.version : 'unknown'
  const section: AuditSection = {
    ok: false,
    items: [],
    errors: [],
    networkAttempts: [],
    hasProjectConfig: project.files.includes('project.config.json'),
    ciVersion,
    durationMs: 0,
  }
  const privateKeyPath = path.join(tmp, 'private.wx0000000000000000.key')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }))
  const resultPath = path.join(tmp, 'audit-result.json')
  const payload = {
    ciMain,
    ciCheckOptions: path.join(ciRoot, 'dist', 'ci', 'utils', 'qualitycheckoption.js'),
    appid: 'wx0000000000000000',
    projectPath: dir,
    privateKeyPath,
    resultPath,
  }
  const r = await run(process.execPath, ['-e', AUDIT_CHILD], {
    cwd: tmp,
    env: { ...process.env, WECHAT_CHECK_PAYLOAD: JSON.stringify(payload), NODE_OPTIONS: '' },
    timeoutMs: 120_000,
  })
  let child: ChildResult | null = null
  if (fs.existsSync(resultPath)) {
    const parsed = readJson(resultPath)
    if ('value' in parsed && isChildResult(parsed.value)) child = parsed.value
  }
  if (!child) {
    section.errors.push(`miniprogram-ci audit process failed (exit ${r.signal ?? r.code}${r.spawnError ? `, ${r.spawnError}` : ''}): ${r.stderr.trim().slice(-2000)}`)
    section.durationMs = Date.now() - started
    return section
  }
  if (child.fatal) section.errors.push(`checkCodeQuality threw: ${child.fatal}`)
  for (const e of child.consoleErrors) section.errors.push(`a code-quality checker failed (miniprogram-ci would have counted it as passed): ${e}`)
  section.networkAttempts = child.networkAttempts
  if (child.networkAttempts.length) section.errors.push(`checkCodeQuality tried to use the network (blocked): ${child.networkAttempts.join('; ')}`)

  const options = new Map((child.checkList ?? []).map((o) => [o.name, o]))
  const reported = new Map((child.items ?? []).map((i) => [i.name, i]))
  const expected = (child.checkList ?? []).filter((o) => o.enabled).map((o) => o.name)
  for (const name of [...new Set([...expected, ...reported.keys()])]) {
    const raw = reported.get(name)
    const opt = options.get(name)
    if (raw) {
      section.items.push(judge(raw, opt, dir, project))
      continue
    }
    const own = ownCheck(name, opt, dir, project)
    section.items.push(
      own ?? { name, title: opt?.title ?? name, source: 'miniprogram-ci', success: false, ciSuccess: null, message: 'enabled audit item was not reported by miniprogram-ci', limit: opt?.limit },
    )
  }
  if (section.items.length === 0 && !child.fatal) section.errors.push('checkCodeQuality returned no items')
  section.ok = section.errors.length === 0 && section.items.every((i) => i.success)
  section.durationMs = Date.now() - started
  return section
}

// ---------------------------------------------------------------------------------------------------------
// main entry

export async function checkWeapp(dir: string): Promise<Report> {
  const started = Date.now()
  const root = path.resolve(dir)
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`${root} is not a directory`)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-check-'))
  try {
    const project = loadProject(root)
    const bins = resolveBinaries(tmp)
    const [wxml, wxss, audit] = await Promise.all([checkWxml(bins, root, tmp, project), checkWxss(bins, root, tmp, project), runAudit(root, tmp, project)])
    const json: CompileSection = { files: project.jsonFiles, runs: [], errors: project.jsonErrors, ok: project.jsonErrors.length === 0 }
    const where = (e: CompileError): string => (e.file ? `${e.file}${e.line !== null ? `:${e.line}:${e.column}` : ''}` : '(no file)')
    const failures = [
      ...json.errors.map((e) => `json  ${where(e)} ${e.message}`),
      ...wxml.section.errors.map((e) => `wcc   ${where(e)} ${e.message}`),
      ...wxss.section.errors.map((e) => `wcsc  ${where(e)} ${e.message}`),
      ...audit.errors.map((e) => `audit ${e}`),
      ...audit.items.filter((i) => !i.success).map((i) => `audit ${i.name}: ${i.message}`),
    ]
    if (!wxml.section.ok && wxml.section.errors.length === 0) failures.push('wcc   failed without a message')
    if (!audit.hasProjectConfig) failures.push(`audit project.config.json is missing in ${dir} (DevTools needs it; compression settings are read from it)`)
    return {
      dir: root,
      ok: failures.length === 0,
      wxml: wxml.section,
      wxss: wxss.section,
      json,
      audit,
      versions: { wcc: wxml.version, wcsc: wxss.version, miniprogramCi: audit.ciVersion },
      failures,
      durationMs: Date.now() - started,
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

export function formatReport(report: Report, verbose = false): string {
  const mark = (ok: boolean): string => (ok ? '✓' : '✗')
  const lines: string[] = []
  const rel = path.relative(process.cwd(), report.dir) || '.'
  lines.push(`WeChat check of ${rel} — ${report.ok ? 'PASS' : 'FAIL'} (${(report.durationMs / 1000).toFixed(1)} s)`)
  lines.push(`${mark(report.json.ok)} JSON: ${report.json.files.length} .json files parsed, app.json pages checked for their .wxml`)
  const runs = (s: CompileSection): string => s.runs.filter((r) => r.mode !== 'single').map((r) => `${r.mode} ${mark(r.ok)} ${r.durationMs} ms`).join(', ')
  lines.push(`${mark(report.wxml.ok)} WXML: ${report.wxml.files.length} .wxml + ${report.wxml.wxsFiles.length} .wxs compiled by wcc ${report.versions.wcc ?? ''} [${runs(report.wxml)}]`)
  lines.push(`${mark(report.wxss.ok)} WXSS: ${report.wxss.files.length} .wxss compiled by wcsc ${report.versions.wcsc ?? ''} [${runs(report.wxss)}]`)
  if (verbose) {
    for (const f of report.wxml.files) lines.push(`    ${f}`)
    for (const f of report.wxss.files) lines.push(`    ${f}`)
  }
  lines.push(`${mark(report.audit.ok)} Code-quality audit (miniprogram-ci ${report.audit.ciVersion} checkCodeQuality, offline, ${report.audit.durationMs} ms):`)
  for (const i of report.audit.items) {
    lines.push(`    ${mark(i.success)} ${i.name.padEnd(30)} ${i.message}${i.source === 'wechat-check' ? ' [evaluated by wechat-check]' : ''}`)
  }
  for (const r of [...report.wxml.runs, ...report.wxss.runs]) for (const w of r.warnings) lines.push(`  ! ${r.tool} warning: ${w}`)
  if (report.failures.length) {
    lines.push('', `Failures (${report.failures.length}):`)
    for (const f of report.failures) lines.push(`  - ${f}`)
  }
  return lines.join('\n')
}

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')))
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'dist/weapp'
  if (!fs.existsSync(dir)) {
    console.error(`${dir} does not exist — run \`npm run build:weapp:check\` first`)
    return 1
  }
  const report = await checkWeapp(dir)
  if (flags.has('--json')) console.log(JSON.stringify(report, null, 2))
  else console.log(formatReport(report, flags.has('--verbose')))
  return report.ok ? 0 : 1
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack ?? e.message : e)
      process.exit(2)
    },
  )
}
