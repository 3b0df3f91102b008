import Taro from '@tarojs/taro'
import { ApiError, ErrorCodes } from './cloud-core'

/** WeChat: downloads the temporary link and opens the workbook (share or save from there). */
export async function openDownload(url: string, _fileName: string): Promise<void> {
  const res = await Taro.downloadFile({ url })
  if (res.statusCode !== 200) throw new ApiError(ErrorCodes.network, '下载失败，请重新导出')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
}
