import { ApiError, ErrorCodes } from '../core/cloud-core'

/**
 * Stores a chosen photo where `feedback.submit` can find it and returns its reference.
 * Platform builds: `feedback-photo.h5.ts` (the local runtime's upload route),
 * `feedback-photo.weapp.ts` (cloud storage).
 */
export async function uploadFeedbackPhoto(_path: string): Promise<string> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持上传照片')
}
