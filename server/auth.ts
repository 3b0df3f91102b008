import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { Identity } from '../cloudfunctions/_shared/runtime/caller'

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum), 64-byte key. */
const N = 32768
const R = 8
const P = 1
const KEYLEN = 64
const MAXMEM = 64 * 1024 * 1024

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** What a local-runtime token vouches for. */
export interface TokenClaims {
  /** 'r' resident, 's' staff. */
  k: 'r' | 's'
  sub: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

export const RESIDENT_TTL_S = 30 * 24 * 3600
export const STAFF_TTL_S = 12 * 3600

/** Signs claims as `base64url(json).base64url(hmac-sha256)`. */
export function signToken(secret: Buffer, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  const sig = createHmac('sha256', secret).update(body).digest('base64url')
  return `${body}.${sig}`
}

/** Returns the identity a valid, unexpired token vouches for, else null. */
export function verifyToken(secret: Buffer, token: string, nowMs: number): Identity | null {
  const [body, sig] = token.split('.')
  if (!body || !sig) return null
  const expected = createHmac('sha256', secret).update(body).digest()
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let claims: TokenClaims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims
  } catch {
    return null
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs || typeof claims.sub !== 'string') return null
  if (claims.k === 'r') return { residentId: claims.sub }
  if (claims.k === 's') return { staffId: claims.sub }
  return null
}

/** Reads `Authorization: Bearer <token>`. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return m ? m[1] : null
}
