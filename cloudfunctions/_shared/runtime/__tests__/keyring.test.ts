import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto'
import { keyringFromEnv, lazyKeyring, makeKeyring } from '../keyring'

const ring = makeKeyring(Buffer.from('a'.repeat(40)))

describe('keyring', () => {
  it('keyed hashes are deterministic per purpose and differ across purposes and keys', () => {
    expect(ring.keyedHash('survey-response', 's1', 'openid-1')).toBe(ring.keyedHash('survey-response', 's1', 'openid-1'))
    expect(ring.keyedHash('survey-response', 's1', 'openid-1')).not.toBe(ring.keyedHash('id-card', 's1', 'openid-1'))
    // Parts are framed, so ('ab','c') and ('a','bc') never collide.
    expect(ring.keyedHash('p', 'ab', 'c')).not.toBe(ring.keyedHash('p', 'a', 'bc'))
    expect(makeKeyring(Buffer.from('b'.repeat(40))).keyedHash('p', 'x')).not.toBe(ring.keyedHash('p', 'x'))
  })

  it('truncated MACs verify only for the same value and purpose', () => {
    const mac = ring.mac('event-code', 'EV123', 10)
    expect(mac).toHaveLength(10)
    expect(ring.verifyMac('event-code', 'EV123', mac)).toBe(true)
    expect(ring.verifyMac('event-code', 'EV124', mac)).toBe(false)
    expect(ring.verifyMac('other', 'EV123', mac)).toBe(false)
    expect(ring.verifyMac('event-code', 'EV123', mac.slice(0, 4))).toBe(false)
  })

  it('encrypts with a fresh IV each time and detects tampering', () => {
    const a = ring.encrypt('510402199001011234')
    expect(a).not.toBe(ring.encrypt('510402199001011234'))
    expect(a).not.toContain('510402199001011234')
    expect(ring.decrypt(a)).toBe('510402199001011234')
    const parts = a.split('.')
    parts[3] = Buffer.from('tampered').toString('base64url')
    expect(() => ring.decrypt(parts.join('.'))).toThrow()
  })

  it('keeps every stored id and sealed value readable: the same HKDF keys as plain HMAC / AES-GCM compute them', () => {
    // Keys are cached per process (as KeyObjects); what they compute must not change with that.
    const master = Buffer.from('a'.repeat(40))
    const derived = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `chuangye:${purpose}`, 32))
    const plain = createHmac('sha256', derived('hash:event-signup')).update(JSON.stringify(['ev1', 'r1'])).digest('base64url')
    expect(ring.keyedHash('event-signup', 'ev1', 'r1')).toBe(plain)
    expect(ring.keyedHash('event-signup', 'ev1', 'r1')).toBe(plain)
    const [, iv, tag, body] = ring.encrypt('13900000001').split('.')
    const d = createDecipheriv('aes-256-gcm', derived('enc:v1'), Buffer.from(iv, 'base64url'))
    d.setAuthTag(Buffer.from(tag, 'base64url'))
    expect(Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')).toBe('13900000001')
  })

  it('never repeats an IV, across refills of its random pool', () => {
    const ivs = new Set(Array.from({ length: 2000 }, () => ring.encrypt('x').split('.')[1]))
    expect(ivs.size).toBe(2000)
    for (const iv of ivs) expect(Buffer.from(iv, 'base64url')).toHaveLength(12)
  })

  it('needs a configured secret, but only when a key is used', () => {
    expect(() => keyringFromEnv({})).toThrow(/APP_SECRET/)
    const lazy = lazyKeyring(() => keyringFromEnv({}))
    expect(() => lazy.keyedHash('p', 'x')).toThrow(/APP_SECRET/)
    expect(keyringFromEnv({ APP_SECRET: 'z'.repeat(32) }).keyedHash('p', 'x')).toHaveLength(43)
  })
})
