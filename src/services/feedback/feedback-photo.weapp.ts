import Taro from '@tarojs/taro'
import { ApiError, ErrorCodes } from '../core/cloud-core'

/**
 * WeChat: the photo goes straight to cloud storage under `feedback-uploads/` (a function call
 * carries at most ~256 KB); `feedback.submit` then reads it back to check type and size.
 */
export async function uploadFeedbackPhoto(path: string): Promise<string> {
  const ext = /\.(png|webp|jpe?g)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg'
  const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `feedback-uploads/${name}`, filePath: path })
    if (!res.fileID) throw new Error('no fileID')
    return res.fileID
  } catch {
    throw new ApiError(ErrorCodes.network, '照片没有上传成功，请重试')
  }
}
