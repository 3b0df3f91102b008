import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject, randomFillSync, timingSafeEqual } from 'node:crypto'

/**
 * Server-side keys, all derived (HKDF-SHA256) from one master secret that never leaves the
 * server: keyed hashes for pseudonymous ids and duplicate detection, MACs for codes, and
 * AES-256-GCM for sensitive fields at rest. A purpose string separates every use.
 */
export interface Keyring {
  /** Deterministic keyed hash (HMAC-SHA256, base64url) of `parts` for `purpose`. */
  keyedHash(purpose: string, ...parts: string[]): string
  /** A MAC truncated to `chars` base64url characters, for short codes. */
  mac(purpose: string, value: string, chars: number): string
  /** Constant-time check of a truncated MAC. */
  verifyMac(purpose: string, value: string, mac: string): boolean
  /** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `chuangye:${purpose}`, 32))
}

/** Random bytes for IVs drawn from a buffer refilled from the CSPRNG (one call per 4 KiB, not per value). */
function ivSource(): (n: number) => Buffer {
  const pool = Buffer.alloc(4096)
  let at = pool.length
  return (n) => {
    if (at + n > pool.length) {
      randomFillSync(pool)
      at = 0
    }
    // A copy: the pool is overwritten when it is refilled.
    const out = Buffer.from(pool.subarray(at, at + n))
    at += n
    return out
  }
}

export function makeKeyring(master: Buffer): Keyring {
  if (master.length < 32) throw new Error('the master secret must be at least 32 bytes')
  // Derived once per purpose and process, held as KeyObjects (HMAC and AES take them without
  // importing the raw key again on every call: a sign-up makes three keyed hashes and one seal).
  const cache = new Map<string, KeyObject>()
  const key = (purpose: string) => {
    let k = cache.get(purpose)
    if (!k) cache.set(purpose, (k = createSecretKey(derive(master, purpose))))
    return k
  }
  const hmac = (purpose: string, data: string) => createHmac('sha256', key(`hash:${purpose}`)).update(data).digest()
  const encKey = key('enc:v1')
  const randomIv = ivSource()
  return {
    keyedHash: (purpose, ...parts) => hmac(purpose, JSON.stringify(parts)).toString('base64url'),
    mac: (purpose, value, chars) => hmac(purpose, value).toString('base64url').slice(0, chars),
    verifyMac(purpose, value, mac) {
      const expected = Buffer.from(hmac(purpose, value).toString('base64url').slice(0, mac.length))
      const given = Buffer.from(mac)
      return mac.length >= 6 && given.length === expected.length && timingSafeEqual(given, expected)
    },
    encrypt(plain) {
      const iv = randomIv(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}

/** A keyring resolved on first use, so a call that needs no key never needs the secret. */
export function lazyKeyring(resolve: () => Keyring): Keyring {
  let ring: Keyring | null = null
  const get = () => (ring ??= resolve())
  return {
    keyedHash: (purpose, ...parts) => get().keyedHash(purpose, ...parts),
    mac: (purpose, value, chars) => get().mac(purpose, value, chars),
    verifyMac: (purpose, value, mac) => get().verifyMac(purpose, value, mac),
    encrypt: (plain) => get().encrypt(plain),
    decrypt: (sealed) => get().decrypt(sealed),
  }
}

/** The master secret from `APP_SECRET` (hex or any text of 32+ bytes). */
export function keyringFromEnv(env: NodeJS.ProcessEnv = process.env): Keyring {
  const secret = env.APP_SECRET
  if (!secret || Buffer.byteLength(secret) < 32) {
    throw new Error('APP_SECRET is not configured (32+ characters) for this function')
  }
  return makeKeyring(Buffer.from(secret, 'utf8'))
}
