import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { buildApp } from '../app'
import { readEnv } from '../env'
import { seedDemo } from '../seed'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed-data'

/**
 * Password spraying: one address tries a common password across many staff accounts. The
 * per-account lockout never trips (one guess per account), so sign-ins are also limited per
 * client address; the address is the socket's unless the runtime is told it sits behind a proxy.
 */
let clock = new Date('2026-11-22T02:00:00Z')
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const apps: FastifyInstance[] = []

function app(options: { trustProxy?: boolean } = {}) {
  const a = buildApp({ store, secret: Buffer.from('s'.repeat(32)), keyring: makeKeyring(Buffer.from('k'.repeat(32))), now: () => clock, staffSignInsPerMinute: 6, ...options })
  apps.push(a)
  return a
}
const signIn = (a: FastifyInstance, username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  a.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password }, remoteAddress, headers })

beforeAll(async () => {
  await seedDemo(store, clock, { forcePasswordChange: false })
})
afterAll(async () => {
  for (const a of apps) await a.close()
  await store.close()
})

const accounts = DEMO_ACCOUNTS.map((a) => a.username)

it('one address spraying a password over many accounts is stopped after the limit, with a clear 429; other addresses are not', async () => {
  const a = app()
  expect(accounts.length).toBeGreaterThanOrEqual(7)
  const codes: number[] = []
  for (const username of accounts.slice(0, 7)) codes.push((await signIn(a, username, 'Password123', '10.0.0.9')).statusCode)
  expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429])
  const refused = await signIn(a, accounts[7] ?? accounts[0], DEMO_PASSWORD, '10.0.0.9')
  expect(refused.statusCode).toBe(429)
  expect(refused.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('一分钟后再试') })
  // The right password from another address still works, and the sprayed accounts are not locked.
  expect((await signIn(a, accounts[0], DEMO_PASSWORD, '10.0.0.10')).statusCode).toBe(200)
  // A minute later the address may try again.
  clock = new Date(clock.getTime() + 61_000)
  expect((await signIn(a, accounts[1], DEMO_PASSWORD, '10.0.0.9')).statusCode).toBe(200)
})

it('X-Forwarded-For is ignored unless the runtime is behind a proxy (TRUST_PROXY=1)', async () => {
  const direct = app()
  for (let i = 0; i < 6; i++) await signIn(direct, accounts[i], 'Password123', '10.0.1.1', { 'x-forwarded-for': `203.0.113.${i}` })
  // Forging a new forwarded address per try does not reset the limit.
  expect((await signIn(direct, accounts[0], DEMO_PASSWORD, '10.0.1.1', { 'x-forwarded-for': '203.0.113.99' })).statusCode).toBe(429)

  const proxied = app({ trustProxy: true })
  for (let i = 0; i < 6; i++) await signIn(proxied, accounts[i], 'Password123', '10.0.2.1', { 'x-forwarded-for': '198.51.100.7' })
  expect((await signIn(proxied, accounts[0], DEMO_PASSWORD, '10.0.2.1', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(429)
  // Behind the proxy every client shares its socket address; each is limited on its own.
  expect((await signIn(proxied, accounts[0], DEMO_PASSWORD, '10.0.2.1', { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(200)
})

it('the runtime reads the limit and the proxy setting from its environment, and refuses nonsense', () => {
  expect(readEnv({}).staffSignInsPerMinute).toBe(30)
  expect(readEnv({}).trustProxy).toBe(false)
  expect(readEnv({ STAFF_SIGNINS_PER_MINUTE: '100', TRUST_PROXY: '1' })).toMatchObject({ staffSignInsPerMinute: 100, trustProxy: true })
  expect(() => readEnv({ STAFF_SIGNINS_PER_MINUTE: '0' })).toThrow('STAFF_SIGNINS_PER_MINUTE')
})
