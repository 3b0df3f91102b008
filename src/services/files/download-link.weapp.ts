import Taro from '@tarojs/taro'
import type { FileRef } from '@shared/contracts/file'
import { ApiError, ErrorCodes } from '../core/cloud-core'

/** The `fileType` `openDocument` wants, from the file's name; workbooks unless it says otherwise. */
function documentType(fileName: string): 'xlsx' | 'xls' | 'doc' | 'docx' | 'pdf' {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return ext === 'pdf' || ext === 'doc' || ext === 'docx' || ext === 'xls' ? ext : 'xlsx'
}

/**
 * What a failed `wx.cloud.downloadFile` means: the storage rule refused the read ("用户仅可下载其有
 * 访问权限的文件", wxcloud guide/storage/api), the file is gone, or the network.
 */
function downloadFailure(err: unknown): ApiError {
  const msg = String((err as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (err as { message?: unknown } | null)?.message ?? '')
  if (/permission|authority|denied|unauthori[sz]ed|-403/i.test(msg)) {
    return new ApiError(ErrorCodes.unavailable, '没有读取这个文件的权限（云存储权限未设置），请联系管理员')
  }
  if (/NONEXIST|not\s*exist|not\s*found|-404/i.test(msg)) return new ApiError(ErrorCodes.notFound, '文件已不存在，请重新导出')
  return new ApiError(ErrorCodes.network, '文件下载失败，请检查网络后重试')
}

/**
 * WeChat: a file with a cloud file id downloads through `Taro.cloud.downloadFile({ fileID })`
 * (no download-domain whitelist; the storage rule decides who may read it), a link through
 * `Taro.downloadFile` (its domain must be whitelisted). Then the document opens, to share or save.
 */
export async function openDownload(file: FileRef): Promise<void> {
  let tempFilePath: string
  if (file.fileID) {
    try {
      tempFilePath = (await Taro.cloud.downloadFile({ fileID: file.fileID })).tempFilePath
    } catch (err) {
      throw downloadFailure(err)
    }
  } else if (file.url) {
    const res = await Taro.downloadFile({ url: file.url })
    if (res.statusCode !== 200) throw new ApiError(ErrorCodes.network, '下载失败，请重新导出')
    tempFilePath = res.tempFilePath
  } else {
    throw new ApiError(ErrorCodes.unsupported, '文件缺少下载地址，请重新导出')
  }
  await Taro.openDocument({ filePath: tempFilePath, fileType: documentType(file.fileName), showMenu: true })
}
