import { wxOpenApi } from '../runtime/wx-server-sdk'
import type { SubscribeSendParams, SubscribeSendResult } from './wechat'

/**
 * WeChat's cloud call `openapi.subscribeMessage.send` (wx-server-sdk, loaded on first use). Used by
 * the CloudBase entries only (`notify`, `intent`).
 */
export async function wxSubscribeSend(params: SubscribeSendParams): Promise<SubscribeSendResult> {
  return wxOpenApi<{ subscribeMessage: { send(params: SubscribeSendParams): Promise<SubscribeSendResult> } }>().subscribeMessage.send(params)
}
