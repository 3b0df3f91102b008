import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

/** Lints `code` as if it were `file`, with the project's own ESLint config, via the CLI. */
async function restricted(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  )
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[]
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
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
    expect(await restricted('src/pages/index/x.ts', `import { policyContract } from '@shared/contracts/policy'\nimport { TARGET_GROUPS } from '../../../cloudfunctions/_shared/domain/target-groups'\nexport { policyContract, TARGET_GROUPS }\n`)).toEqual([])
  })

  it('the domain imports nothing with I/O', async () => {
    expect(await restricted('cloudfunctions/_shared/domain/x.ts', `import { where } from '../store/port'\nexport { where }\n`)).toHaveLength(1)
    expect(await restricted('cloudfunctions/_shared/domain/x.ts', `import { readFileSync } from 'node:fs'\nexport { readFileSync }\n`)).toHaveLength(1)
  })

  it('actions never reach an adapter directly', async () => {
    expect(await restricted('cloudfunctions/policy/actions/x.ts', `import { openSqliteStore } from '../../_shared/store/sqlite/adapter'\nexport { openSqliteStore }\n`)).toHaveLength(1)
  })
})
