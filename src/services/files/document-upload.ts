import { ApiError, ErrorCodes } from '../core/cloud-core'

/** A document the user picked, before it is uploaded. */
export interface ChosenDocument {
  name: string
  size: number
  /** WeChat: the temporary file path (`wx.chooseMessageFile`). */
  path?: string
  /** H5: the file itself (a file input's `File`). */
  blob?: Blob
}

/** A document uploaded where `report.send` / `duty.report` look for it: the form sends `{ ref, name }`. */
export interface PickedDocument {
  ref: string
  name: string
  size: number
}

/** The extensions offered by the pickers (the server decides by the bytes). */
export const DOCUMENT_PICK_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx'] as const

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
