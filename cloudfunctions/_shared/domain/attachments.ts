/**
 * Attachments that are not pictures (issue 21 items 3 and 6): a 简报, a 认定报告 or a 督查
 * progress report may carry PDF, Word and Excel files beside its pictures. A file is accepted
 * for what its bytes are, never for its name or a declared type: PDF by `%PDF-`, Word/Excel
 * 2007+ by a zip whose entries include `[Content_Types].xml` and the document's main part, and
 * the legacy binary formats by the OLE compound-file signature and their main stream's name.
 */

/** Largest accepted document, in bytes (pictures keep `PHOTO_MAX_BYTES`). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

export const DOCUMENT_TYPES = ['pdf', 'docx', 'xlsx', 'doc', 'xls'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/** The stored file's extension is the detected type (the name the user gave is kept apart). */
export const DOCUMENT_EXTENSIONS: Record<DocumentType, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', doc: 'doc', xls: 'xls' }
export const DOCUMENT_MIME: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
}
/** Said to the user when a file is refused for its type. */
export const DOCUMENT_TYPES_TEXT = 'PDF、Word（doc/docx）或 Excel（xls/xlsx）'

/** An attachment as stored on a report: what it is, how big, under what name it was chosen. */
export interface StoredAttachment {
  /** The storage reference (a cloud fileID, or a `local:` name in the local runtime). */
  fileId: string
  /** The name the sender's file had (shown and offered on download). */
  name: string
  size: number
  kind: 'image' | 'document'
  mime: string
}

/** The longest file name kept. */
export const ATTACHMENT_NAME_MAX = 80

/**
 * The name shown and offered on download: path parts, control characters and characters that
 * break a header or a file system dropped; the detected type's extension is ensured, so a
 * `报告.exe` that is really a PDF is offered as `报告.exe.pdf`, never as an executable.
 */
export function attachmentName(given: string, type: DocumentType): string {
  const base = given.split(/[\\/]/).pop() ?? ''
  let name = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim()
  const ext = `.${DOCUMENT_EXTENSIONS[type]}`
  if (!name.toLowerCase().endsWith(ext)) name = `${name || '附件'}${ext}`
  if (name.length > ATTACHMENT_NAME_MAX) name = `${name.slice(0, ATTACHMENT_NAME_MAX - ext.length - 1)}…${ext}`
  return name
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0
const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, k) => b[at + k] === x)

/**
 * The entry names of a zip file, read from its central directory (found through the
 * end-of-central-directory record, APPNOTE 4.3.16); null when it is not a whole zip.
 */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const lowest = Math.max(0, b.length - 22 - 0xffff)
  let eocd = -1
  for (let i = b.length - 22; i >= lowest; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = u16(b, eocd + 10)
  let at = u32(b, eocd + 16)
  const names: string[] = []
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null
    const nameLen = u16(b, at + 28)
    const extraLen = u16(b, at + 30)
    const commentLen = u16(b, at + 32)
    if (at + 46 + nameLen > b.length) return null
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLen)))
    at += 46 + nameLen + extraLen + commentLen
  }
  return names
}

/** Whether the UTF-16LE form of `name` occurs in `b` (an OLE directory entry's name). */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2)
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i)
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let k = 0; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer
    return true
  }
  return false
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/**
 * The document type of a whole file's bytes, or null for anything else (an executable renamed
 * `.pdf`, a zip that is not a Word or Excel file, a picture).
 */
export function detectDocumentType(b: Uint8Array): DocumentType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML (ECMA-376 part 2): a zip with [Content_Types].xml and the main part of its kind.
    const names = zipEntryNames(b)
    if (!names || !names.includes('[Content_Types].xml')) return null
    if (names.includes('word/document.xml')) return 'docx'
    if (names.includes('xl/workbook.xml')) return 'xlsx'
    return null
  }
  if (startsWith(b, OLE)) {
    // [MS-CFB] compound file: Word keeps its text in the `WordDocument` stream, Excel in `Workbook` (BIFF8) or `Book` (BIFF5).
    if (hasUtf16(b, 'WordDocument')) return 'doc'
    if (hasUtf16(b, 'Workbook') || hasUtf16(b, 'Book')) return 'xls'
    return null
  }
  return null
}

/** Why a document is refused, in words for the sender; null when it is fine. */
export function documentProblem(size: number, bytes: Uint8Array): string | null {
  if (size === 0) return '文件是空的，请重新选择'
  if (size > DOCUMENT_MAX_BYTES) return `文件不能超过 ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`
  if (!detectDocumentType(bytes)) return `只能上传 ${DOCUMENT_TYPES_TEXT} 文件`
  return null
}

/** The document type a stored file name's extension says (the store names files by detected type). */
export function documentTypeOfExtension(ext: string): DocumentType | null {
  return (DOCUMENT_TYPES as readonly string[]).includes(ext) ? (ext as DocumentType) : null
}

/** A size in words: `820 B`, `12.4 KB`, `3.1 MB`. */
export function sizeText(size: number): string {
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}
