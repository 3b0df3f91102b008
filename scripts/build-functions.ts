/**
 * Bundles each cloud function (`cloudfunctions/<name>/index.ts`, with `_shared` inlined and only
 * the CloudBase adapter reachable) into `dist/functions/<name>/` with its own package.json, ready
 * for WeChat DevTools (project.config.json's cloudfunctionRoot) or `tcb fn deploy`.
 */
import { build, type Metafile } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUNDLE_MINIFY, sdkBundlePlugin, writeSdkLazy } from './sdk-bundle'
import { COLLECTION_NAMES, clientRule, type ClientRule } from '../cloudfunctions/_shared/store/collections'
import { FUNCTION_DECLARATIONS, type FunctionDeclaration } from '../cloudfunctions/_shared/deploy/functions'
import { cloudbaseIndexDefinitions } from '../cloudfunctions/_shared/store/indexes'

const ROOT = resolve(__dirname, '..')
const SRC = join(ROOT, 'cloudfunctions')
/**
 * Packages the bundle leaves to the CloudBase runtime's `npm install` ("云端安装依赖"): heavy
 * libraries only some functions use, loaded lazily (`_shared/files/lazy-libs.ts`). Each
 * function's package.json lists just the ones its bundle imports. `@cloudbase/node-sdk` is
 * bundled (minified, without the parts no code of ours reaches: `scripts/sdk-bundle.ts`), so a
 * cold start does not resolve and compile its ~400 installed modules.
 */
const EXTERNAL = ['exceljs', 'qrcode']
/** Never allowed in a deployed bundle. */
const FORBIDDEN = ['better-sqlite3', 'fastify', 'nock']
/** SDK parts `scripts/sdk-bundle.ts` leaves out; finding one in a bundle means its plugin stopped matching. */
const LEFT_OUT = ['@cloudbase/ai', '@cloudbase/app', '@cloudbase/adapter-wx_mp', '@cloudbase/wx-cloud-client-sdk', 'web-streams-polyfill']

/**
 * CloudBase database security rules, from the one declaration (`store/collections.ts`): no
 * client reads or writes any collection directly unless it is declared there with its reason.
 */
export function securityRules(): Record<string, ClientRule> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, clientRule(name)]))
}

/**
 * The CloudBase CLI's project file (`tcb fn deploy`, from the repository root after
 * `npm run build:functions`), from the function declarations (`_shared/deploy/functions.ts`).
 * The CLI fills `{{env.X}}` from `.env` files beside it (not from the shell). Committed as
 * `cloudbaserc.json`; a test keeps it equal to this.
 */
export function cloudbaseRc(): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: './dist/functions',
    functions: functionNames().map((name) => {
      const f = declarationOf(name)
      return {
        name,
        runtime: f.runtime,
        timeout: f.timeout,
        memorySize: f.memorySize,
        installDependency: true,
        envVariables: Object.fromEntries(f.env.map((e) => [e.name, `{{env.${e.name}}}`])),
        ...(f.triggers.length ? { triggers: f.triggers } : {}),
      }
    }),
  }
}

/** A function folder's declaration; a folder without one is a build error. */
export function declarationOf(name: string): FunctionDeclaration {
  const f = FUNCTION_DECLARATIONS[name]
  if (!f) throw new Error(`cloudfunctions/${name} has no entry in cloudfunctions/_shared/deploy/functions.ts`)
  return f
}

/** The external packages a bundle actually imports. */
function usedExternals(metafile: Metafile): string[] {
  const imported = new Set(
    Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
  )
  return EXTERNAL.filter((d) => [...imported].some((p) => p === d || p.startsWith(`${d}/`)))
}

export function functionNames(): string[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

/** Builds every function into `outDir` (`only`: just those, for a test that needs one or two). */
export async function buildFunctions(outDir = join(ROOT, 'dist', 'functions'), only?: readonly string[]): Promise<{ name: string; bytes: number }[]> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  rmSync(outDir, { recursive: true, force: true })
  const out: { name: string; bytes: number }[] = []
  for (const name of functionNames().filter((n) => !only || only.includes(n))) {
    const dir = join(outDir, name)
    mkdirSync(dir, { recursive: true })
    const result = await build({
      entryPoints: [join(SRC, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: EXTERNAL,
      plugins: [sdkBundlePlugin()],
      ...BUNDLE_MINIFY,
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const leaked = inputs.filter((i) => FORBIDDEN.some((f) => i.includes(`node_modules/${f}/`)) || i.includes('store/sqlite/'))
    if (leaked.length) throw new Error(`${name}: server-only code in the bundle: ${leaked.join(', ')}`)
    const stray = inputs.filter((i) => LEFT_OUT.some((f) => i.includes(`node_modules/${f}/`)))
    if (stray.length) throw new Error(`${name}: SDK parts no code of ours reaches are in the bundle: ${stray.join(', ')}`)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          private: true,
          main: 'index.js',
          dependencies: {
            ...Object.fromEntries(usedExternals(result.metafile).map((d) => [d, pkg.devDependencies[d]])),
            ...declarationOf(name).runtimeDependencies,
          },
        },
        null,
        2,
      ) + '\n',
    )
    // WeChat DevTools reads per-function settings from config.json.
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify(
        {
          permissions: { openapi: declarationOf(name).openapi },
          // The same timeout and memory as the CLI path, for DevTools' upload (whether DevTools
          // applies them from config.json is not proven here: README says to check the console).
          timeout: declarationOf(name).timeout,
          memorySize: declarationOf(name).memorySize,
          ...(declarationOf(name).triggers.length ? { triggers: declarationOf(name).triggers } : {}),
        },
        null,
        2,
      ) + '\n',
    )
    // The SDK's lazily loaded packages, beside the bundle (required from it on first use).
    await writeSdkLazy(dir)
    out.push({ name, bytes: readFileSync(join(dir, 'index.js')).length })
  }
  writeFileSync(join(outDir, 'database-indexes.json'), JSON.stringify(cloudbaseIndexDefinitions(), null, 2) + '\n')
  writeFileSync(join(outDir, 'database-rules.json'), JSON.stringify(securityRules(), null, 2) + '\n')
  return out
}

if (require.main === module && process.argv[2] === '--write-rc') {
  writeFileSync(join(ROOT, 'cloudbaserc.json'), JSON.stringify(cloudbaseRc(), null, 2) + '\n')
} else if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const b of built) console.log(`dist/functions/${b.name}/index.js  ${(b.bytes / 1024).toFixed(1)} KiB`)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
