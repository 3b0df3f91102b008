import { loadQRCode } from '../files/lazy-libs'
import { h5Link } from '../domain/pages'
import { type MiniCode, MiniCodeInputError, type MiniCodePort, type MiniCodeRequest } from './port'

/**
 * The local runtime's codes: a PNG QR code of the H5 URL of the same page and scene
 * (`<origin>/#/pkg-event/pages/event/index?scene=…`), which a phone camera opens in the browser.
 * An event's codes (poster, check-in) carry the scene before the hash too
 * (`<origin>/?s=…#/pkg-event/pages/event/index?scene=…`): the runtime answers that URL with the
 * event already drawn (`h5Link`). Codes printed before still open the same page.
 */
export function localMiniCodes(): MiniCodePort {
  return {
    async make({ scene, page, origin, width }: MiniCodeRequest): Promise<MiniCode> {
      if (!origin) throw new MiniCodeInputError('origin', '缺少应用网址，无法生成二维码')
      const url = h5Link(origin, `/${page}?scene=${encodeURIComponent(scene)}`)
      // Quartile error correction: still scans from a crumpled poster or a glare-lit screen.
      const png = await (await loadQRCode()).toBuffer(url, { type: 'png', errorCorrectionLevel: 'Q', margin: 2, width })
      return { png, fileID: null, url, fallback: null }
    },
  }
}
