import Taro from '@tarojs/taro'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, type PosterContext } from '../utils/poster-draw'

/**
 * WeChat: draws on an off-screen canvas (type 2d), the code loaded from a temp file, and exports
 * a temp PNG file the page shows and saves to the album.
 */
export async function makePoster(content: PosterContent, codeBase64: string): Promise<string> {
  const codePath = `${Taro.env.USER_DATA_PATH}/share-code-${Date.now()}.png`
  Taro.getFileSystemManager().writeFileSync(codePath, codeBase64, 'base64')
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
