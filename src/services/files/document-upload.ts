import { ApiError, ErrorCodes } from '../core/cloud-core'
import type { ChosenDocument, PickedDocument } from './document-pick'

export { DOCUMENT_PICK_EXTENSIONS, type ChosenDocument, type PickedDocument } from './document-pick'

/**
 * Lets the user pick up to `count` PDF / Word / Excel files; [] when they close the picker.
 * Platform builds: `document-upload.h5.ts` (a file input), `document-upload.weapp.ts` (`wx.chooseMessageFile`).
 */
export async function chooseDocuments(_count: number): Promise<ChosenDocument[]> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持选择文件')
}

/** Uploads a picked document and answers its reference. */
export async function uploadDocument(_doc: ChosenDocument): Promise<PickedDocument> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持上传文件')
}
