import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/store/collections'
import { INDEXES } from '../../cloudfunctions/_shared/store/indexes'
import { FUNCTION_DECLARATIONS, MAX_TIMEOUT_S } from '../../cloudfunctions/_shared/deploy/functions'
import { policyTemplateFromEnv } from '../../cloudfunctions/notify/deps'
import { functionNames } from '../build-functions'
import { runCloudSetup } from '../cloud-setup'

/**
 * One declaration of every collection (client rule, indexes) and every function (timeout,
 * memory, triggers, variables) drives both stores and the CloudBase set-up.
 */
const ROOT = resolve(__dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist' || name === '__tests__') return []
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the one declaration', () => {
  it('declares every collection the code uses', () => {
    const used = new Set<string>()
    for (const file of ['cloudfunctions', 'server', 'scripts', 'bench'].flatMap((d) => sources(join(ROOT, d)))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\.collection\(\s*['"]([A-Za-z_]+)['"]/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(30)
    const declared = new Set<string>(COLLECTION_NAMES)
    expect([...used].filter((c) => !declared.has(c))).toEqual([])
    // And the type map, the name list and the index declarations agree.
    expect(Object.keys(INDEXES).sort()).toEqual([...COLLECTION_NAMES].sort())
  })

  it('declares every function folder, each within the platform limits', () => {
    expect(Object.keys(FUNCTION_DECLARATIONS).sort()).toEqual(functionNames())
    for (const [name, f] of Object.entries(FUNCTION_DECLARATIONS)) {
      expect({ name, ok: f.timeout >= 1 && f.timeout <= MAX_TIMEOUT_S && [128, 256, 512, 1024, 2048].includes(f.memorySize) }).toEqual({ name, ok: true })
      expect(f.env.some((e) => e.name === 'APP_SECRET' && e.required)).toBe(true)
    }
  })
})

describe('npm run cloud:setup -- --dry-run --json', () => {
  it('prints the whole desired state with no credentials and no network', () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/cloud-setup.ts', '--dry-run', '--json'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    const state = JSON.parse(r.stdout) as {
      collections: { name: string; rule: { read: unknown; write: unknown }; indexes: { IndexName: string }[] }[]
      functions: { name: string; timeout: number; memorySize: number; triggers: unknown[]; env: string[] }[]
      unconfigured: { name: string }[]
      missingRequired: string[]
    }
    expect(state.collections.map((c) => c.name).sort()).toEqual([...COLLECTION_NAMES].sort())
    for (const c of state.collections) expect(c.rule).toEqual({ read: false, write: false })
    expect(state.collections.find((c) => c.name === 'policies')?.indexes.map((i) => i.IndexName)).toEqual(['status_published', 'org_updated', 'path_updated', 'org_status_published'])
    expect(state.collections.reduce((n, c) => n + c.indexes.length, 0)).toBeGreaterThanOrEqual(49)
    expect(state.functions.map((f) => f.name)).toEqual(functionNames())
    expect(state.functions.find((f) => f.name === 'indices')).toMatchObject({ timeout: 60, triggers: [{ name: 'nightlyReconcile', type: 'timer' }, { name: 'resumeJobs', type: 'timer' }] })
    expect(state.functions.every((f) => f.timeout <= 60)).toBe(true)
    // Names only: the state never carries a value.
    expect(state.functions.find((f) => f.name === 'notify')?.env).toEqual(['APP_SECRET', 'SUBSCRIBE_TEMPLATE_POLICY', 'SUBSCRIBE_TEMPLATE_POLICY_FIELDS', 'SUBSCRIBE_TEMPLATE_NOTICE', 'SUBSCRIBE_TEMPLATE_NOTICE_FIELDS'])
    expect(state.missingRequired).toEqual(['APP_SECRET'])
    expect(state.unconfigured.map((u) => u.name)).toEqual(['SUBSCRIBE_TEMPLATE_EVALUATION', 'SUBSCRIBE_TEMPLATE_CLAIM', 'SUBSCRIBE_TEMPLATE_POLICY', 'SUBSCRIBE_TEMPLATE_POLICY_FIELDS', 'SUBSCRIBE_TEMPLATE_NOTICE', 'SUBSCRIBE_TEMPLATE_NOTICE_FIELDS'])
  })

  it('reports an optional variable as 未配置 and never prints a configured value', async () => {
    const run = await runCloudSetup(['--dry-run'], { APP_SECRET: 'x'.repeat(40), SUBSCRIBE_TEMPLATE_POLICY: '{{env.SUBSCRIBE_TEMPLATE_POLICY}}' })
    expect(run.code).toBe(0)
    expect(run.out).toContain('未配置：SUBSCRIBE_TEMPLATE_POLICY')
    expect(run.out).not.toContain('缺少必填配置')
    expect(run.out).not.toContain('x'.repeat(40))
  })

  it('without credentials names the missing variables, exits 2 and calls nothing', async () => {
    const run = await runCloudSetup([], { TCB_ENV_ID: 'env-1' })
    expect(run.code).toBe(2)
    expect(run.out).toContain('TCB_SECRET_ID、TCB_SECRET_KEY')
    expect(run.out).not.toContain('TCB_ENV_ID、')
  })
})

describe('a function whose optional configuration is missing still loads', () => {
  it('treats the CLI’s unresolved {{env.X}} and empty values as "no template": pushes go to the inbox only', () => {
    expect(policyTemplateFromEnv({ SUBSCRIBE_TEMPLATE_POLICY: '{{env.SUBSCRIBE_TEMPLATE_POLICY}}', SUBSCRIBE_TEMPLATE_POLICY_FIELDS: '{{env.SUBSCRIBE_TEMPLATE_POLICY_FIELDS}}' })).toBeNull()
    expect(policyTemplateFromEnv({ SUBSCRIBE_TEMPLATE_POLICY: '  ' })).toBeNull()
    expect(policyTemplateFromEnv({ SUBSCRIBE_TEMPLATE_POLICY: 'tmpl_ABC123', SUBSCRIBE_TEMPLATE_POLICY_FIELDS: '{{env.SUBSCRIBE_TEMPLATE_POLICY_FIELDS}}' })?.templateId).toBe('tmpl_ABC123')
  })
})
