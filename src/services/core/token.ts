import Taro from '@tarojs/taro'
import { ApiError, ErrorCodes } from './cloud-core'
import { takeEarlyResident } from './early-requests'
import { postJson } from './http'

/**
 * Local-runtime session tokens (H5 only; in WeChat the platform vouches for the caller).
 * `cy.token` is the token in use. A staff sign-in puts the staff token there and keeps the
 * resident token aside, so signing out returns to the same anonymous resident and profile.
 */
const KEY_ACTIVE = 'cy.token'
const KEY_KIND = 'cy.token.kind'
const KEY_RESIDENT = 'cy.token.resident'
/** The signed device id the runtime gave this browser; sent back with every new session. */
const KEY_DEVICE = 'cy.device'

export type TokenKind = 'resident' | 'staff'

function read(key: string): string {
  const value: unknown = Taro.getStorageSync(key)
  return typeof value === 'string' ? value : ''
}

function write(key: string, value: string): void {
  if (value) Taro.setStorageSync(key, value)
  else Taro.removeStorageSync(key)
}

export function activeToken(): { token: string; kind: TokenKind } | null {
  const token = read(KEY_ACTIVE)
  if (!token) return null
  return { token, kind: read(KEY_KIND) === 'staff' ? 'staff' : 'resident' }
}

let pendingResident: Promise<string> | null = null

/** A resident token, asking the runtime for a new anonymous one when there is none. */
async function newResidentToken(): Promise<string> {
  // Pages fire several calls at once on first load; they share one sign-up.
  pendingResident ??= (async () => {
    const kept = read(KEY_DEVICE)
    // index.html asked already on a first visit (no device id kept); a failed early ask is redone here.
    const earlyReply = kept ? null : await takeEarlyResident()
    const reply = earlyReply ?? (await postJson('/api/auth/resident', kept ? { deviceId: kept } : {}))
    const { token, deviceId } = (reply.body as { token?: unknown; deviceId?: unknown } | null) ?? {}
    if (reply.status === 429) throw new ApiError('TOO_MANY_REQUESTS', '访问太频繁，请稍等一分钟再试', [], 429)
    if (typeof deviceId === 'string') write(KEY_DEVICE, deviceId)
    if (reply.status !== 200 || typeof token !== 'string' || !token) {
      throw new ApiError(ErrorCodes.badResponse, '服务暂时不可用，请稍后再试', [], reply.status)
    }
    write(KEY_RESIDENT, token)
    if (activeToken()?.kind !== 'staff') {
      write(KEY_ACTIVE, token)
      write(KEY_KIND, 'resident')
    }
    return token
  })().finally(() => {
    pendingResident = null
  })
  return pendingResident
}

/** The token to send: the signed-in staff token, else the resident one (created on first use). */
export async function ensureToken(): Promise<{ token: string; kind: TokenKind }> {
  const active = activeToken()
  if (active) return active
  const kept = read(KEY_RESIDENT)
  if (kept) {
    write(KEY_ACTIVE, kept)
    write(KEY_KIND, 'resident')
    return { token: kept, kind: 'resident' }
  }
  return { token: await newResidentToken(), kind: 'resident' }
}

/** Drops an expired resident token and gets a fresh one. */
export async function renewResidentToken(): Promise<string> {
  write(KEY_RESIDENT, '')
  write(KEY_ACTIVE, '')
  write(KEY_KIND, '')
  return newResidentToken()
}

/** Makes `token` the staff session. */
export function setStaffToken(token: string): void {
  write(KEY_ACTIVE, token)
  write(KEY_KIND, 'staff')
}

/** Ends the staff session; the next call goes out as the kept resident again. */
export function dropStaffToken(): void {
  const resident = read(KEY_RESIDENT)
  write(KEY_ACTIVE, resident)
  write(KEY_KIND, resident ? 'resident' : '')
}
