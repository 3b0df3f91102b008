import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runtimeUrl } from '../../server/child-runtime'

const ROOT = resolve(__dirname, '../..')

/** Everything the runtimes of this test file printed (the claim codes of 代登记 are read from it, as a demo would). */
let printed = ''
export const runtimeOutput = (): string => printed

/** Starts the local runtime exactly as `npm start` does, on a fresh data dir and a free port. */
export async function startRuntime(extraEnv: Record<string, string> = { DEMO_FORCE_PASSWORD_CHANGE: '0' }): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('The H5 build is missing: run `npm run build:h5` before the browser tests.')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cy-e2e-'))
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/index.ts'], {
    cwd: ROOT,
    // Every browser test is a new resident from 127.0.0.1: lift the per-address session limit.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, RESIDENT_SESSIONS_PER_MINUTE: '1000000', STAFF_SIGNINS_PER_MINUTE: '1000000', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Keeps reading after the start, so `runtimeOutput` has what the runtime logs later.
  const url = await runtimeUrl(child, { onOutput: (chunk) => (printed += chunk) })
  return { url, child, dataDir }
}
