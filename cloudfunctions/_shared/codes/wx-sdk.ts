import type { GetUnlimitedParams, GetUnlimitedResult } from './wxacode'

/** The slice of wx-server-sdk the code port uses. */
interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { wxacode: { getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResult> } }
}

let sdk: WxServerSdk | null = null

/**
 * WeChat's cloud call, loaded on first use. wx-server-sdk is a dependency of the deployed
 * function (CloudBase installs it), not of this repository, hence the runtime require.
 */
export async function getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResult> {
  if (!sdk) {
    const name = 'wx-server-sdk'
    const loaded = require(name) as WxServerSdk
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV })
    sdk = loaded
  }
  return sdk.openapi.wxacode.getUnlimited(params)
}
