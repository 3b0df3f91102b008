import Taro from '@tarojs/taro'
import { errorMessage, isApiError } from '../services/core/cloud'

/**
 * Up to `room` pictures from the album or the camera, compressed: their local paths, or null when
 * the picker was closed. `Taro.chooseImage` is the platform's picker (on WeChat `wx.chooseImage`; on H5 Taro opens a file input).
 */
export async function choosePhotos(room: number): Promise<string[] | null> {
  try {
    const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths.slice(0, room)
  } catch {
    return null // Closed the picker.
  }
}

/** What to say when an upload was refused: the field's message where the server gave one. */
export function uploadProblem(e: unknown): string {
  return isApiError(e) && e.fields[0] ? e.fields[0].message : errorMessage(e)
}
