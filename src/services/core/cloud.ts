/**
 * The only transport seam. Taro resolves `./cloud` to `cloud.weapp.ts` or `cloud.h5.ts` by
 * build target (its multi-platform file resolution); this file is what the type checker and
 * any other target see, and it refuses to call. All three export the same names.
 */
import { ApiError, ErrorCodes, makeCall, type Call } from './cloud-core'

export * from './cloud-core'

export const call: Call = makeCall(async (fn, action) => {
  throw new ApiError(ErrorCodes.unsupported, `当前平台不支持调用 ${fn}.${action}`)
})
