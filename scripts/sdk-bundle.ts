/**
 * `@cloudbase/node-sdk` inside each function bundle (minified: `BUNDLE_MINIFY`), and only the parts of it our code runs.
 *
 * Why: `require('@cloudbase/node-sdk')` as npm installs it loads ~400 modules (≈ 300–400 ms here);
 * most of them serve SDK features no function of ours calls. The bundle keeps the SDK's own code
 * as it is (nothing under node_modules is edited) and, at bundle time, swaps three kinds of module:
 *
 * 1. STUBBED (never reached from our calls; a stub that throws a clear error if ever called):
 *    - `@cloudbase/node-sdk/dist/ai/index.js` (→ `@cloudbase/ai`, `@cloudbase/app`,
 *      `@cloudbase/adapter-wx_mp`, `web-streams-polyfill`, …). Read in node-sdk 3.18.3
 *      `dist/cloudbase.js`: `createAI` is called only by `CloudBase.prototype.ai()`, which we never call.
 *    - `@cloudbase/wx-cloud-client-sdk` (数据模型 `app.models`, `app.mysql()`, `app.rdb()`).
 *      `CloudBase.init()` calls its `generateHTTPClient` (inside a try/catch that ignores errors) to
 *      build `app.models`; `generateMySQLClient` runs only inside `mysql()` / `rdb()`. The stub's
 *      `generateHTTPClient` returns an object that throws on use, so `init()` is unchanged for us
 *      and `app.models.x` says why it is missing.
 *    Our calls and what they run (node-sdk `dist/`): `init()` → `cloudbase.js` constructor
 *    (`preflightRuntimeCloudPlatform`, `normalizeConfig`, the two try blocks above);
 *    `database()` → `database/index.js` (`@cloudbase/database`, `utils/tcbdbapirequester.js` →
 *    `tcbapirequester.js` → `request.js` → `request-core.js`); `uploadFile` / `downloadFile` /
 *    `getTempFileURL` → `storage/index.js` (same requester, `xml2js` for COS's answer);
 *    `getCloudbaseContext` → `utils/tcbcontext.js`. None of them reaches `ai/` or
 *    `wx-cloud-client-sdk` beyond the `generateHTTPClient` call above.
 *
 * 2. LAZY (used only on some calls, loaded on their first use): packages the SDK `require`s at
 *    its top but uses only inside functions. They live in a second file beside the bundle,
 *    `cloudbase-sdk-lazy.js` (`writeSdkLazy`), so a cold start neither runs nor even parses them.
 *    The facade is a Proxy that loads the real package on the first property read, call or `new`;
 *    `__esModule` is answered without loading, so the SDK's `__importDefault(require(x))` does not
 *    load it either. Each use site was read (node-sdk 3.18.3):
 *    - `axios`: `utils/metadata.js` `lookup()` (instance metadata: only off SCF, or for a role's
 *      credentials) and the deprecated `requestClient` getter. Loading it also loads `form-data`
 *      and `mime-types` (138 KB of MIME table).
 *    - `form-data`: `utils/request-core.js` `buildHttpRequestInfo` when a request has `formData`.
 *    - `jsonwebtoken`: `auth/index.js` `createTicket` (`jsonwebtoken.sign`).
 *    - `xml2js`: `storage/index.js` `parseXML`, after a COS upload.
 *    - `https-proxy-agent` / `http-proxy-agent`: `request-core.js`, only when a proxy is configured.
 *
 * 3. REPLACED: `dist/utils/version.js` reads `path.join(__dirname, '../../package.json')`, which a
 *    bundle would resolve beside the function (wrong file or none, so `X-SDK-Version` would say
 *    `unknow`); the bundle gets the installed version as a constant instead.
 *
 * `SDK_STUBBED` and `SDK_LAZY` are the lists; `scripts/__tests__/sdk-bundle.test.ts` runs real
 * actions through a built bundle at the SDK's HTTP boundary.
 */
import { build, type Plugin } from 'esbuild'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'

const SDK_DIR = dirname(require.resolve('@cloudbase/node-sdk/package.json'))
const SDK_DIST = join(SDK_DIR, 'dist') + sep

/** The installed SDK's version, for package.json and the replaced `version.js`. */
export const SDK_VERSION = (JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as { version: string }).version

/** Left out of every bundle (see the header); each is replaced by a module that throws when used. */
export const SDK_STUBBED = ['@cloudbase/node-sdk/dist/ai (app.ai())', '@cloudbase/wx-cloud-client-sdk (app.models, app.mysql(), app.rdb())'] as const

/** Loaded on first use only, when the SDK requires them. */
export const SDK_LAZY = ['axios', 'form-data', 'jsonwebtoken', 'xml2js', 'https-proxy-agent', 'http-proxy-agent'] as const

const NS = 'cy-sdk'

function notBundled(what: string): string {
  return JSON.stringify(`${what} is not in this function bundle (scripts/sdk-bundle.ts leaves it out: no code of ours calls it)`)
}

const AI_STUB = `exports.createAI = function () { throw new Error(${notBundled('@cloudbase/node-sdk app.ai()')}) }\n`

const WX_CLIENT_STUB = `
function fail() { throw new Error(${notBundled('@cloudbase/wx-cloud-client-sdk (app.models / app.mysql / app.rdb)')}) }
// init() stores this as app.models; any use of it throws (a promise check or inspection does not).
function generateHTTPClient() {
  return new Proxy({}, { get: function (_t, key) { if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined; fail() } })
}
var api = { init: fail, generateHTTPClient: generateHTTPClient, generateMySQLClient: fail, initHTTPOverCallFunction: fail }
Object.defineProperty(exports, '__esModule', { value: true })
exports.default = api
Object.assign(exports, api)
`

/**
 * How function bundles are minified: whitespace and syntax, not identifiers. Names stay, so a
 * stack trace in the CloudBase log says which function failed; measured on `org` / `evaluation`
 * (2026-12-04, load average 8): 335 → 478 KB and 434 → 598 KB, V8 compile of the file 22.5 →
 * 22.2 ms and 23.5 → 27.4 ms (fastest of 25). Renamed identifiers also produced `for (var of in r)`
 * (bson), valid JavaScript that swc's TypeScript parser (the jest transform) rejects.
 */
export const BUNDLE_MINIFY = { minifyWhitespace: true, minifySyntax: true } as const

/** The file beside each bundle that holds the lazily loaded packages. */
export const SDK_LAZY_FILE = 'cloudbase-sdk-lazy.js'

function lazyFacade(name: string): string {
  return `
var real
function load() { return real || (real = require(${JSON.stringify(`./${SDK_LAZY_FILE}`)})[${JSON.stringify(name)}]()) }
module.exports = new Proxy(function () {}, {
  get: function (_t, key) { return key === '__esModule' ? undefined : Reflect.get(load(), key) },
  has: function (_t, key) { return Reflect.has(load(), key) },
  apply: function (_t, self, args) { return Reflect.apply(load(), self, args) },
  construct: function (_t, args) { return Reflect.construct(load(), args) },
})
`
}

let lazyCode: Promise<Uint8Array> | null = null

/**
 * Writes `cloudbase-sdk-lazy.js` into a function's folder: the `SDK_LAZY` packages, resolved as
 * the SDK resolves them, minified, each run only when asked for. Built once per process.
 */
export async function writeSdkLazy(dir: string): Promise<number> {
  lazyCode ??= build({
    stdin: {
      contents: `module.exports = {${SDK_LAZY.map((p) => `${JSON.stringify(p)}: function () { return require(${JSON.stringify(p)}) }`).join(',')}}`,
      resolveDir: SDK_DIST,
      loader: 'js',
    },
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    ...BUNDLE_MINIFY,
    legalComments: 'none',
    logLevel: 'warning',
  }).then((r) => r.outputFiles[0].contents)
  const code = await lazyCode
  writeFileSync(join(dir, SDK_LAZY_FILE), code)
  return code.length
}

/** The esbuild plugin that applies the three swaps above. */
export function sdkBundlePlugin(): Plugin {
  const lazy = new RegExp(`^(${SDK_LAZY.map((p) => p.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})$`)
  return {
    name: 'cloudbase-sdk-slim',
    setup(b) {
      b.onResolve({ filter: /^@cloudbase\/wx-cloud-client-sdk$/ }, () => ({ path: 'wx-cloud-client-sdk', namespace: NS }))
      b.onResolve({ filter: /^\.\/ai$/ }, (args) => (args.importer === `${SDK_DIST}cloudbase.js` ? { path: 'ai', namespace: NS } : undefined))
      // Only the SDK's own requires: the same package required by code of ours is bundled as usual.
      b.onResolve({ filter: lazy }, (args) => (args.importer.startsWith(SDK_DIST) ? { path: args.path, namespace: `${NS}-lazy` } : undefined))
      b.onLoad({ filter: /.*/, namespace: `${NS}-lazy` }, (args) => ({ contents: lazyFacade(args.path), loader: 'js' }))
      b.onResolve({ filter: new RegExp(`^\\./${SDK_LAZY_FILE.replace('.', '\\.')}$`) }, (args) => (args.namespace === `${NS}-lazy` ? { path: args.path, external: true } : undefined))
      b.onLoad({ filter: /.*/, namespace: NS }, (args) => ({ contents: args.path === 'ai' ? AI_STUB : WX_CLIENT_STUB, loader: 'js' }))
      b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
        contents: `exports.version = ${JSON.stringify(SDK_VERSION)}\n`,
        loader: 'js',
      }))
    },
  }
}
