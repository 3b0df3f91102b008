import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'

/** The PNG inside an <img> (Taro's Image) as the runtime served it, decoded to its text. */
export async function decodeImage(page: Page, testId: string): Promise<string> {
  const src = await page.evaluate((id) => {
    const el = Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).find((e) => (e as HTMLElement).offsetParent !== null)
    const img = el instanceof HTMLImageElement ? el : el?.querySelector('img')
    return img?.getAttribute('src') ?? ''
  }, testId)
  const m = /^data:image\/png;base64,(.+)$/.exec(src)
  if (!m) throw new Error(`no PNG in ${testId}: ${src.slice(0, 40)}`)
  const png = PNG.sync.read(Buffer.from(m[1], 'base64'))
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error(`no QR code readable in ${testId}`)
  return found.data
}
