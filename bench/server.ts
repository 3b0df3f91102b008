/** The local runtime as `npm start` runs it, as a child process on a temp data dir and a free port. */
import { type ChildProcess, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { runtimeUrl } from '../server/child-runtime'

const ROOT = resolve(__dirname, '..')

export async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // BENCH_RUNTIME_CPU_PROF=<dir>: the runtime writes a CPU profile there when it stops (`node --cpu-prof`,
  // tsx loaded in the same process rather than by its CLI's child process).
  const dir = process.env.BENCH_RUNTIME_CPU_PROF
  const args = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'server/index.ts'] : [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/index.ts']
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_FORCE_PASSWORD_CHANGE: '0', SKIP_H5_BUILD: '1', RESIDENT_SESSIONS_PER_MINUTE: '1000000', STAFF_SIGNINS_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await runtimeUrl(child)
  return { url, child }
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((done) => {
    child.removeAllListeners('exit')
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}


/** Debian's Chromium, headless, with the flags every browser bench uses (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}
