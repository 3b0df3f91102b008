import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { profileActions } from '../../../profile/actions'
import { CALLER_RATE_LIMIT, type RateLimit } from '../../domain/rate-limit'
import { INDEXES } from '../../store/indexes'
import { clientRule, COLLECTION_NAMES, type Collections } from '../../store/collections'
import type { Store } from '../../store/port'
import { openSqliteStore } from '../../store/sqlite/adapter'
import type { Reply } from '../errors'
import { makeKeyring } from '../keyring'
import { makeMain } from '../make-main'
import { RATE_WINDOW_IDLE_MS, slidingWindowLimiter, sweepRateWindows } from '../rate-limit'

/**
 * The per-caller limit on CloudBase is kept in the store, so two instances of a function (two
 * processes, each with its own connection) count against one number per caller.
 */
const RATE: RateLimit = { limit: 5, windowMs: 60_000 }
const keyring = makeKeyring(Buffer.from('rate-limit-master-secret-rate-limit'))
const T0 = Date.parse('2026-11-22T02:00:00.000Z') // a window boundary (a whole minute)

let dir: string
const opened: Store<Collections>[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rate-limit-'))
})
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One function instance: its own connection to the shared database file, its own clock. */
function instance(opts: { clock: { ms: number }; rate?: RateLimit; store?: Store<Collections>; onError?: (err: unknown) => void; timers?: Record<string, (s: Store<Collections>) => Promise<unknown>> }) {
  const store = opts.store ?? openSqliteStore<Collections>({ path: join(dir, 'db.sqlite'), purpose: 'test' })
  opened.push(store)
  const main = makeMain(
    'profile',
    profileActions,
    () => ({
      store: () => store,
      // The WeChat OPENID the platform put in the context (see cloudbase-root.ts).
      identity: async (_e, c) => {
        const openid = (c as { openid?: string }).openid
        return openid ? { openid } : null
      },
      keyring: () => keyring,
      rateLimit: opts.rate ?? RATE,
      now: () => new Date(opts.clock.ms),
      onError: opts.onError ?? ((err) => { throw err }),
    }),
    opts.timers,
  )
  return { store, call: (openid: string | null) => main({ action: 'get', data: {} }, { openid }) }
}

const code = (r: Reply) => (r.ok ? 'ok' : r.error.code)

describe('the per-caller limit on CloudBase', () => {
  it('holds across two instances sharing one store, per caller, and says when to come back', async () => {
    const clock = { ms: T0 + 10_000 }
    const a = instance({ clock })
    const b = instance({ clock })
    const replies: Reply[] = []
    for (let i = 0; i < 6; i++) replies.push(await (i % 2 ? b : a).call('oAliceALICEalice_1234567890'))
    expect(replies.map(code)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED'])
    const refused = replies[5]
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    // 5 calls in this minute: the next passes once 4/5 of them have slid out of the last minute,
    // 12 s into the next one (72 s after the window began, 62 s from now).
    expect(refused.error).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', retryAfter: 62 })
    // Another caller is not held back by Alice.
    expect(code(await b.call('oBobBOBbob_123456789012345'))).toBe('ok')
    clock.ms += 61_000
    expect(code(await a.call('oAliceALICEalice_1234567890'))).toBe('RATE_LIMITED')
    clock.ms += 1_000
    expect(code(await b.call('oAliceALICEalice_1234567890'))).toBe('ok')
  })

  it('lets exactly `limit` of a burst through when the calls race each other on two instances', async () => {
    const clock = { ms: T0 + 1_000 }
    const a = instance({ clock })
    const b = instance({ clock })
    const replies = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? b : a).call('oBurstBURSTburst_1234567890')))
    expect(replies.filter((r) => r.ok)).toHaveLength(5)
    expect(replies.filter((r) => !r.ok).every((r) => code(r) === 'RATE_LIMITED')).toBe(true)
  })

  it('a window resets: two windows later the full limit is back, in the same one document', async () => {
    const clock = { ms: T0 }
    const a = instance({ clock })
    for (let i = 0; i < 5; i++) expect(code(await a.call('oCarolCAROLcarol_1234567890'))).toBe('ok')
    expect(code(await a.call('oCarolCAROLcarol_1234567890'))).toBe('RATE_LIMITED')
    // Halfway into the next minute, half of the previous one still counts: 2 more pass (5 × 0.5 + 2 < 5).
    clock.ms = T0 + 90_000
    const half: string[] = []
    for (let i = 0; i < 4; i++) half.push(code(await a.call('oCarolCAROLcarol_1234567890')))
    expect(half).toEqual(['ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED'])
    clock.ms = T0 + 180_000
    for (let i = 0; i < 5; i++) expect(code(await a.call('oCarolCAROLcarol_1234567890'))).toBe('ok')
    expect(code(await a.call('oCarolCAROLcarol_1234567890'))).toBe('RATE_LIMITED')
    // Windows do not pile up: one document per caller, reused, and no OPENID stored.
    const docs = (await a.store.collection('rateLimits').find({ limit: 10 })).items
    expect(docs).toHaveLength(1)
    expect(JSON.stringify(docs)).not.toContain('oCarol')
  })

  it('does not count timer events, and a caller over the limit does not stop a timer', async () => {
    const clock = { ms: T0 }
    let runs = 0
    const a = instance({ clock, rate: { limit: 1, windowMs: 60_000 }, timers: { tick: async () => ++runs } })
    const timerMain = makeMain('profile', profileActions, () => ({
      store: () => a.store,
      identity: async () => null,
      keyring: () => keyring,
      rateLimit: { limit: 1, windowMs: 60_000 },
      now: () => new Date(clock.ms),
    }), { tick: async () => ++runs })
    expect(code(await a.call('oDaveDAVEdave_12345678901234'))).toBe('ok')
    expect(code(await a.call('oDaveDAVEdave_12345678901234'))).toBe('RATE_LIMITED')
    for (let i = 0; i < 5; i++) expect(code(await timerMain({ Type: 'Timer', TriggerName: 'tick', Time: '' }, {}))).toBe('ok')
    expect(runs).toBe(5)
    expect(await a.store.collection('rateLimits').count()).toBe(1)
  })

  it('fails open, deliberately: when the count cannot be kept the call goes on and the fault is reported', async () => {
    const clock = { ms: T0 }
    const real = openSqliteStore<Collections>({ path: join(dir, 'db.sqlite'), purpose: 'test' })
    opened.push(real)
    // A store whose `rateLimits` is unreachable (not created, or the database is down for it).
    const broken: Store<Collections> = {
      collection: ((name: keyof Collections) => {
        if (name === 'rateLimits') throw new Error('DATABASE_COLLECTION_NOT_EXIST')
        return real.collection(name)
      }) as Store<Collections>['collection'],
      transaction: (work) => real.transaction(work),
      close: () => real.close(),
    }
    const faults: unknown[] = []
    const a = instance({ clock, store: broken, rate: { limit: 1, windowMs: 60_000 }, onError: (err) => faults.push(err) })
    for (let i = 0; i < 3; i++) expect(code(await a.call('oEveEVEeve_1234567890123456'))).toBe('ok')
    expect(faults).toHaveLength(3)
    expect(String(faults[0])).toContain('DATABASE_COLLECTION_NOT_EXIST')
  })

  it('a call with no caller is not counted (it is refused as unauthenticated)', async () => {
    const a = instance({ clock: { ms: T0 } })
    expect(code(await a.call(null))).toBe('UNAUTHENTICATED')
    expect(await a.store.collection('rateLimits').count()).toBe(0)
  })
})

describe('the hourly sweep', () => {
  it('removes the counts of callers idle for a day and keeps the others', async () => {
    const clock = { ms: T0 }
    const a = instance({ clock })
    for (let i = 0; i < 30; i++) await a.call(`oIdle${String(i).padStart(2, '0')}IDLEidle_123456789012`)
    clock.ms = T0 + RATE_WINDOW_IDLE_MS - 60_000
    await a.call('oRecentRECENTrecent_123456789')
    const report = await sweepRateWindows(a.store, T0 + RATE_WINDOW_IDLE_MS + 120_000, 40_000)
    expect(report).toEqual({ removed: 30, more: false })
    expect(await a.store.collection('rateLimits').count()).toBe(1)
  })

  it('stops at its time budget and says there is more for the next run', async () => {
    const a = instance({ clock: { ms: T0 } })
    for (let i = 0; i < 3; i++) await a.call(`oBudget${i}BUDGETbudget_1234567890`)
    let t = 0
    const report = await sweepRateWindows(a.store, T0 + 2 * RATE_WINDOW_IDLE_MS, 1_000, () => (t += 600))
    expect(report).toEqual({ removed: 1, more: true })
    expect(await a.store.collection('rateLimits').count()).toBe(2)
  })
})

describe('one declaration of the limit', () => {
  it('the local runtime and CloudBase count the same number per minute', () => {
    // The local runtime's in-memory limiter with the shared numbers refuses call limit + 1.
    const local = slidingWindowLimiter(CALLER_RATE_LIMIT.limit, CALLER_RATE_LIMIT.windowMs)
    const decisions = Array.from({ length: CALLER_RATE_LIMIT.limit + 1 }, () => local.hit('x', T0).allowed)
    expect(decisions.filter(Boolean)).toHaveLength(CALLER_RATE_LIMIT.limit)
    expect(CALLER_RATE_LIMIT).toEqual({ limit: 240, windowMs: 60_000 })
  })

  it('`rateLimits` is declared, closed to the client SDK, and indexed for the sweep', () => {
    expect(COLLECTION_NAMES).toContain('rateLimits')
    expect(clientRule('rateLimits')).toEqual({ read: false, write: false })
    expect(INDEXES.rateLimits.map((i) => i.fields.map((f) => f.field))).toEqual([['windowStart']])
  })
})
