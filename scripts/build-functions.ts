/**
 * Bundles each cloud function (`cloudfunctions/<name>/index.ts`, with `_shared` inlined and only
 * the CloudBase adapter reachable) into `dist/functions/<name>/` with its own package.json, ready
 * for WeChat DevTools (project.config.json's cloudfunctionRoot) or `tcb fn deploy`.
 */
import { build, type Metafile } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { COLLECTION_NAMES } from '../cloudfunctions/_shared/store/collections'
import { cloudbaseIndexDefinitions } from '../cloudfunctions/_shared/store/indexes'

const ROOT = resolve(__dirname, '..')
const SRC = join(ROOT, 'cloudfunctions')
/**
 * Packages the bundle leaves to the CloudBase runtime's `npm install` ("云端安装依赖"): the SDK,
 * and heavy libraries only some functions use. Each function's package.json lists just the
 * ones its bundle imports.
 */
const EXTERNAL = ['@cloudbase/node-sdk', 'exceljs', 'qrcode']
/**
 * What some functions need beyond their bundle: packages only the cloud has (wx-server-sdk is
 * loaded at run time for WeChat's open API) and the open-API permissions DevTools grants.
 */
const RUNTIME_EXTRAS: Record<string, { dependencies: Record<string, string>; openapi: string[] }> = {
  event: { dependencies: { 'wx-server-sdk': '^3.0.1' }, openapi: ['wxacode.getUnlimited'] },
  notify: { dependencies: { 'wx-server-sdk': '^3.0.1' }, openapi: ['subscribeMessage.send'] },
  // Share posters' codes carry the item and referral id in the path (longer than a scene allows).
  share: { dependencies: { 'wx-server-sdk': '^3.0.1' }, openapi: ['wxacode.get'] },
  training: { dependencies: { 'wx-server-sdk': '^3.0.1' }, openapi: ['wxacode.getUnlimited'] },
}

/** Configuration some functions read beyond APP_SECRET, from the deployer's environment. */
const EXTRA_ENV: Record<string, Record<string, string>> = {
  notify: {
    SUBSCRIBE_TEMPLATE_POLICY: '{{env.SUBSCRIBE_TEMPLATE_POLICY}}',
    SUBSCRIBE_TEMPLATE_POLICY_FIELDS: '{{env.SUBSCRIBE_TEMPLATE_POLICY_FIELDS}}',
  },
}

/**
 * Timer triggers (WeChat DevTools' config.json and the CloudBase CLI take the same shape; the
 * cron has seconds and years and runs in Beijing time): the nightly counter reconciliation.
 */
const TRIGGERS: Record<string, { name: string; type: 'timer'; config: string }[]> = {
  indices: [{ name: 'nightlyReconcile', type: 'timer', config: '0 30 3 * * * *' }],
  // Once a day: deadline reminders of the evaluation chain. The job reads the Shanghai date
  // itself, so the trigger clock's time zone only moves the hour it runs at.
  evaluation: [{ name: 'dailyRemind', type: 'timer', config: '0 0 9 * * * *' }],
}

/** Never allowed in a deployed bundle. */
const FORBIDDEN = ['better-sqlite3', 'fastify', 'nock']

/**
 * CloudBase database security rules: no client reads or writes any collection directly; every
 * access goes through a cloud function, whose server SDK is not bound by these rules.
 */
export function securityRules(): Record<string, { read: boolean; write: boolean }> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, { read: false, write: false }]))
}

/**
 * The CloudBase CLI's project file (`tcb fn deploy`, from the repository root after
 * `npm run build:functions`): every function from `dist/functions`, Node 16, dependencies
 * installed in the cloud, `APP_SECRET` taken from the deployer's environment. Committed as
 * `cloudbaserc.json`; a test keeps it equal to this.
 */
export function cloudbaseRc(): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: './dist/functions',
    functions: functionNames().map((name) => ({
      name,
      runtime: 'Nodejs16.13',
      timeout: name === 'indices' ? 900 : name === 'ledger' || name === 'survey' || name === 'event' || name === 'notify' ? 60 : 10,
      installDependency: true,
      envVariables: { APP_SECRET: '{{env.APP_SECRET}}', ...EXTRA_ENV[name] },
      ...(TRIGGERS[name] ? { triggers: TRIGGERS[name] } : {}),
    })),
  }
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

export async function buildFunctions(outDir = join(ROOT, 'dist', 'functions')): Promise<{ name: string; bytes: number }[]> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  rmSync(outDir, { recursive: true, force: true })
  const out: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
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
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const leaked = inputs.filter((i) => FORBIDDEN.some((f) => i.includes(`node_modules/${f}/`)) || i.includes('store/sqlite/'))
    if (leaked.length) throw new Error(`${name}: server-only code in the bundle: ${leaked.join(', ')}`)
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
            ...RUNTIME_EXTRAS[name]?.dependencies,
          },
        },
        null,
        2,
      ) + '\n',
    )
    // WeChat DevTools reads per-function settings from config.json.
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ permissions: { openapi: RUNTIME_EXTRAS[name]?.openapi ?? [] }, ...(TRIGGERS[name] ? { triggers: TRIGGERS[name] } : {}) }, null, 2) + '\n',
    )
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
