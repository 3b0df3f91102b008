import { ApiError, ErrorCodes } from './cloud-core'

/**
 * Opens a download link an export returned (a cloud storage temporary link, or the local
 * runtime's `/api/downloads/…`). Platform builds: `download-link.h5.ts`, `download-link.weapp.ts`.
 */
export async function openDownload(_url: string, _fileName: string): Promise<void> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持下载文件')
}
