import type { FileRef } from '@shared/contracts/file'
import { ApiError, ErrorCodes } from '../core/cloud-core'

/**
 * Opens a file the server handed over (`FileRef`): in WeChat by its cloud file id
 * (`Taro.cloud.downloadFile`), in the browser by the local runtime's link.
 * Platform builds: `download-link.h5.ts`, `download-link.weapp.ts`.
 */
export async function openDownload(_file: FileRef): Promise<void> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持下载文件')
}
