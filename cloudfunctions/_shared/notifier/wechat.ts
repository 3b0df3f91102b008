import type { Notifier, SendOutcome, SubscribeMessage } from './port'

/** `openapi.subscribeMessage.send`'s parameters, as wx-server-sdk's cloud call takes them. */
export interface SubscribeSendParams {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  /** Which build of the mini-program the message opens. */
  miniprogramState: 'formal' | 'trial' | 'developer'
  lang: 'zh_CN'
}

/** What the cloud call resolves with; on an error wx-server-sdk rejects with an error carrying `errCode`. */
export interface SubscribeSendResult {
  errCode?: number
  errMsg?: string
}

/** 43101: the user has not accepted (or has used up) this template. */
const REFUSED = new Set([43101])
/**
 * Errors in the request itself: invalid openid (40003), template id (40037), page (41030),
 * field values (47003), template removed or not the app's (43107, 43108), openid of another app (40036).
 */
const REJECTED = new Set([40003, 40036, 40037, 41030, 43107, 43108, 47003])

/** Classifies a WeChat error code; anything not known to be permanent is retried (busy -1, 45009/45011 rate limits, network). */
export function classifyWechatError(code: number | undefined, message: string): SendOutcome {
  const c = code === undefined ? 'network' : String(code)
  if (code !== undefined && REFUSED.has(code)) return { ok: false, kind: 'refused', code: c, message }
  if (code !== undefined && REJECTED.has(code)) return { ok: false, kind: 'rejected', code: c, message }
  return { ok: false, kind: 'transient', code: c, message }
}

function errorCode(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'errCode' in err) {
    const code = Number((err as { errCode: unknown }).errCode)
    return Number.isFinite(code) ? code : undefined
  }
  return undefined
}

/**
 * The production adapter: WeChat's subscribe message through the cloud call
 * `cloud.openapi.subscribeMessage.send` (wx-server-sdk), injected as `callOpenApi` so this file
 * needs no SDK to compile or test. The function is deployed with the openapi permission
 * `subscribeMessage.send` (scripts/build-functions.ts writes it into config.json).
 */
export function wechatNotifier(
  callOpenApi: (params: SubscribeSendParams) => Promise<SubscribeSendResult>,
  miniprogramState: SubscribeSendParams['miniprogramState'] = 'formal',
): Notifier {
  return {
    async send(m: SubscribeMessage): Promise<SendOutcome> {
      try {
        const result = await callOpenApi({ touser: m.toUser, templateId: m.templateId, page: m.page, data: m.data, miniprogramState, lang: 'zh_CN' })
        // Older SDKs resolve with a non-zero errCode instead of rejecting.
        if (result.errCode) return classifyWechatError(result.errCode, result.errMsg ?? '')
        return { ok: true }
      } catch (err) {
        return classifyWechatError(errorCode(err), err instanceof Error ? err.message : String(err))
      }
    },
  }
}
