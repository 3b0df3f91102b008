import { createHmac } from 'node:crypto'
import { connect } from 'node:net'
import { hashingStats } from '../../cloudfunctions/_shared/runtime/password'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { buildApp } from '../app'
import { demoRuntime } from './inject'
import { verifyToken } from '../auth'
import { DEMO_PASSWORD } from '../seed-data'

/**
 * Findings of an outside probe of the local runtime, each held here: the lockout under parallel
 * guesses, hashing that cannot starve other requests, tokens that die with the password,
 * throttled anonymous sessions with a signed device id, constant work for unknown usernames,
 * strict token shape, and a 413 the client can read.
 */
let clock = new Date('2026-11-22T02:00:00Z')
const SECRET = Buffer.from('s'.repeat(32))
const { store, app, login, fn } = demoRuntime(clock, { secret: SECRET, now: () => clock, residentSessionsPerMinute: 5, staffSignInsPerMinute: 1e9 })

const newResident = (remoteAddress: string, body: object = {}) =>
  app().inject({ method: 'POST', url: '/api/auth/resident', remoteAddress, payload: body })
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000))

describe('concurrency: parallel sign-ins', () => {
  it('40 parallel guesses with the right password last: five are checked, the account locks, nobody gets a token', async () => {
    const guesses = [...Array.from({ length: 39 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD]
    const replies = await Promise.all(guesses.map((p) => login('dadukou', p)))
    const codes = replies.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 200)).toHaveLength(0)
    expect(codes.filter((c) => c === 401)).toHaveLength(5)
    expect(codes.every((c) => c === 401 || c === 423 || c === 429)).toBe(true)
    const after = await login('dadukou', DEMO_PASSWORD)
    expect(after.statusCode).toBe(423)
    expect(after.json().error.code).toBe('LOCKED')
  })

  it('240 guesses in bursts of 60 never get more than five checks before the lock', async () => {
    let checked = 0
    for (let burst = 0; burst < 4; burst++) {
      const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => login('qingxiangping', `guess-${burst}-${i}`)))
      checked += replies.filter((r) => r.statusCode === 401).length
    }
    expect(checked).toBe(5)
    expect((await login('qingxiangping', DEMO_PASSWORD)).statusCode).toBe(423)
    later(16)
    expect((await login('qingxiangping', DEMO_PASSWORD)).statusCode).toBe(200)
  })

  it('a sign-in burst over many accounts never runs more than two hashes at once, and residents are answered meanwhile', async () => {
    const resident = (await newResident('10.0.0.9')).json().token as string
    hashingStats.peak = 0
    let burstDone = false
    const burst = Promise.all(
      ['jinsha', 'xinhua', 'changshou', 'wushisi', 'sutie', 'yuquan'].flatMap((u) => Array.from({ length: 10 }, (_, i) => login(u, `nope-${i}`))),
    ).then((r) => {
      burstDone = true
      return r
    })
    const residentCalls = await Promise.all(Array.from({ length: 20 }, () => fn(resident, 'profile', 'get')))
    const answeredDuringBurst = !burstDone
    const replies = await burst
    expect(residentCalls.every((r) => r.statusCode === 200)).toBe(true)
    expect(answeredDuringBurst).toBe(true)
    expect(hashingStats.peak).toBeLessThanOrEqual(2)
    // Beyond the hashing queue, sign-ins are refused at once instead of waiting.
    expect(replies.every((r) => [401, 423, 429].includes(r.statusCode))).toBe(true)
    later(16)
  })
})

describe('tokens die with the password, a role change or a revocation', () => {
  it('a password change ends older tokens; the reply carries a working one', async () => {
    const old = (await login('changshou', DEMO_PASSWORD)).json().token as string
    const changed = await app().inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${old}` },
      payload: { oldPassword: DEMO_PASSWORD, newPassword: 'ChangShou2026' },
    })
    expect(changed.statusCode).toBe(200)
    const dead = await fn(old, 'profile', 'get')
    expect(dead.statusCode).toBe(401)
    expect((await fn(changed.json().token, 'profile', 'get')).statusCode).toBe(200)
  })

  it('bumping the stored version (what a role change does) refuses the older token at once', async () => {
    const token = (await login('wushisi', DEMO_PASSWORD)).json().token as string
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    await store.collection('staff').update('st_wushisi', { inc: { tokenVersion: 1 } })
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(401)
    const fresh = (await login('wushisi', DEMO_PASSWORD)).json().token as string
    expect((await fn(fresh, 'profile', 'get')).statusCode).toBe(200)
  })

  it('revoking an account bumps its version', async () => {
    const lead = (await login('yuquan-lead', DEMO_PASSWORD)).json().token as string
    const before = (await store.collection('staff').get('st_yuquan'))?.tokenVersion ?? 0
    const revoked = await fn(lead, 'org', 'revoke', { staffId: 'st_yuquan' })
    expect(revoked.statusCode).toBe(200)
    expect((await store.collection('staff').get('st_yuquan'))?.tokenVersion).toBe(before + 1)
  })

  it('wrong old passwords count towards the lockout', async () => {
    const token = (await login('bingcaogang', DEMO_PASSWORD)).json().token as string
    const tries: number[] = []
    for (let i = 0; i < 6; i++) {
      const r = await app().inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { oldPassword: `not-it-${i}`, newPassword: 'BingCao2026x' },
      })
      tries.push(r.statusCode)
    }
    expect(tries).toEqual([400, 400, 400, 400, 423, 423])
    expect((await login('bingcaogang', DEMO_PASSWORD)).statusCode).toBe(423)
    later(16)
  })
})

describe('anonymous sessions', () => {
  it('are limited per client address with a clear 429, other addresses unaffected', async () => {
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await newResident('10.1.1.1')).statusCode)
    expect(codes).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await newResident('10.1.1.1')
    expect(refused.json().error).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('频繁') })
    expect((await newResident('10.1.1.2')).statusCode).toBe(200)
    later(1.1)
    expect((await newResident('10.1.1.1')).statusCode).toBe(200)
  })

  it('carry a signed device id that a new session keeps, and a forged one is replaced', async () => {
    const first = (await newResident('10.2.0.1')).json() as { token: string; deviceId: string }
    const device = verifyToken(SECRET, first.token, clock.getTime())
    expect(device && 'deviceId' in device && device.deviceId).toMatch(/^dev_/)
    const second = (await newResident('10.2.0.1', { deviceId: first.deviceId })).json() as { token: string; deviceId: string }
    const again = verifyToken(SECRET, second.token, clock.getTime())
    expect(again && 'deviceId' in again ? again.deviceId : null).toBe(device && 'deviceId' in device ? device.deviceId : 'x')
    expect(again && 'residentId' in again ? again.residentId : null).not.toBe(device && 'residentId' in device ? device.residentId : null)
    const forged = (await newResident('10.2.0.1', { deviceId: 'dev_chosen.AAAA' })).json() as { token: string; deviceId: string }
    const minted = verifyToken(SECRET, forged.token, clock.getTime())
    expect(minted && 'deviceId' in minted ? minted.deviceId : null).not.toBe('dev_chosen')
  })
})

describe('sign-in leaks nothing by timing, and tokens have one shape', () => {
  it('an unknown username costs the same one hash as a known one', async () => {
    let runs = hashingStats.runs
    expect((await login('no-such-user', 'whatever1')).statusCode).toBe(401)
    expect(hashingStats.runs - runs).toBe(1)
    runs = hashingStats.runs
    expect((await login('jinsha-lead', 'whatever1')).statusCode).toBe(401)
    expect(hashingStats.runs - runs).toBe(1)
  })

  it('refuses a valid token with a segment appended, and claims with extra keys', async () => {
    const token = (await newResident('10.3.0.1')).json().token as string
    expect((await fn(token, 'profile', 'get')).statusCode).toBe(200)
    expect((await fn(`${token}.x`, 'profile', 'get')).statusCode).toBe(401)
    const body = Buffer.from(JSON.stringify({ k: 's', sub: 'st_admin', exp: 4e9, v: 0, role: 'admin' })).toString('base64url')
    const sig = createHmac('sha256', SECRET).update(body).digest('base64url')
    expect(verifyToken(SECRET, `${body}.${sig}`, clock.getTime())).toBeNull()
    expect(verifyToken(SECRET, `${body}.${sig}=`, clock.getTime())).toBeNull()
  })
})

describe('an oversized body', () => {
  it('is answered 413 after the client has sent it all, so a send-then-read client sees the status', async () => {
    const server = buildApp({ store, secret: SECRET, keyring: makeKeyring(Buffer.from('k'.repeat(32))) })
    const address = await server.listen({ port: 0, host: '127.0.0.1' })
    const { port } = new URL(address)
    const size = 8 * 1024 * 1024
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1')
        let text = ''
        socket.on('data', (c: Buffer) => (text += c.toString('latin1')))
        socket.on('error', reject)
        socket.on('close', () => resolve(text))
        socket.write(`POST /api/fn/policy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`)
        // Send everything before reading, as Python's http.client does.
        socket.write(Buffer.alloc(size, 'a'), (err) => (err ? reject(err) : undefined))
      })
      expect(reply).toMatch(/^HTTP\/1\.1 413/)
      expect(reply).toContain('PAYLOAD_TOO_LARGE')
    } finally {
      await server.close()
    }
  })
})
