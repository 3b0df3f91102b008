/**
 * Saving an exported workbook: `survey-file.h5.ts` downloads it in the browser,
 * `survey-file.weapp.ts` writes it to the user data folder and opens it. Other targets refuse.
 */
import { ApiError, ErrorCodes } from '../core/cloud-core'

/** Saves or opens the file; resolves to a line telling the user where it went. */
export async function saveWorkbook(_filename: string, _base64: string): Promise<string> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持导出文件')
}
