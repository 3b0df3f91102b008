import { ApiError, ErrorCodes } from '../core/cloud-core'

/** How the file reached the user: a browser download, or the clipboard (WeChat). */
export type JsonHandOff = 'downloaded' | 'copied'

/** Hands a JSON document to the user. Platform builds: `json-file.h5.ts`, `json-file.weapp.ts`. */
export async function saveJson(_filename: string, _text: string): Promise<JsonHandOff> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持导出文件')
}
