import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bundleRuntime } from '../../bench/kill-loop'
import { runtimeUrl } from '../child-runtime'

/**
 * A crowd scanning one poster connects at once. While the runtime is busy, the kernel queues the
 * connections it has not accepted yet, up to the backlog the runtime asked for; Node's default
 * (511) dropped the rest, and each dropped connection waited a full second for TCP to retry (the
 * 1,000-sign-up burst answered its last residents after ~1 s that way). Here the runtime is frozen
 * (SIGSTOP: nothing is accepted) and 1,000 connections are opened: every one must be queued.
 */
const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `listen-backlog-${process.pid}`)
const CROWD = 1000

let child: ChildProcess | null = null
let dataDir = ''

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGCONT')
    child.kill('SIGKILL')
    await new Promise((r) => child?.once('exit', r))
  }
  rmSync(OUT, { recursive: true, force: true })
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Opens a connection; true once the kernel completed the handshake, false when it did not within `ms`. */
function opens(port: number, ms: number, sockets: Socket[]): Promise<boolean> {
  return new Promise((done) => {
    const s = connect({ host: '127.0.0.1', port })
    sockets.push(s)
    const timer = setTimeout(() => done(false), ms)
    s.once('connect', () => {
      clearTimeout(timer)
      done(true)
    })
    s.once('error', () => {
      clearTimeout(timer)
      done(false)
    })
  })
}

it(`queues ${CROWD} connections that arrive while the runtime is busy (none waits for a TCP retry)`, async () => {
  const serverJs = await bundleRuntime(OUT)
  dataDir = mkdtempSync(join(tmpdir(), 'cy-backlog-'))
  child = spawn(process.execPath, [serverJs], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', DEMO_DATA: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const port = Number(new URL(await runtimeUrl(child, { timeoutMs: 60000 })).port)
  child.kill('SIGSTOP')
  const sockets: Socket[] = []
  try {
    // A dropped connection's first retry comes after 1 s; 800 ms is well inside it.
    const results = await Promise.all(Array.from({ length: CROWD }, () => opens(port, 800, sockets)))
    // The kernel caps any backlog at net.core.somaxconn (4096 on current kernels; its queue holds one more).
    const cap = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8')) + 1
    expect(results.filter(Boolean).length).toBe(Math.min(CROWD, cap))
  } finally {
    for (const s of sockets) s.destroy()
    child.kill('SIGCONT')
  }
}, 120000)
