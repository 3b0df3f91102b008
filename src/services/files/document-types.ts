/** What the document pickers of every platform share (kept apart: a platform file importing `./document-upload` would import itself). */

/** A document the user picked, before it is uploaded. */
export interface ChosenDocument {
  name: string
  size: number
  /** WeChat: the temporary file path (the WeChat file picker). */
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
