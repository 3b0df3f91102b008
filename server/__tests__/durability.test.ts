import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'

/**
 * The local runtime is killed with SIGKILL at random moments during a burst of writes, 50
 * times. After each kill the database must open cleanly and hold every write the runtime had
 * acknowledged with a 200 — durable commits, not luck.
 */
const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `durability-${process.pid}`)
const KILLS = 50

let dataDir: string
let seed = 7
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)

beforeAll(async () => {
  // One bundle, so each restart costs a plain `node` start rather than a TypeScript compile.
  await build({ entryPoints: [join(ROOT, 'server/index.ts')], outfile: join(OUT, 'server.js'), bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' })
  dataDir = mkdtempSync(join(tmpdir(), 'cy-durability-'))
}, 60000)
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(OUT, 'server.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', DEMO_FORCE_PASSWORD_CHANGE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolvePromise, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no start:\n${out}`)), 20000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /local runtime: (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePromise({ child, url: m[1] })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}

const subOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { sub: string }).sub
const COMMUNITIES = ['c-jinsha', 'c-xinhua', 'c-sutie', 'c-yuquan']

it(`keeps every acknowledged write across ${KILLS} SIGKILLs mid-burst`, async () => {
  const acknowledged = new Map<string, string>() // resident id → community saved
  let attempted = 0
  for (let round = 0; round < KILLS; round++) {
    const { child, url } = await start()
    const exited = new Promise((r) => child.once('exit', r))
    let stop = false
    const writer = async () => {
      while (!stop) {
        try {
          const auth = await fetch(`${url}/api/auth/resident`, { method: 'POST' })
          const { token } = (await auth.json()) as { token: string }
          const communityId = COMMUNITIES[Math.floor(rand() * COMMUNITIES.length)]
          attempted++
          const res = await fetch(`${url}/api/fn/profile`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ action: 'save', data: { communityId, targetGroups: ['graduate'] } }),
          })
          if (res.status === 200 && (await res.json()).ok) acknowledged.set(subOf(token), communityId)
        } catch {
          return // the runtime died under us: expected
        }
      }
    }
    const writers = Array.from({ length: 8 }, writer)
    await new Promise((r) => setTimeout(r, 30 + rand() * 170))
    child.kill('SIGKILL')
    stop = true
    await Promise.all([exited, ...writers])

    // Open the files exactly as the runtime would after the crash.
    const store = openSqliteStore<Collections>({ path: join(dataDir, 'chuangye.db'), purpose: 'live' })
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const missing: string[] = []
    for (const [id, communityId] of acknowledged) {
      if ((await store.collection('profiles').get(id))?.communityId !== communityId) missing.push(id)
    }
    await store.close()
    expect({ round, missing }).toEqual({ round, missing: [] })
  }
  // The burst really overlapped the kills: many writes acknowledged, some cut off.
  expect(acknowledged.size).toBeGreaterThan(KILLS * 5)
  expect(attempted).toBeGreaterThan(acknowledged.size)
}, 600000)
