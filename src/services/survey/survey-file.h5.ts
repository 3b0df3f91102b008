import { base64Bytes, downloadBlob } from '../files/save-file.h5'

/** H5: the browser downloads the workbook under its name. */
export async function saveWorkbook(filename: string, base64: string): Promise<string> {
  downloadBlob(filename, new Blob([base64Bytes(base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  return `已下载 ${filename}`
}
