import QRCode from 'qrcode'

/**
 * The share poster's code. A share code carries the item and the sharer's referral id in its
 * path, longer than an unlimited code's 32-character scene, so production uses WeChat's
 * `wxacode.get` (path up to 128 bytes); the local runtime makes a QR of the H5 URL.
 * Bound in the composition roots: `index.ts` and `server/functions.ts`.
 */
export interface ShareCodePort {
  /** `path` is the page and query without a leading slash; `origin` is the H5 app's (local only). */
  make(request: { path: string; origin: string | null; width: number }): Promise<{ png: Buffer; url: string | null }>
}

/** Raised when a code cannot be made for this request (maps to 400 on `origin`). */
export class ShareCodeInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ShareCodeInputError'
  }
}

/** Local runtime: a PNG QR code of `<origin>/#/<path>`, which a phone camera opens in the browser. */
export function localShareCodes(): ShareCodePort {
  return {
    async make({ path, origin, width }) {
      if (!origin) throw new ShareCodeInputError('缺少应用网址，无法生成二维码')
      const url = `${origin}/#/${path}`
      const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'Q', margin: 1, width })
      return { png, url }
    },
  }
}

/** `openapi.wxacode.get`'s parameters, as wx-server-sdk's cloud call takes them. */
export interface WxacodeGetParams {
  path: string
  width: number
}

/** Production: WeChat's mini-program code for a path, through the injected cloud call. */
export function wxacodeShareCodes(get: (params: WxacodeGetParams) => Promise<{ buffer: Buffer | Uint8Array; errCode?: number; errMsg?: string }>): ShareCodePort {
  return {
    async make({ path, width }) {
      const result = await get({ path, width })
      if (result.errCode) throw new Error(`wxacode.get failed: ${result.errCode} ${result.errMsg ?? ''}`)
      return { png: Buffer.from(result.buffer), url: null }
    },
  }
}
