import type { CodeImage } from '@shared/contracts/file'
import { ApiError, ErrorCodes } from '../core/cloud-core'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent } from '../../utils/poster-draw'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('poster code image failed to load'))
    img.src = src
  })
}

/**
 * H5: draws on an off-screen DOM canvas; the PNG data URL is shown and downloaded as is. The
 * local runtime always sends the code inline; a cloud file id only opens in the mini-program.
 */
export async function makePoster(content: PosterContent, code: CodeImage): Promise<string> {
  if (!code.image) throw new ApiError(ErrorCodes.unsupported, '该海报只能在微信小程序中生成')
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('canvas 2d is not available')
  drawPoster(ctx, content, await loadImage(`data:image/png;base64,${code.image}`))
  return canvas.toDataURL('image/png')
}

/** H5: downloads the PNG (on a phone it lands in downloads / the photo picker). */
export async function savePoster(src: string, filename: string): Promise<void> {
  const a = document.createElement('a')
  a.href = src
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
}
