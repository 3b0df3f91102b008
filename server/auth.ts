import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Identity } from '../cloudfunctions/_shared/runtime/caller'
export { hashPassword, verifyPassword } from '../cloudfunctions/_shared/runtime/password'

/** What a local-runtime token vouches for. */
export type TokenClaims =
  | {
      /** Resident. */
      k: 'r'
      sub: string
      /** Expiry, seconds since the epoch. */
      exp: number
      /** The browser's device id (see `signDeviceId`). */
      d: string
    }
  | {
      /** Staff. */
      k: 's'
      sub: string
      exp: number
      /** The account's `tokenVersion` when the token was issued. */
      v: number
    }

export const RESIDENT_TTL_S = 30 * 24 * 3600
export const STAFF_TTL_S = 12 * 3600

/** base64url without padding: the only alphabet a token segment may use. */
const SEGMENT = /^[A-Za-z0-9_-]+$/
/** Ids we mint: `h5_<uuid>`, `dev_<uuid>`, staff ids; nothing with separators or spaces. */
const ID = /^[A-Za-z0-9_:-]{1,80}$/

function mac(secret: Buffer, purpose: string, body: string): Buffer {
  return createHmac('sha256', secret).update(purpose).update('\0').update(body).digest()
}

/** Signs claims as `base64url(json).base64url(hmac-sha256)`. */
export function signToken(secret: Buffer, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
}

function checkMac(given: string, expected: Buffer): boolean {
  if (!SEGMENT.test(given)) return false
  const bytes = Buffer.from(given, 'base64url')
  return bytes.length === expected.length && timingSafeEqual(bytes, expected)
}

function isClaims(value: unknown): value is TokenClaims {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const c = value as Record<string, unknown>
  const keys = Object.keys(c).sort().join(',')
  if (typeof c.sub !== 'string' || !ID.test(c.sub) || typeof c.exp !== 'number' || !Number.isInteger(c.exp)) return false
  if (c.k === 'r') return keys === 'd,exp,k,sub' && typeof c.d === 'string' && ID.test(c.d)
  if (c.k === 's') return keys === 'exp,k,sub,v' && typeof c.v === 'number' && Number.isInteger(c.v) && c.v >= 0
  return false
}

/** Most verified tokens remembered per secret (a crowd at one event, each on their own token). */
const VERIFIED_KEPT = 20_000

/**
 * Tokens whose signature and claims were already checked, per secret, with what they vouch for
 * and until when: a resident's every call after the first skips the MAC and the JSON parse.
 * Only the check of the token's own bytes is remembered: expiry is checked on every call, and a
 * staff token's version against the account in `resolveCaller` (a revoked session stays refused).
 */
const verified = new WeakMap<Buffer, Map<string, { identity: Identity; expMs: number }>>()

/**
 * Returns the identity a valid, unexpired token vouches for, else null. The shape is strict:
 * exactly two base64url segments, and claims with exactly the expected keys and types, so a
 * token with anything appended or re-encoded is refused rather than half-read.
 */
export function verifyToken(secret: Buffer, token: string, nowMs: number): Identity | null {
  let known = verified.get(secret)
  if (!known) verified.set(secret, (known = new Map()))
  const hit = known.get(token)
  if (hit) {
    if (hit.expMs > nowMs) return { ...hit.identity }
    known.delete(token)
    return null
  }
  const checked = checkToken(secret, token)
  if (!checked || checked.expMs <= nowMs) return null
  if (known.size >= VERIFIED_KEPT) known.delete(known.keys().next().value as string)
  known.set(token, checked)
  return { ...checked.identity }
}

/** The signature and claims of a token, whatever the time: what it vouches for and until when. */
function checkToken(secret: Buffer, token: string): { identity: Identity; expMs: number } | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [body, sig] = parts
  if (!SEGMENT.test(body) || !checkMac(sig, createHmac('sha256', secret).update(body).digest())) return null
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!isClaims(claims)) return null
  const expMs = claims.exp * 1000
  if (claims.k === 'r') return { identity: { residentId: claims.sub, deviceId: claims.d }, expMs }
  return { identity: { staffId: claims.sub, tokenVersion: claims.v }, expMs }
}

/**
 * A device id for the browser build, signed so the client can hand it back when it asks for a
 * new anonymous token: `dev_<uuid>.<mac>`. Once-per-person limits (survey answers) also key on
 * it, because anonymous tokens are cheap to mint.
 */
export function newDeviceId(secret: Buffer): { id: string; signed: string } {
  const id = `dev_${randomUUID()}`
  return { id, signed: `${id}.${mac(secret, 'device', id).toString('base64url')}` }
}

/** The device id inside a signed one, or null when it is malformed or not ours. */
export function verifyDeviceId(secret: Buffer, signed: unknown): string | null {
  if (typeof signed !== 'string' || signed.length > 200) return null
  const parts = signed.split('.')
  if (parts.length !== 2 || !ID.test(parts[0]) || !parts[0].startsWith('dev_')) return null
  return checkMac(parts[1], mac(secret, 'device', parts[0])) ? parts[0] : null
}

/** Reads `Authorization: Bearer <token>`. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return m ? m[1] : null
}
