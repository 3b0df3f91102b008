import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { where } from '../../cloudfunctions/_shared/store/port'
import type { EventSignup } from '../../cloudfunctions/_shared/domain/event'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'

/**
 * The local runtime is killed with SIGKILL at random moments during a burst of writes, 50
 * times. After each kill the database must open cleanly, hold every write the runtime had
 * acknowledged with a 200 — durable commits, not luck — and its counters must equal a recount of
 * the records behind them.
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
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', DEMO_FORCE_PASSWORD_CHANGE: '0', RESIDENT_SESSIONS_PER_MINUTE: '1000000' },
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
/** The seeded 金沙社区 event open for sign-up (capacity 60, so the burst also fills the waitlist). */
const EVENT = 'ev_JinSha01'

it(`keeps every acknowledged write across ${KILLS} SIGKILLs mid-burst`, async () => {
  const acknowledged = new Map<string, string>() // resident id → community saved
  const signedUp = new Set<string>() // residents whose sign-up was acknowledged
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
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
          attempted++
          if (rand() < 0.5) {
            const communityId = COMMUNITIES[Math.floor(rand() * COMMUNITIES.length)]
            const res = await fetch(`${url}/api/fn/profile`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ action: 'save', data: { communityId, targetGroups: ['graduate'] } }),
            })
            if (res.status === 200 && (await res.json()).ok) acknowledged.set(subOf(token), communityId)
          } else {
            // A sign-up moves the event's own counts and the org's period counters in one transaction.
            const res = await fetch(`${url}/api/fn/event`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                action: 'signup',
                data: { eventId: EVENT, name: '压测居民', phone: `139${String(attempted).padStart(8, '0')}`, requestId: `dur-${round}-${attempted}` },
              }),
            })
            if (res.status === 200 && (await res.json()).ok) signedUp.add(subOf(token))
          }
        } catch {
          return // the runtime died under us: expected
        }
      }
    }
    const writers = Array.from({ length: 8 }, writer)
    await new Promise((r) => setTimeout(r, 60 + rand() * 240))
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
    // Every acknowledged sign-up is there, and the counts equal a recount of the sign-ups.
    const signups: EventSignup[] = []
    for await (const batch of store.collection('event_signups').scan(where.eq<EventSignup>('eventId', EVENT))) signups.push(...batch)
    const present = new Set(signups.map((x) => x.residentId))
    for (const id of signedUp) if (!present.has(id)) missing.push(id)
    const confirmed = signups.filter((x) => x.status === 'confirmed' || x.status === 'checked_in').length
    const waiting = signups.filter((x) => x.status === 'waitlisted').length
    const event = await store.collection('events').get(EVENT)
    // An event's sign-ups count in the month it is held.
    const month = event ? await store.collection('counters').get(`c-jinsha:${periodsOf(new Date(event.startAt)).month}`) : null
    await store.close()
    expect({ round, missing }).toEqual({ round, missing: [] })
    expect({ round, confirmed: event?.confirmedCount, waiting: event?.waitlistCount, counted: month?.signups ?? 0 }).toEqual({
      round,
      confirmed,
      waiting,
      counted: confirmed,
    })
  }
  // The burst really overlapped the kills: many writes acknowledged, some cut off.
  expect(acknowledged.size).toBeGreaterThan(KILLS * 2)
  expect(signedUp.size).toBeGreaterThan(KILLS * 2)
  expect(attempted).toBeGreaterThan(acknowledged.size)
}, 600000)
