import Taro from '@tarojs/taro'
import type { CodeImage } from '@shared/contracts/file'
import { ApiError, ErrorCodes } from '../core/cloud-core'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, type PosterContext } from '../../utils/poster-draw'

/**
 * The code as a local file the canvas can load: a kept code is downloaded by its cloud file id
 * (`Taro.cloud.downloadFile`, no download-domain whitelist), an inline one is written out.
 */
export async function codeFile(code: CodeImage): Promise<string> {
  if (code.fileID) {
    try {
      return (await Taro.cloud.downloadFile({ fileID: code.fileID })).tempFilePath
    } catch {
      throw new ApiError(ErrorCodes.network, '小程序码下载失败，请检查网络后重试')
    }
  }
  if (!code.image) throw new ApiError(ErrorCodes.badResponse, '没有拿到小程序码，请重试')
  const path = `${Taro.env.USER_DATA_PATH}/share-code-${Date.now()}.png`
  Taro.getFileSystemManager().writeFileSync(path, code.image, 'base64')
  return path
}

/**
 * WeChat: draws on an off-screen canvas (type 2d), the code loaded from a temp file, and exports
 * a temp PNG file the page shows and saves to the album.
 */
export async function makePoster(content: PosterContent, code: CodeImage): Promise<string> {
  const codePath = await codeFile(code)
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: POSTER_WIDTH, height: POSTER_HEIGHT })
  const image = canvas.createImage()
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve()
    image.onerror = () => reject(new Error('poster code image failed to load'))
    image.src = codePath
  })
  const ctx = canvas.getContext('2d') as unknown as PosterContext
  drawPoster(ctx, content, image as unknown as CanvasImageSource)
  const out = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
  return out.tempFilePath
}

/** Saves to the photo album (WeChat asks for permission the first time). */
export async function savePoster(src: string, _filename: string): Promise<void> {
  await Taro.saveImageToPhotosAlbum({ filePath: src })
}
