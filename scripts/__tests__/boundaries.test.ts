import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = resolve(__dirname, '../..')

/**
 * The project's own ESLint config, loaded once in one child process (`eslint-worker.mjs`) for
 * the whole file; each lint is what `eslint --stdin --stdin-filename <file>` reports.
 */
let worker: ChildProcessWithoutNullStreams
const waiting = new Map<number, { resolve: (m: Message[]) => void; reject: (e: Error) => void }>()
let nextId = 0
type Message = { ruleId: string | null; message: string }

beforeAll(() => {
  worker = spawn(process.execPath, [resolve(__dirname, 'eslint-worker.mjs')], { cwd: ROOT })
  createInterface({ input: worker.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as { id: number; messages?: Message[]; error?: string }
    const w = waiting.get(reply.id)
    waiting.delete(reply.id)
    if (reply.error !== undefined || !reply.messages) w?.reject(new Error(reply.error))
    else w?.resolve(reply.messages)
  })
  let stderr = ''
  worker.stderr.on('data', (d) => (stderr += d))
  worker.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`eslint worker exited ${code}: ${stderr}`))
    waiting.clear()
  })
})
afterAll(() => {
  worker.stdin.end()
})

/** Every message ESLint gives for `code` linted as `file`. */
function lint(file: string, code: string): Promise<Message[]> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    worker.stdin.write(JSON.stringify({ id, file, code }) + '\n')
  })
}

/** Lints `code` as if it were `file`, with the project's own ESLint config. */
async function restricted(file: string, code: string, rule = 'no-restricted-imports'): Promise<string[]> {
  return (await lint(file, code)).filter((m) => m.ruleId === rule).map((m) => m.message)
}

/** The messages of the no-reach-between-functions rule for `code` linted as `file`. */
async function reaches(file: string, code: string): Promise<string[]> {
  return (await lint(file, code)).filter((m) => m.ruleId === 'boundaries/no-reach-between-functions').map((m) => m.message)
}

describe('import boundaries (eslint)', () => {
  it('the client cannot import the store, the runtime, actions or server-only packages', async () => {
    for (const spec of [
      '../../cloudfunctions/_shared/store/port',
      '@shared/runtime/dispatch',
      '../../cloudfunctions/policy/actions/list',
      'better-sqlite3',
      'node:fs',
    ]) {
      expect(await restricted('src/pages/index/x.ts', `import x from '${spec}'\nexport default x\n`)).toHaveLength(1)
    }
  })

  it('the client may import contracts and domain', async () => {
    expect(await restricted('src/pages/index/x.ts', `import { policyListInput } from '@shared/contracts/policy'\nimport { TARGET_GROUPS } from '../../../cloudfunctions/_shared/domain/target-groups'\nexport { policyListInput, TARGET_GROUPS }\n`)).toEqual([])
  })

  it("the typed call alone reads the action maps' types, and only as types", async () => {
    const core = 'src/services/core/cloud-core.ts'
    const rule = '@typescript-eslint/no-restricted-imports'
    expect(await restricted(core, `import type { Functions } from '../../../server/functions'\nexport type F = Functions\n`, rule)).toEqual([])
    // A value import would put the server into the bundle.
    expect(await restricted(core, `import { FUNCTIONS } from '../../../server/functions'\nexport const f = FUNCTIONS\n`, rule)).toHaveLength(1)
    // Any other client file: not even types.
    expect(await restricted('src/services/intent/x.ts', `import type { Functions } from '../../../server/functions'\nexport type F = Functions\n`)).toHaveLength(1)
  })

  it('the domain imports nothing with I/O', async () => {
    expect(await restricted('cloudfunctions/_shared/domain/x.ts', `import { where } from '../store/port'\nexport { where }\n`)).toHaveLength(1)
    expect(await restricted('cloudfunctions/_shared/domain/x.ts', `import { readFileSync } from 'node:fs'\nexport { readFileSync }\n`)).toHaveLength(1)
  })

  it('actions never reach an adapter directly', async () => {
    expect(await restricted('cloudfunctions/policy/actions/x.ts', `import { openSqliteStore } from '../../_shared/store/sqlite/adapter'\nexport { openSqliteStore }\n`)).toHaveLength(1)
  })

  it('a function never imports another function\'s folder, nor _shared a function', async () => {
    expect(await reaches('cloudfunctions/ledger/actions/x.ts', `import { toView } from '../../intent/actions/get'\nexport { toView }\n`)).toEqual([
      expect.stringContaining('inside the intent function'),
    ])
    expect(await reaches('cloudfunctions/training/index.ts', `export { wxacodeMiniCodes } from '../event/access'\n`)).toHaveLength(1)
    expect(await reaches('cloudfunctions/_shared/application/x.ts', `import { loadForStaff } from '../../event/access'\nexport { loadForStaff }\n`)).toHaveLength(1)
  })

  it('a function may import its own files and _shared; tests may import another function for fixtures', async () => {
    const own = `import { ledgerScope } from '../scope'\nimport { loadCase } from '../../_shared/application/case'\nimport { where } from '@shared/store/port'\nexport { ledgerScope, loadCase, where }\n`
    expect(await reaches('cloudfunctions/ledger/actions/x.ts', own)).toEqual([])
    expect(await reaches('cloudfunctions/ledger/actions/__tests__/x.test.ts', `import { intentActions } from '../../../intent/actions'\nexport { intentActions }\n`)).toEqual([])
  })

  it('page paths are written only in the page map', async () => {
    const pagePaths = (file: string, code: string) => restricted(file, code, 'no-restricted-syntax')
    // A navigation, a server-built link (template) and a WeChat page path (no slash) are each refused.
    expect(await pagePaths('src/pages/index/x.ts', `export const u = '/pages/policy-detail/index?id=1'\n`)).toHaveLength(1)
    expect(await pagePaths('src/staff/pages/ledger/x.tsx', 'export const u = (id: string) => `/staff/pages/case/index?id=${id}`\n')).toHaveLength(1)
    expect(await pagePaths('cloudfunctions/notify/x.ts', 'export const p = (id: string) => `pages/policy-detail/index?id=${id}`\n')).toHaveLength(1)
    expect(await pagePaths('cloudfunctions/_shared/domain/x.ts', `export const EVENT_PAGE = 'pages/event/index'\n`)).toHaveLength(1)
    // The map itself, builder calls and tests that spell out what they expect are fine.
    expect(await pagePaths('cloudfunctions/_shared/domain/pages.ts', 'export const f = (d: string) => `pages/${d}/index`\nexport const home = \'pages/index/index\'\n')).toEqual([])
    expect(await pagePaths('src/pages/index/x.ts', `import { pageUrl } from '@shared/domain/pages'\nexport const u = pageUrl('policyDetail', { id: '1' })\n`)).toEqual([])
    expect(await pagePaths('src/pages/index/__tests__/x.test.ts', `export const u = '/pages/policy-detail/index?id=1'\n`)).toEqual([])
  })
})
