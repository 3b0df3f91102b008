import { cloudbaseMiniCodeCache } from '../_shared/files/cloudbase-mini-codes'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { wxOpenApi } from '../_shared/runtime/wx-server-sdk'
import { shareActions } from './actions'
import { type WxacodeGetParams, wxacodeShareCodes } from './codes'

type WxacodeGetResult = { buffer: Buffer | Uint8Array; errCode?: number; errMsg?: string }

/** WeChat's cloud call `openapi.wxacode.get` (wx-server-sdk, loaded on first use). */
async function getCode(params: WxacodeGetParams): Promise<WxacodeGetResult> {
  return wxOpenApi<{ wxacode: { get(params: WxacodeGetParams): Promise<WxacodeGetResult> } }>().wxacode.get(params)
}

export const main = makeMain('share', shareActions({ codes: wxacodeShareCodes(getCode, cloudbaseMiniCodeCache()) }), cloudbaseRoot)
