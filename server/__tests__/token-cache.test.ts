/**
 * Verified tokens are remembered per process (a resident's every call after the first skips the
 * MAC and the JSON parse), but what the cache holds never outlives what the token allows: an
 * expired token is refused even after it was accepted, a staff session ended by a password change
 * is refused on its next call, and a token signed with another secret is never taken from the cache.
 */
import { createHmac } from 'node:crypto'
import { demoRuntime } from './inject'
import { RESIDENT_TTL_S, signToken, verifyToken } from '../auth'
import { DEMO_PASSWORD } from '../seed-data'

let clock = new Date('2026-11-22T02:00:00Z')
const SECRET = Buffer.from('t'.repeat(32))
const { app, login, fn, changePassword } = demoRuntime(clock, { secret: SECRET, now: () => clock, staffSignInsPerMinute: 1e9 })

describe('verified tokens, remembered', () => {
  it('the same token verifies to the same identity, each caller getting their own copy', () => {
    const token = signToken(SECRET, { k: 'r', sub: 'h5_cache_a', exp: Math.floor(clock.getTime() / 1000) + 60, d: 'dev_cache_a' })
    const a = verifyToken(SECRET, token, clock.getTime())
    expect(a).toEqual({ residentId: 'h5_cache_a', deviceId: 'dev_cache_a' })
    const b = verifyToken(SECRET, token, clock.getTime())
    expect(b).toEqual(a)
    expect(b).not.toBe(a)
  })

  it('an accepted resident token is refused once it has expired', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/auth/resident', payload: {} })
    const token = res.json().token as string
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    const issued = clock
    clock = new Date(issued.getTime() + RESIDENT_TTL_S * 1000 + 1000)
    try {
      expect((await fn(token, 'profile', 'get')).statusCode).toBe(401)
      expect(verifyToken(SECRET, token, clock.getTime())).toBeNull()
    } finally {
      clock = issued
    }
  })

  it('a staff session ended by a password change is refused on its next call, though its token was verified before', async () => {
    const token = (await login('jinsha', DEMO_PASSWORD)).json().token as string
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    expect((await changePassword(token, DEMO_PASSWORD, 'Another-pass-2026')).statusCode).toBe(200)
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(401)
  })

  it('a token verified under one secret is not accepted under another', () => {
    const token = signToken(SECRET, { k: 'r', sub: 'h5_cache_b', exp: Math.floor(clock.getTime() / 1000) + 60, d: 'dev_cache_b' })
    expect(verifyToken(SECRET, token, clock.getTime())).not.toBeNull()
    expect(verifyToken(Buffer.from('u'.repeat(32)), token, clock.getTime())).toBeNull()
  })

  it('a forged or altered token is refused however often it is sent', () => {
    const body = Buffer.from(JSON.stringify({ k: 'r', sub: 'h5_cache_c', exp: 4e9, d: 'dev_cache_c' })).toString('base64url')
    const forged = `${body}.${createHmac('sha256', Buffer.from('x'.repeat(32))).update(body).digest('base64url')}`
    for (let i = 0; i < 3; i++) expect(verifyToken(SECRET, forged, clock.getTime())).toBeNull()
  })
})
