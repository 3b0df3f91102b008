/** What this code takes of wx-server-sdk: its set-up and its cloud calls (`openapi`). */
interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: unknown
}

let sdk: WxServerSdk | null = null

/**
 * wx-server-sdk's cloud calls, the SDK loaded and set up for the current environment on first use.
 * It is a dependency of the deployed function (CloudBase installs it: `runtimeDependencies` in
 * `_shared/deploy/functions.ts`), not of this repository, hence the runtime require. `Api` is the
 * slice of `openapi` the caller uses (and the function declares in its `openapi` permissions).
 */
export function wxOpenApi<Api>(): Api {
  if (!sdk) {
    const name = 'wx-server-sdk'
    const loaded = require(name) as WxServerSdk
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV })
    sdk = loaded
  }
  return sdk.openapi as Api
}
