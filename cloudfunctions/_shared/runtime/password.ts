import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum), 64-byte key. */
const N = 32768
const R = 8
const P = 1
const KEYLEN = 64
const MAXMEM = 64 * 1024 * 1024

/**
 * At most this many scrypt computations run at once. Each takes ~100 ms of a libuv thread and
 * 32 MB; libuv has 4 threads, shared with file I/O and DNS. Unbounded, a burst of sign-ins
 * fills the pool and every other request that needs a thread waits behind it (a probe saw
 * residents' p99 go from 72 ms to 723 ms). Beyond the queue, sign-ins are refused at once.
 */
const MAX_RUNNING = 2
const MAX_QUEUED = 16

/** Thrown when the hashing queue is full: the caller answers 429 rather than wait. */
export class HashingBusyError extends Error {
  constructor() {
    super('password hashing is saturated')
    this.name = 'HashingBusyError'
  }
}

let running = 0
const queue: (() => void)[] = []
/** Observed peak of concurrent scrypt runs and the total run; tests read these. */
export const hashingStats = { peak: 0, runs: 0 }

async function boundedScrypt(password: string, salt: Buffer, keylen: number, options: object): Promise<Buffer> {
  if (running >= MAX_RUNNING) {
    if (queue.length >= MAX_QUEUED) throw new HashingBusyError()
    await new Promise<void>((resolve) => queue.push(resolve))
  } else {
    running++
  }
  hashingStats.peak = Math.max(hashingStats.peak, running)
  hashingStats.runs++
  try {
    return await scrypt(password, salt, keylen, options)
  } finally {
    // Hand the slot straight to the next waiter, so `running` never dips and rises again.
    const next = queue.shift()
    if (next) next()
    else running--
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await boundedScrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await boundedScrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A hash no password matches (its key is random), with the same cost parameters as real ones:
 * signing in as an unknown user verifies against it, so known and unknown usernames take the
 * same work and cannot be told apart by timing.
 */
export const DUMMY_HASH = ['scrypt', N, R, P, randomBytes(16).toString('base64'), randomBytes(KEYLEN).toString('base64')].join('$')
