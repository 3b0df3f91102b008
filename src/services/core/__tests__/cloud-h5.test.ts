/**
 * The H5 transport against a fake local runtime: resident sign-up on first use, one renewal
 * and retry on 401, and the staff session ending on 401.
 */
import { fake, type FakeRequest } from './fake-h5-runtime'
import { call, ErrorCodes, type ApiError } from '../cloud.h5'
import { setStaffToken } from '../token'

let issued = 0
function runtime(validTokens: Set<string>) {
  return (req: FakeRequest) => {
    if (req.url === '/api/auth/resident') {
      const token = `r${++issued}`
      validTokens.add(token)
      return { statusCode: 200, data: { token } }
    }
    const token = (req.header.Authorization ?? '').replace('Bearer ', '')
    if (!validTokens.has(token)) return { statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: 'expired' } } }
    return { statusCode: 200, data: { ok: true, data: { orgs: [], by: token } } }
  }
}

beforeEach(() => {
  fake.storage.clear()
  fake.requests.length = 0
  issued = 0
})

it('signs up one anonymous resident for calls made at the same time', async () => {
  fake.respond = runtime(new Set())
  await Promise.all([call('org', 'tree', {}), call('org', 'tree', {}), call('org', 'tree', {})])
  expect(fake.requests.filter((r) => r.url === '/api/auth/resident')).toHaveLength(1)
  expect(fake.requests.filter((r) => r.url === '/api/fn/org').every((r) => r.header.Authorization === 'Bearer r1')).toBe(true)
  expect(fake.requests.find((r) => r.url === '/api/fn/org')?.data).toEqual({ action: 'tree', data: {} })
})

it('renews an expired resident token once and retries the call', async () => {
  const valid = new Set<string>()
  fake.respond = runtime(valid)
  await call('org', 'tree', {})
  valid.clear() // every token expires
  const out = (await call('org', 'tree', {})) as unknown as { by: string }
  expect(out.by).toBe('r2')
  expect(fake.requests.map((r) => r.url)).toEqual(['/api/auth/resident', '/api/fn/org', '/api/fn/org', '/api/auth/resident', '/api/fn/org'])
})

it('ends an expired staff session instead of retrying as a resident', async () => {
  fake.respond = runtime(new Set())
  setStaffToken('staff-expired')
  await expect(call('org', 'tree', {})).rejects.toMatchObject({ code: ErrorCodes.unauthenticated } satisfies Partial<ApiError>)
  expect(fake.requests.map((r) => r.url)).toEqual(['/api/fn/org'])
  expect(fake.storage.get('cy.token.kind')).not.toBe('staff')
})

it('reports a lost request as a network problem', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  fake.respond = () => {
    throw new Error('offline')
  }
  await expect(call('org', 'tree', {})).rejects.toMatchObject({ code: ErrorCodes.network })
})

describe('answers index.html asked for early (early-requests.ts)', () => {
  const w = globalThis as unknown as { __cyResident?: unknown; __cyEarly?: unknown }
  afterEach(() => {
    delete w.__cyResident
    delete w.__cyEarly
  })

  it('adopts the early token and the early answer to the same call, once; a later call goes to the runtime', async () => {
    const valid = new Set<string>(['early'])
    fake.respond = runtime(valid)
    const body = { action: 'tree', data: {} }
    w.__cyResident = Promise.resolve({ status: 200, body: { token: 'early', deviceId: 'd-early' } })
    w.__cyEarly = { path: '/api/fn/org', body: JSON.stringify(body), reply: Promise.resolve({ status: 200, body: { ok: true, data: { by: 'index.html' } }, token: 'early' }) }
    expect(await call('org', 'tree', {})).toEqual({ by: 'index.html' })
    expect(fake.requests).toEqual([])
    expect(fake.storage.get('cy.token')).toBe('early')
    expect(fake.storage.get('cy.device')).toBe('d-early')
    expect(await call('org', 'tree', {})).toEqual({ orgs: [], by: 'early' })
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/fn/org'])
  })

  it('asks the runtime itself when the early call differs or the early token failed', async () => {
    fake.respond = runtime(new Set())
    w.__cyResident = Promise.resolve(null)
    w.__cyEarly = { path: '/api/fn/org', body: JSON.stringify({ action: 'tree', data: { x: 1 } }), reply: Promise.resolve(null) }
    expect(await call('org', 'tree', {})).toEqual({ orgs: [], by: 'r1' })
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/auth/resident', '/api/fn/org'])
  })
})
