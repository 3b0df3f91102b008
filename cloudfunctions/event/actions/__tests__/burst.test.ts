import { testExportFiles } from '../../../_shared/testing/export-files'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventView, SignupOutput } from '../../../_shared/contracts/event'
import type { EventSignup } from '../../../_shared/domain/event'
import { countedPeriodsOf, periodsOf } from '../../../_shared/domain/period'
import { periodCounts, quarterCounts } from '../../../_shared/testing/counters'
import { dispatch } from '../../../_shared/runtime/dispatch'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import type { Reply } from '../../../_shared/runtime/errors'
import { makeKeyring } from '../../../_shared/runtime/keyring'
import type { Collections } from '../../../_shared/store/collections'
import { openSqliteStore, type SqliteStore } from '../../../_shared/store/sqlite/adapter'
import { TEST_ORGS } from '../../../_shared/testing/harness'
import { buildApp } from '../../../../server/app'
import { signToken } from '../../../../server/auth'
import { eventActions } from '..'
import { eventDraft, NOW, unrenderedMiniCodes } from './fixtures'

/**
 * The burst DESIGN.md budgets: 1,000 distinct residents sign up to one event of capacity 800 at
 * once, through the real dispatch on a durable (WAL, synchronous=FULL) SQLite file, and again
 * through the HTTP runtime. Capacity must hold because of the transaction, not timing.
 */
const actions = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })
const keyring = makeKeyring(Buffer.from('burst-master-secret-burst-master-secret'))
const now = () => new Date(NOW)
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cy-burst-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function openStore(name: string): Promise<SqliteStore<Collections>> {
  const store = openSqliteStore<Collections>({ path: join(dir, `${name}.db`), purpose: 'test' })
  for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
  await store.collection('staff').insert({
    _id: 'staff-a',
    name: '甲社区指导员',
    role: 'community_staff',
    orgId: 'comm-a',
    openid: null,
    username: 'staff-a',
    passwordHash: null,
    active: true,
    createdAt: NOW,
  } as Collections['staff'])
  return store
}

async function expectExact(store: SqliteStore<Collections>, eventId: string) {
  const signups: EventSignup[] = []
  for await (const batch of store.collection('eventSignups').scan(undefined, 500)) signups.push(...batch)
  expect(signups).toHaveLength(1000)
  expect(new Set(signups.map((s) => s.residentId)).size).toBe(1000)
  expect(signups.filter((s) => s.status === 'confirmed')).toHaveLength(800)
  const waiting = signups.filter((s) => s.status === 'waitlisted')
  expect(waiting).toHaveLength(200)
  // Every sign-up got its own place in line, and the waitlist is exactly the last 200 of it.
  const seqs = signups.map((s) => s.seq).sort((a, b) => a - b)
  expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
  expect(Math.min(...waiting.map((s) => s.seq))).toBe(801)

  const event = await store.collection('events').get(eventId)
  expect(event).toMatchObject({ confirmedCount: 800, waitlistCount: 200, seq: 1000 })
  for (const period of countedPeriodsOf(new Date(NOW))) {
    expect(await periodCounts(store, 'comm-a', period)).toMatchObject({ signups: 800, residentsReached: 1000 })
  }
  expect(await quarterCounts(store, 'comm-a', periodsOf(new Date(NOW)).quarter)).toMatchObject({ signups: 800, residentsReached: 1000 })
  expect(await store.collection('eventReach').count()).toBe(1000)
  // Each sign-up remembers the one request that made it (a retry is answered from it).
  expect(signups.every((s) => Object.keys(s.requests ?? {}).length === 1)).toBe(true)
  expect(new Set(signups.flatMap((s) => Object.keys(s.requests ?? {}))).size).toBe(1000)
}

describe('1,000 concurrent sign-ups against capacity 800', () => {
  it('through dispatch on SQLite: exactly 800 confirmed and 200 waitlisted, no duplicates, counters exact', async () => {
    const store = await openStore('dispatch')
    const call = (identity: { residentId: string } | { staffId: string }, action: string, data: unknown) =>
      dispatch(actions, { action, data }, { fn: 'event', store, identity, keyring, now })
    const created = await call({ staffId: 'staff-a' }, 'save', eventDraft({ capacity: 800 }))
    expect(created.status).toBe(200)
    const eventId = (created.body as { ok: true; data: EventView }).data._id

    const started = Date.now()
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        call({ residentId: `burst-${i}` }, 'signup', {
          eventId,
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          requestId: `burst-request-${i}`,
        }),
      ),
    )
    const ms = Date.now() - started
    expect(replies.every((r) => r.status === 200)).toBe(true)
    const outcomes = replies.map((r) => (r.body as { ok: true; data: SignupOutput }).data.outcome)
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(800)
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(200)
    await expectExact(store, eventId)

    // The same 1,000 requests retried at once change nothing.
    const retries = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        call({ residentId: `burst-${i}` }, 'signup', { eventId, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, requestId: `burst-request-${i}` }),
      ),
    )
    expect(retries.map((r) => (r.body as { ok: true; data: SignupOutput }).data.outcome)).toEqual(outcomes)
    await expectExact(store, eventId)
    console.log(`burst via dispatch: 1000 sign-ups in ${ms} ms (${Math.round(1000 / (ms / 1000))}/s) on a durable SQLite file`)
    await store.close()
  })

  it('through the HTTP runtime: the same exact result', async () => {
    const store = await openStore('http')
    const secret = Buffer.from('burst-token-secret-burst-token-secret')
    const app = buildApp({ store, secret, keyring, now })
    await app.ready()
    const exp = Math.floor(Date.parse(NOW) / 1000) + 3600
    const post = (sub: string, k: 'r' | 's', body: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/fn/event',
        headers: { authorization: `Bearer ${signToken(secret, k === 'r' ? { k, sub, exp, d: `dev_${sub}` } : { k, sub, exp, v: 0 })}` },
        payload: body as object,
      })
    const created = await post('staff-a', 's', { action: 'save', data: eventDraft({ capacity: 800 }) })
    expect(created.statusCode).toBe(200)
    const eventId = (created.json() as Reply<EventView> & { ok: true }).data._id
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        post(`h5_burst_${i}`, 'r', {
          action: 'signup',
          data: { eventId, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, requestId: `http-request-${i}` },
        }),
      ),
    )
    expect(replies.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([])
    await expectExact(store, eventId)
    await app.close()
    await store.close()
  })
})

describe('concurrency: the last seats', () => {
  it('50 residents racing for the last 3 seats: exactly 3 confirmed, 47 waitlisted, counters equal a recount', async () => {
    const store = await openStore('last-seats')
    const call = (identity: { staffId: string } | { residentId: string }, request: unknown) =>
      dispatch(actions, request, { fn: 'event', store, identity, keyring, now })
    const created = await call({ staffId: 'staff-a' }, { action: 'save', data: eventDraft({ capacity: 10 }) })
    const eventId = (created.body as Reply<EventView> & { ok: true }).data._id
    const signup = (who: string, requestId: string) =>
      call({ residentId: who }, { action: 'signup', data: { eventId, name: '居民', phone: '13900000000', requestId } })
    for (let i = 0; i < 7; i++) expect((await signup(`early_${i}`, `request-early-${i}`)).status).toBe(200)

    const racers = await Promise.all(Array.from({ length: 50 }, (_, i) => signup(`racer_${i}`, `request-race-${i}`)))
    expect(racers.every((r) => r.status === 200)).toBe(true)
    const statuses = racers.map((r) => (r.body as Reply<SignupOutput> & { ok: true }).data.outcome)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(47)

    // One resident sending the same sign-up ten times at once, with one request id and with ten.
    const same = await Promise.all(Array.from({ length: 10 }, () => signup('twice_a', 'request-same-one')))
    const fresh = await Promise.all(Array.from({ length: 10 }, (_, i) => signup('twice_b', `request-own-${i}`)))
    expect([...same, ...fresh].every((r) => r.status === 200 || r.status === 409)).toBe(true)
    const signups: EventSignup[] = []
    for await (const batch of store.collection('eventSignups').scan(undefined, 500)) signups.push(...batch)
    expect(signups.filter((s) => s.residentId === 'twice_a')).toHaveLength(1)
    expect(signups.filter((s) => s.residentId === 'twice_b')).toHaveLength(1)
    expect(signups).toHaveLength(7 + 50 + 2)
    const event = await store.collection('events').get(eventId)
    expect({ confirmed: event?.confirmedCount, waiting: event?.waitlistCount }).toEqual({ confirmed: 10, waiting: 49 })
    const recount = await reconcileCounters(store, { repair: false })
    // The fixture inserts its staff member raw, so only 创业指导员在岗 is off; every sign-up count is exact.
    expect(recount.drift.filter((d) => d.metric !== 'staffInPlace')).toEqual([])
    expect(recount.drift.filter((d) => d.metric === 'signups')).toEqual([])
    await store.close()
  })
})
