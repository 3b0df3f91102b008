import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Identity } from '../cloudfunctions/_shared/runtime/caller'
export { hashPassword, verifyPassword } from '../cloudfunctions/_shared/runtime/password'

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
