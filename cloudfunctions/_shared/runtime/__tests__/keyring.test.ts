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

  it('needs a configured secret, but only when a key is used', () => {
    expect(() => keyringFromEnv({})).toThrow(/APP_SECRET/)
    const lazy = lazyKeyring(() => keyringFromEnv({}))
    expect(() => lazy.keyedHash('p', 'x')).toThrow(/APP_SECRET/)
    expect(keyringFromEnv({ APP_SECRET: 'z'.repeat(32) }).keyedHash('p', 'x')).toHaveLength(43)
  })
})
