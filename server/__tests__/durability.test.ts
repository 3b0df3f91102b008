import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bundleRuntime, killLoop } from '../../bench/kill-loop'

/**
 * The local runtime is killed with SIGKILL at random moments during a burst of writes (profile
 * saves, event sign-ups, survey answers), 50 times, by the same loop `npm run bench` runs
 * (bench/kill-loop.ts). After each kill the database must open cleanly, hold every write the
 * runtime had acknowledged with a 200 — durable commits, not luck — hold no sign-up twice and no
 * survey answer applied twice (retries race the originals), and its counters must equal a recount
 * of the records behind them.
 */
const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `durability-${process.pid}`)
const KILLS = 50

let dataDir: string
let serverJs: string

beforeAll(async () => {
  serverJs = await bundleRuntime(OUT)
  dataDir = mkdtempSync(join(tmpdir(), 'cy-durability-'))
}, 60000)
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

it(`keeps every acknowledged write across ${KILLS} SIGKILLs mid-burst, with nothing twice and no counter drift`, async () => {
  const result = await killLoop({ serverJs, dataDir, trials: KILLS })
  for (const t of result.trials) {
    expect({ trial: t.trial, integrity: t.integrity, lost: t.lost, duplicated: t.duplicated, drift: t.drift }).toEqual({
      trial: t.trial,
      integrity: 'ok',
      lost: [],
      duplicated: [],
      drift: 0,
    })
  }
  // The burst really overlapped the kills: writes acknowledged, and some cut off. (A total such as
  // "more than four per kill" failed at 166 of 200 while eight jobs shared the two cores; the
  // per-kind floor below is what proves each kind's checks ran.)
  expect(result.attempted).toBeGreaterThan(result.acknowledged)
  // Every kind of write was in the burst, so each kind's checks above really ran. The loop kills
  // only once the trial has an acknowledged write and each kind has one per five trials so far
  // (on a loaded machine a fixed 60–300 ms after start acked too few survey answers: 29 over 50
  // kills was seen), so this holds whatever the load, unless the runtime stops acknowledging.
  for (const kind of ['profiles', 'signups', 'answers'] as const) {
    expect({ kind, enough: result.acknowledgedByKind[kind] >= KILLS / 5 }).toEqual({ kind, enough: true })
  }
}, 600000)
