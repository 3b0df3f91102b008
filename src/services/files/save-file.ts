import { ApiError, ErrorCodes } from '../core/cloud-core'

/** Hands a generated file (base64) to the user. Platform builds: `save-file.h5.ts`, `save-file.weapp.ts`. */
export async function saveFile(_filename: string, _mime: string, _base64: string): Promise<void> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持导出文件')
}
