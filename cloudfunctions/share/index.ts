import { cloudbaseMiniCodeCache } from '../_shared/files/cloudbase-mini-codes'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { shareActions } from './actions'
import { type WxacodeGetParams, wxacodeShareCodes } from './codes'

/** The slice of wx-server-sdk the code port uses. */
interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { wxacode: { get(params: WxacodeGetParams): Promise<{ buffer: Buffer | Uint8Array; errCode?: number; errMsg?: string }> } }
}

let sdk: WxServerSdk | null = null

/** WeChat's cloud call, loaded on first use (wx-server-sdk is installed by CloudBase, not this repository). */
async function getCode(params: WxacodeGetParams) {
  if (!sdk) {
    const name = 'wx-server-sdk'
    const loaded = require(name) as WxServerSdk
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV })
    sdk = loaded
  }
  return sdk.openapi.wxacode.get(params)
}

export const main = makeMain('share', shareActions({ codes: wxacodeShareCodes(getCode, cloudbaseMiniCodeCache()) }), cloudbaseRoot)
