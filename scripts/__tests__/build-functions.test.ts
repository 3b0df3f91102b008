import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../../server/functions'
import { loadBundle } from './support/load-bundle'
import { buildFunctions, cloudbaseRc, functionNames } from '../build-functions'
import { SDK_VERSION } from '../sdk-bundle'
import { FUNCTION_DECLARATIONS } from '../../cloudfunctions/_shared/deploy/functions'

const ROOT = resolve(__dirname, '../..')
// Inside the repo so the bundles resolve @cloudbase/node-sdk from node_modules, like a deployed install.
const OUT = join(ROOT, 'dist', `functions-test-${process.pid}`)

type Main = ((event: unknown, context: unknown) => Promise<{ ok: boolean; error?: { code: string } }>) & { timerNames: string[] }

describe('npm run build:functions', () => {
  let built: { name: string; bytes: number }[]
  beforeAll(async () => {
    built = await buildFunctions(OUT)
  }, 120000)
  afterAll(() => rmSync(OUT, { recursive: true, force: true }))

  it('bundles every function folder that has an index.ts', () => {
    expect(built.map((b) => b.name)).toEqual(functionNames())
    expect(functionNames()).toEqual(expect.arrayContaining(['org', 'policy', 'profile']))
    // The local runtime serves exactly the functions that deploy.
    expect(Object.keys(FUNCTIONS).sort()).toEqual(functionNames())
  })

  it('gives each function its own package.json with only the heavy packages it imports, the SDK inlined, and no embedded-store code', () => {
    for (const { name } of built) {
      const pkg = JSON.parse(readFileSync(join(OUT, name, 'package.json'), 'utf8'))
      expect(pkg).toMatchObject({ name, main: 'index.js' })
      for (const dep of Object.keys(pkg.dependencies)) expect(['exceljs', 'qrcode', 'wx-server-sdk']).toContain(dep)
      // Bundles stay small: heavy libraries are installed in the cloud, not inlined.
      expect(readFileSync(join(OUT, name, 'index.js')).length).toBeLessThan(1024 * 1024)
      const code = readFileSync(join(OUT, name, 'index.js'), 'utf8')
      expect(code).not.toMatch(/better-sqlite3|fastify/)
      // @cloudbase/node-sdk is inside (no require of any @cloudbase package is left), with its
      // real version in the User-Agent / X-SDK-Version headers instead of a package.json read.
      expect(code).not.toMatch(/require\(["']@cloudbase\//)
      expect(code).toContain(`"${SDK_VERSION}"`)
      expect(code).not.toContain('../../package.json')
      expect(existsSync(join(OUT, name, 'config.json'))).toBe(true)
    }
  })

  it('gives the event function wx-server-sdk and the open-API permission for mini-program codes', () => {
    expect(JSON.parse(readFileSync(join(OUT, 'event', 'package.json'), 'utf8')).dependencies['wx-server-sdk']).toBeDefined()
    expect(JSON.parse(readFileSync(join(OUT, 'event', 'config.json'), 'utf8')).permissions.openapi).toEqual(['wxacode.getUnlimited'])
  })

  it('carries a cloudbaserc.json for the CloudBase CLI that lists every function (regenerate: npx tsx scripts/build-functions.ts --write-rc)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'))).toEqual(cloudbaseRc())
  })

  it('writes the CloudBase index definitions from the one declaration', () => {
    const defs = JSON.parse(readFileSync(join(OUT, 'database-indexes.json'), 'utf8'))
    expect(defs.policies.map((d: { IndexName: string }) => d.IndexName)).toEqual(['status_published', 'org_updated', 'path_updated', 'org_status_published'])
  })

  it('writes security rules that deny clients direct access to every collection', () => {
    const rules = JSON.parse(readFileSync(join(OUT, 'database-rules.json'), 'utf8')) as Record<string, { read: boolean; write: boolean }>
    expect(Object.keys(rules)).toEqual(expect.arrayContaining(['orgs', 'staff', 'profiles', 'policies', 'audit', 'invitations']))
    for (const rule of Object.values(rules)) expect(rule).toEqual({ read: false, write: false })
  })

  it('each bundle exports a main that answers bad calls in the wire shape without touching the network', async () => {
    for (const { name } of built) {
      const { main } = loadBundle<{ main: Main }>(join(OUT, name, 'index.js'))
      expect(await main({ action: 'no-such-action', data: {} }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
      const anyAction = Object.keys(FUNCTIONS[name])[0]
      // No OPENID in the context: refused, whatever the body claims.
      expect(await main({ action: anyAction, data: {}, userInfo: { openId: 'forged' } }, {})).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
      expect(await main({ action: anyAction, data: { x: 'y'.repeat(300 * 1024) } }, {})).toMatchObject({
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE' },
      })
    }
  })

  it('each bundle handles exactly the timer triggers its declaration deploys (a declared timer without a job, or a job no timer calls, fails here)', () => {
    for (const { name } of built) {
      const { main } = loadBundle<{ main: Main }>(join(OUT, name, 'index.js'))
      const declared = FUNCTION_DECLARATIONS[name].triggers.map((t) => t.name).sort()
      expect({ name, timers: [...main.timerNames].sort() }).toEqual({ name, timers: declared })
    }
    expect(FUNCTION_DECLARATIONS.ledger.triggers.map((t) => t.name)).toContain('resumeJobs')
    expect(FUNCTION_DECLARATIONS.indices.triggers.map((t) => t.name)).toEqual(expect.arrayContaining(['nightlyReconcile', 'resumeJobs']))
  })
})
