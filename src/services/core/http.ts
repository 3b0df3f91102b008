import { env } from '../../env'
import { ApiError, ErrorCodes } from './cloud-core'

/** One HTTP answer from the local runtime. */
export interface HttpReply {
  status: number
  body: unknown
}

const TIMEOUT_MS = 15000

/**
 * POSTs JSON to the local runtime (H5 only). Any HTTP status resolves; only a lost or timed-out
 * request rejects. Plain `fetch` rather than `Taro.request`: the latter brings fetch, abort and
 * JSONP polyfills (~10 KB gzipped) onto the first screen for browsers the app does not target.
 */
export async function postJson(path: string, body: unknown, token?: string): Promise<HttpReply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const res = await fetch(`${env.apiBase}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: controller.signal,
    })
    // A non-JSON body (a proxy's error page) is not an envelope; the caller reports it.
    const parsed: unknown = await res.json().catch(() => null)
    return { status: res.status, body: parsed }
  } catch (e) {
    console.error(`[http] POST ${path} failed`, e)
    throw new ApiError(ErrorCodes.network, '网络不太好，请检查网络后重试')
  } finally {
    clearTimeout(timer)
  }
}
