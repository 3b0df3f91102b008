import type { FileRef } from '@shared/contracts/file'
import { env } from '../../env'
import { ApiError, ErrorCodes } from '../core/cloud-core'

/**
 * H5: the browser downloads the file from the local runtime's link (streamed by the runtime;
 * nothing is buffered in the page). A cloud file id only opens inside the mini-program.
 */
export async function openDownload(file: FileRef): Promise<void> {
  if (!file.url) throw new ApiError(ErrorCodes.unsupported, '该文件只能在微信小程序中打开')
  const a = document.createElement('a')
  a.href = /^https?:\/\//.test(file.url) ? file.url : `${env.apiBase}${file.url}`
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
