import { loadQRCode } from '../_shared/files/lazy-libs'
import { type MadeCode, WxacodeError, wxErrCode } from '../_shared/files/mini-codes'
import type { ServeCode } from '../_shared/codes/wxacode'
import { h5Link } from '../_shared/domain/pages'

/**
 * The share poster's code. A share code carries the item and the sharer's referral id in its
 * path, longer than an unlimited code's 32-character scene, so production uses WeChat's
 * `wxacode.get` (path up to 128 bytes); the local runtime makes a QR of the H5 URL.
 * Bound in the composition roots: `index.ts` and `server/functions.ts`.
 */
export interface ShareCodePort {
  /** `path` is the page and query without a leading slash; `origin` is the H5 app's (local only). */
  make(request: { path: string; origin: string | null; width: number }): Promise<MadeCode>
}

/** Raised when a code cannot be made for this request (maps to 400 on `origin`). */
export class ShareCodeInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ShareCodeInputError'
  }
}

/**
 * Local runtime: a PNG QR code of `<origin>/#/<path>`, which a phone camera opens in the browser; a
 * policy's names it before the hash too, so the runtime opens it already drawn (`h5Link`).
 */
export function localShareCodes(): ShareCodePort {
  return {
    async make({ path, origin, width }) {
      if (!origin) throw new ShareCodeInputError('缺少应用网址，无法生成二维码')
      const url = h5Link(origin, path)
      const png = await (await loadQRCode()).toBuffer(url, { type: 'png', errorCorrectionLevel: 'Q', margin: 1, width })
      return { png, fileID: null, url, fallback: null }
    },
  }
}

/** `openapi.wxacode.get`'s parameters, as wx-server-sdk's cloud call takes them. */
export interface WxacodeGetParams {
  path: string
  width: number
}

/**
 * Production: WeChat's mini-program code for a path, through the injected cloud call, kept in
 * cloud storage per (page, path, width) by `serve`: a resident's share code for an item is made
 * once, however often they open the poster.
 */
export function wxacodeShareCodes(
  get: (params: WxacodeGetParams) => Promise<{ buffer: Buffer | Uint8Array; errCode?: number; errMsg?: string }>,
  serve: ServeCode,
): ShareCodePort {
  return {
    make({ path, width }) {
      return serve({ page: path.split('?')[0], scene: path, width }, true, async () => {
        const result = await get({ path, width })
        const errCode = wxErrCode(result)
        if (errCode !== null) throw new WxacodeError(errCode, result.errMsg ?? '')
        return Buffer.from(result.buffer)
      })
    },
  }
}
