import Taro from '@tarojs/taro'
import { env } from '../../env'
import { ApiError, classifyCallFailure, ErrorCodes, makeCall, unwrapEnvelope, type Call } from './cloud-core'

export * from './cloud-core'

let initialised = false

/** `wx.cloud.init` once, on first use (not at import time). */
function ensureCloud(): void {
  if (initialised) return
  if (!Taro.cloud) throw new ApiError(ErrorCodes.unsupported, '当前微信版本过低，请升级微信后再试')
  // Without an explicit id the mini-program's default environment is used.
  Taro.cloud.init(env.cloudEnv ? { env: env.cloudEnv, traceUser: true } : { traceUser: true })
  initialised = true
}

/** WeChat: `Taro.cloud.callFunction`; the caller's identity is the OPENID the platform attaches. */
export const call: Call = makeCall(async (fn, action, data) => {
  ensureCloud()
  let result: unknown
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
    result = res.result
  } catch (e) {
    const message = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : ''
    console.error(`[cloud] ${fn}.${action} failed`, message)
    // Network, timeout, a function that failed, one that is missing or in the wrong environment:
    // each says what happened and what to do, not "网络不太好" for all of them.
    throw classifyCallFailure(e)
  }
  return unwrapEnvelope(result)
})
