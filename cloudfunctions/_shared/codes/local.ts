import { loadQRCode } from '../files/lazy-libs'
import { type MiniCode, MiniCodeInputError, type MiniCodePort, type MiniCodeRequest } from './port'

/**
 * The local runtime's codes: a PNG QR code of the H5 URL of the same page and scene
 * (`<origin>/#/pages/event/index?scene=…`), which a phone camera opens in the browser.
 */
export function localMiniCodes(): MiniCodePort {
  return {
    async make({ scene, page, origin, width }: MiniCodeRequest): Promise<MiniCode> {
      if (!origin) throw new MiniCodeInputError('origin', '缺少应用网址，无法生成二维码')
      const url = `${origin}/#/${page}?scene=${encodeURIComponent(scene)}`
      // Quartile error correction: still scans from a crumpled poster or a glare-lit screen.
      const png = await (await loadQRCode()).toBuffer(url, { type: 'png', errorCorrectionLevel: 'Q', margin: 2, width })
      return { png, fileID: null, url, fallback: null }
    },
  }
}
