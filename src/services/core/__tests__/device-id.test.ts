/**
 * The H5 client's half of the signed device id: it keeps the id the runtime gave it and hands it
 * back whenever it asks for a new anonymous session, so once-per-device limits (survey answers)
 * hold across token renewals. A refused sign-up (429) says so plainly.
 */
import { fake, type FakeRequest } from './fake-h5-runtime'
import { call, type ApiError } from '../cloud.h5'

/** A runtime that signs device ids, keeps one it signed and expires every token after one call. */
function runtime() {
  let issued = 0
  let devices = 0
  const live = new Set<string>()
  return (req: FakeRequest) => {
    if (req.url === '/api/auth/resident') {
      const given = (req.data as { deviceId?: unknown }).deviceId
      const deviceId = typeof given === 'string' && given.endsWith('.signed') ? given : `dev_${++devices}.signed`
      const token = `r${++issued}`
      live.add(token)
      return { statusCode: 200, data: { token, expiresAt: 0, deviceId } }
    }
    const token = (req.header.Authorization ?? '').replace('Bearer ', '')
    if (!live.delete(token)) return { statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: 'expired' } } }
    return { statusCode: 200, data: { ok: true, data: { orgs: [] } } }
  }
}

const signUps = () => fake.requests.filter((r) => r.url === '/api/auth/resident').map((r) => r.data)

beforeEach(() => {
  fake.storage.clear()
  fake.requests.length = 0
})

it('keeps the device id of its first session and sends it back when the token is renewed', async () => {
  fake.respond = runtime()
  await call('org', 'tree', {})
  // The token dies after one call: the next call renews it, with the same device.
  await call('org', 'tree', {})
  await call('org', 'tree', {})
  expect(signUps()).toEqual([{}, { deviceId: 'dev_1.signed' }, { deviceId: 'dev_1.signed' }])
})

it('a browser that already holds a device id sends it on its very first sign-up', async () => {
  fake.respond = runtime()
  fake.storage.set('cy.device', 'dev_7.signed')
  await call('org', 'tree', {})
  expect(signUps()).toEqual([{ deviceId: 'dev_7.signed' }])
})

it('a refused sign-up (429) says to wait, and no call is made without a token', async () => {
  fake.respond = (req) =>
    req.url === '/api/auth/resident'
      ? { statusCode: 429, data: { ok: false, error: { code: 'TOO_MANY_REQUESTS', message: '新建会话太频繁，请稍后再试' } } }
      : { statusCode: 200, data: { ok: true, data: {} } }
  const err = (await call('org', 'tree', {}).catch((e: unknown) => e)) as ApiError
  expect(err.code).toBe('TOO_MANY_REQUESTS')
  expect(err.message).toContain('稍等')
  expect(fake.requests.filter((r) => r.url.startsWith('/api/fn/'))).toHaveLength(0)
})
