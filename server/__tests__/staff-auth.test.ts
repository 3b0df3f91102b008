import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { where } from '../../cloudfunctions/_shared/store/port'
import type { AuditEntry } from '../../cloudfunctions/_shared/domain/audit'
import { buildApp } from '../app'
import { injectors } from './inject'
import { seedDemo } from '../seed'
import { DEMO_PASSWORD } from '../seed-data'

let clock = new Date('2026-11-22T02:00:00Z')
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
let app: FastifyInstance
const { login, fn, changePassword } = injectors(() => app)

beforeAll(async () => {
  await seedDemo(store, clock) // seeded passwords must be changed: the default
  app = buildApp({
    store,
    secret: Buffer.from('s'.repeat(32)),
    keyring: makeKeyring(Buffer.from('k'.repeat(32))),
    now: () => clock,
    rateLimitPerMinute: 30,
  })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
})


async function auditOf(actorId: string): Promise<[string, string, string | null][]> {
  const page = await store.collection('audit').find({ where: where.eq<AuditEntry>('actorId', actorId), orderBy: [{ field: 'at', dir: 'asc' }], limit: 100 })
  return page.items.map((a) => [a.action, a.result, a.code])
}

describe('staff sign-in in the local runtime', () => {
  it('makes a seeded account change its password before it can do anything but see who it is', async () => {
    const res = await login('xinhua', DEMO_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.json().mustChangePassword).toBe(true)
    const token = res.json().token
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    const blocked = await fn(token, 'policy', 'list', { view: 'manage' })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')

    const wrongOld = await changePassword(token, 'not-it', 'NewPass2026')
    expect(wrongOld.json().error.fields).toEqual([{ path: 'oldPassword', message: '原密码不正确' }])
    const weak = await changePassword(token, DEMO_PASSWORD, 'short')
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.fields[0]).toEqual({ path: 'newPassword', message: '密码至少 8 位' })
    // Each rejected password says which rule it broke.
    expect((await changePassword(token, DEMO_PASSWORD, 'onlyletters')).json().error.fields[0].message).toBe('密码需同时包含字母和数字')
    expect((await changePassword(token, DEMO_PASSWORD, `a1${'x'.repeat(63)}`)).json().error.fields[0].message).toBe('密码最多 64 位')
    const same = await changePassword(token, DEMO_PASSWORD, DEMO_PASSWORD)
    expect(same.statusCode).toBe(400)

    const changed = await changePassword(token, DEMO_PASSWORD, 'XinHua2026ok')
    expect(changed.statusCode).toBe(200)
    // The change ends the old session; the reply carries the new one.
    expect((await fn(token, 'policy', 'list', { view: 'manage' })).statusCode).toBe(401)
    expect((await fn(changed.json().token, 'policy', 'list', { view: 'manage' })).statusCode).toBe(200)
    expect((await login('xinhua', DEMO_PASSWORD)).statusCode).toBe(401)
    const again = await login('xinhua', 'XinHua2026ok')
    expect(again.json().mustChangePassword).toBe(false)
    expect(await auditOf('st_xinhua')).toEqual(
      expect.arrayContaining([['auth.login', 'ok', null], ['auth.changePassword', 'ok', null], ['auth.login', 'denied', 'UNAUTHENTICATED']]),
    )
  })

  it('locks an account for 15 minutes after five wrong passwords in a row, even for the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await login('sutie', `wrong-${i}`)).statusCode).toBe(401)
    const locked = await login('sutie', DEMO_PASSWORD)
    expect(locked.statusCode).toBe(423)
    expect(locked.json().error.code).toBe('LOCKED')
    clock = new Date(clock.getTime() + 16 * 60_000)
    expect((await login('sutie', DEMO_PASSWORD)).statusCode).toBe(200)
    expect((await store.collection('staff').get('st_sutie'))?.failedLogins).toBe(0)
    expect((await auditOf('st_sutie')).filter(([, r]) => r === 'denied')).toHaveLength(6)
  })

  it('a success resets the count, so occasional typos never lock anyone out', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await login('yuquan', 'typo')).statusCode).toBe(401)
      expect((await login('yuquan', DEMO_PASSWORD)).statusCode).toBe(200)
    }
  })

  it('password changes need a signed-in staff token', async () => {
    const resident = (await app.inject({ method: 'POST', url: '/api/auth/resident' })).json().token
    expect((await changePassword(resident, 'a', 'b')).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/auth/password', payload: {} })).statusCode).toBe(401)
  })
})

describe('per-identity rate limit', () => {
  it('refuses one identity past its limit with 429 while others carry on', async () => {
    const a = (await app.inject({ method: 'POST', url: '/api/auth/resident' })).json().token
    const b = (await app.inject({ method: 'POST', url: '/api/auth/resident' })).json().token
    const codes: number[] = []
    for (let i = 0; i < 31; i++) codes.push((await fn(a, 'profile', 'get')).statusCode)
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true)
    expect(codes[30]).toBe(429)
    // Said the way CloudBase says it, with when to come back (all 30 calls were at one instant).
    const refused = await fn(a, 'profile', 'get')
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', retryAfter: 60 })
    expect(refused.headers['retry-after']).toBe('60')
    expect((await fn(b, 'profile', 'get')).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 61_000)
    expect((await fn(a, 'profile', 'get')).statusCode).toBe(200)
  })
})
