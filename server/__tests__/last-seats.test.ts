import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { SignupOutput } from '../../cloudfunctions/_shared/contracts/event'
import type { EventSignup } from '../../cloudfunctions/_shared/domain/event'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'
import { periodCounts } from '../../cloudfunctions/_shared/testing/counters'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { reconcileCounters } from '../../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { buildApp } from '../app'
import { signToken } from '../auth'
import { seedDemo } from '../seed'

/**
 * The last seats of an event, raced through the HTTP runtime on a durable SQLite file seeded
 * with the demo world: the seeded 金沙 event (capacity 60) is filled to 57, then 50 residents
 * sign up at the same moment. Capacity must hold because sign-ups serialise in the store's
 * transaction, not because of timing. Resident tokens are signed directly (signToken), so the
 * per-address limit on anonymous sessions never enters.
 */
const NOW = new Date('2026-11-22T02:00:00Z')
const EVENT = 'ev_JinSha01'
const CAPACITY = 60
const secret = Buffer.from('last-seats-token-secret-last-seats')
const exp = Math.floor(NOW.getTime() / 1000) + 3600

let dir: string
let store: SqliteStore<Collections>
let app: FastifyInstance

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cy-last-seats-'))
  store = openSqliteStore<Collections>({ path: join(dir, 'chuangye.db'), purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('last-seats-master-secret-last-seats'))
  await seedDemo(store, NOW, { forcePasswordChange: false, keyring })
  app = buildApp({ store, secret, keyring, now: () => NOW })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

function signup(residentId: string, requestId: string) {
  const token = signToken(secret, { k: 'r', sub: residentId, exp, d: `dev_${residentId}` })
  return app.inject({
    method: 'POST',
    url: '/api/fn/event',
    headers: { authorization: `Bearer ${token}` },
    payload: { action: 'signup', data: { eventId: EVENT, name: '居民', phone: '13900000000', requestId } },
  })
}

const outcomeOf = (res: { json: () => unknown }) => (res.json() as { data: SignupOutput }).data.outcome

async function signupsOfEvent(): Promise<EventSignup[]> {
  const all: EventSignup[] = []
  for await (const batch of store.collection('eventSignups').scan(undefined, 500)) all.push(...batch)
  return all.filter((s) => s.eventId === EVENT)
}

/** The event's own counts, the month counter it moves, and a recount of the sign-ups behind them. */
async function countsAndRecount() {
  const event = await store.collection('events').get(EVENT)
  if (!event) throw new Error('seeded event missing')
  const month = await periodCounts(store, 'c-jinsha', periodsOf(new Date(event.startAt)).month)
  const signups = await signupsOfEvent()
  return {
    stored: { confirmed: event.confirmedCount, waiting: event.waitlistCount },
    recounted: {
      confirmed: signups.filter((s) => s.status === 'confirmed' || s.status === 'checked_in').length,
      waiting: signups.filter((s) => s.status === 'waitlisted').length,
    },
    monthSignups: month.signups ?? 0,
  }
}

describe('concurrency through the HTTP runtime: the last seats of an event', () => {
  it('50 residents racing for the last 3 of 60 seats: exactly 3 confirmed, 47 waitlisted, nobody twice, counts equal a recount', async () => {
    const before = await countsAndRecount()
    expect(before.stored).toEqual(before.recounted)
    // Fill the event to 3 seats short, one at a time.
    for (let i = before.stored.confirmed; i < CAPACITY - 3; i++) {
      const res = await signup(`h5_early_${i}`, `early-request-${i}`)
      expect({ status: res.statusCode, outcome: outcomeOf(res) }).toEqual({ status: 200, outcome: 'confirmed' })
    }
    const filled = await countsAndRecount()
    expect(filled.stored).toEqual({ confirmed: CAPACITY - 3, waiting: 0 })

    const racers = await Promise.all(Array.from({ length: 50 }, (_, i) => signup(`h5_racer_${i}`, `race-request-${i}`)))
    expect(racers.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([])
    const outcomes = racers.map(outcomeOf)
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(3)
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(47)

    const signups = await signupsOfEvent()
    const racerRows = signups.filter((s) => s.residentId.startsWith('h5_racer_'))
    expect(racerRows).toHaveLength(50)
    expect(new Set(signups.map((s) => s.residentId)).size).toBe(signups.length)
    // What each racer was told is what the store holds for them.
    outcomes.forEach((outcome, i) => {
      expect(racerRows.find((s) => s.residentId === `h5_racer_${i}`)?.status).toBe(outcome)
    })

    const after = await countsAndRecount()
    expect(after.stored).toEqual({ confirmed: CAPACITY, waiting: 47 })
    expect(after.stored).toEqual(after.recounted)
    // The month counter moved by exactly the places given, and the full reconciliation agrees.
    expect(after.monthSignups - filled.monthSignups).toBe(3)
    const recount = await reconcileCounters(store, { repair: false })
    expect(recount.drift).toEqual([])
  })

  it('one resident sending the same sign-up 10 times at once, with one request id or with ten: one sign-up', async () => {
    const before = await countsAndRecount()
    // One request id: every reply is the first call's answer, and it is applied once.
    const same = await Promise.all(Array.from({ length: 10 }, () => signup('h5_twice_a', 'same-request-id')))
    expect(same.map((r) => r.statusCode)).toEqual(Array(10).fill(200))
    expect(new Set(same.map(outcomeOf)).size).toBe(1)
    // Ten request ids (ten taps): one goes through, the other nine are told they already signed up.
    const fresh = await Promise.all(Array.from({ length: 10 }, (_, i) => signup('h5_twice_b', `own-request-${i}`)))
    expect(fresh.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)])
    for (const r of fresh.filter((x) => x.statusCode === 409)) {
      expect((r.json() as { error: { code: string } }).error.code).toBe('CONFLICT')
    }

    const signups = await signupsOfEvent()
    expect(signups.filter((s) => s.residentId === 'h5_twice_a')).toHaveLength(1)
    expect(signups.filter((s) => s.residentId === 'h5_twice_b')).toHaveLength(1)
    const after = await countsAndRecount()
    // The event is full, so both wait; the counts moved by exactly two.
    expect(after.stored).toEqual({ confirmed: before.stored.confirmed, waiting: before.stored.waiting + 2 })
    expect(after.stored).toEqual(after.recounted)
    expect(after.monthSignups).toBe(before.monthSignups)
    expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
  })
})
