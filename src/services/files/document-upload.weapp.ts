import Taro from '@tarojs/taro'
import { ApiError, ErrorCodes } from '../core/cloud-core'
import { DOCUMENT_PICK_EXTENSIONS, type ChosenDocument, type PickedDocument } from './document-pick'

export type { ChosenDocument, PickedDocument } from './document-pick'
export { DOCUMENT_PICK_EXTENSIONS } from './document-pick'

/**
 * WeChat: files come from a chat (`wx.chooseMessageFile`, base library ≥ 2.5.0; `type: 'file'`
 * with an `extension` filter, ≥ 2.6.0 — developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html);
 * each gives `path`, `size` and `name`.
 */
export async function chooseDocuments(count: number): Promise<ChosenDocument[]> {
  try {
    const res = await Taro.chooseMessageFile({ count, type: 'file', extension: [...DOCUMENT_PICK_EXTENSIONS] })
    return res.tempFiles.slice(0, count).map((f) => ({ name: f.name, size: f.size, path: f.path }))
  } catch {
    return [] // Closed the picker.
  }
}

/**
 * WeChat: the file goes straight to cloud storage under `feedback-uploads/docs/` (inside the
 * folder the storage rule lets a signed-in user write; a function call carries ~256 KB at most);
 * `report.send` / `duty.report` then read it back to check what it is.
 */
export async function uploadDocument(doc: ChosenDocument): Promise<PickedDocument> {
  if (!doc.path) throw new ApiError(ErrorCodes.badResponse, '没能读取这个文件，请重新选择')
  const ext = /\.(pdf|docx?|xlsx?)$/i.exec(doc.name)?.[1]?.toLowerCase() ?? 'bin'
  const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `feedback-uploads/docs/${key}`, filePath: doc.path })
    if (!res.fileID) throw new Error('no fileID')
    return { ref: res.fileID, name: doc.name, size: doc.size }
  } catch {
    throw new ApiError(ErrorCodes.network, '文件没有上传成功，请重试')
  }
}
