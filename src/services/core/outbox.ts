import Taro from '@tarojs/taro'
import { ErrorCodes, isApiError } from './cloud-core'

/**
 * Resident writes that must survive a dropped connection (an event sign-up, a survey answer):
 * the request is kept in storage with its request id before it is sent, retried with the same
 * id while the network is down, and resent on the next visit if the app was closed meanwhile.
 * The server answers a repeated request id with what the first call did, so nothing is applied
 * twice.
 */
const PREFIX = 'cy.outbox.'

/** Waits between retries (ms): quick at first, then patient; about a minute in all. */
export const RETRY_DELAYS_MS = [800, 1500, 3000, 6000, 12000, 20000]

export interface Pending<I> {
  requestId: string
  input: I
  at: string
}

/** A fresh id for one tap; its retries reuse it so the server applies the tap once. */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`
}

/** The request kept under `key` (not yet confirmed by the server), or null. */
export function pendingSend<I>(key: string): Pending<I> | null {
  const raw: unknown = Taro.getStorageSync(PREFIX + key)
  if (!raw || typeof raw !== 'object' || !('requestId' in raw) || !('input' in raw)) return null
  return raw as Pending<I>
}

export function dropPending(key: string): void {
  Taro.removeStorageSync(PREFIX + key)
}

const isNetwork = (e: unknown) => isApiError(e) && e.code === ErrorCodes.network

export interface SendOptions {
  /** Called once when the first try was lost: show "已保存，正在发送…". */
  onWaiting?: () => void
  /** Waits between retries. Default `RETRY_DELAYS_MS`. */
  delays?: readonly number[]
}

/**
 * Sends `input` under `key` with one request id for all tries. A request already kept under
 * the key (an earlier tap the server may or may not have seen) keeps its id. The kept copy is
 * dropped when the server answers — yes or no — and stays when the network never came back,
 * for `pendingSend` to offer it again.
 */
export async function sendReliably<I, O>(key: string, input: I, send: (input: I, requestId: string) => Promise<O>, options: SendOptions = {}): Promise<O> {
  const requestId = pendingSend<I>(key)?.requestId ?? newRequestId()
  Taro.setStorageSync(PREFIX + key, { requestId, input, at: new Date().toISOString() } satisfies Pending<I>)
  const delays = options.delays ?? RETRY_DELAYS_MS
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await send(input, requestId)
      dropPending(key)
      return out
    } catch (e) {
      if (!isNetwork(e)) {
        dropPending(key)
        throw e
      }
      if (attempt >= delays.length) throw e
      if (attempt === 0) options.onWaiting?.()
      await new Promise((r) => setTimeout(r, delays[attempt]))
    }
  }
}
