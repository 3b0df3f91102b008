import type { SubscribeSendParams, SubscribeSendResult } from './wechat'

/** The slice of wx-server-sdk the notifier uses. */
interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { subscribeMessage: { send(params: SubscribeSendParams): Promise<SubscribeSendResult> } }
}

let sdk: WxServerSdk | null = null

/**
 * WeChat's cloud call `openapi.subscribeMessage.send`, loaded on first use. wx-server-sdk is a
 * dependency of the deployed function (CloudBase installs it), not of this repository, hence the
 * runtime require. Used by the CloudBase entries only (`notify`, `intent`).
 */
export async function wxSubscribeSend(params: SubscribeSendParams): Promise<SubscribeSendResult> {
  if (!sdk) {
    const name = 'wx-server-sdk'
    const loaded = require(name) as WxServerSdk
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV })
    sdk = loaded
  }
  return sdk.openapi.subscribeMessage.send(params)
}
