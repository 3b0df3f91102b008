import type { FieldError } from '../contracts/common'
import { type AttachmentView, type DocumentInput, fileRef } from '../contracts/file'
import { attachmentName, detectDocumentType, documentProblem, DOCUMENT_MIME, type StoredAttachment } from '../domain/attachments'
import type { DocumentFiles } from '../files/document-files'
import { validation } from '../runtime/errors'

/**
 * Every document must be an upload the document store holds, of an accepted type (by its bytes)
 * and size; each refusal names its field (`<path>.<i>`) and nothing is written. Answers what is
 * stored: `{ fileId, name, size, kind: 'document', mime }`, the name cleaned and carrying the
 * detected type's extension.
 */
export async function checkDocuments(files: DocumentFiles | null, inputs: readonly DocumentInput[], path = 'files'): Promise<StoredAttachment[]> {
  const seen = new Set<string>()
  const out: StoredAttachment[] = []
  const fields: FieldError[] = []
  for (const [i, input] of inputs.entries()) {
    if (seen.has(input.ref)) continue
    seen.add(input.ref)
    const stored = files ? await files.inspect(input.ref) : null
    const problem = stored ? documentProblem(stored.size, stored.bytes) : '附件没有上传成功，请重新选择'
    const type = stored ? detectDocumentType(stored.bytes) : null
    if (problem || !stored || !type) {
      fields.push({ path: `${path}.${i}`, message: `第 ${i + 1} 个文件：${problem ?? '附件没有上传成功，请重新选择'}` })
      continue
    }
    out.push({ fileId: input.ref, name: attachmentName(input.name, type), size: stored.size, kind: 'document', mime: DOCUMENT_MIME[type] })
  }
  if (fields.length) throw validation(fields, fields[0].message)
  return out
}

/** Stored documents as rows a reader opens (temporary links; none without a document store). */
export async function attachmentViews(files: DocumentFiles | null, stored: readonly StoredAttachment[] | undefined, now: Date): Promise<AttachmentView[]> {
  if (!files || !stored?.length) return []
  return Promise.all(
    stored.map(async (a) => {
      const link = await files.link(a.fileId, a.name, now)
      return { name: a.name, size: a.size, kind: a.kind, mime: a.mime, file: fileRef({ url: link.url, fileName: a.name, expiresAt: link.expiresAt }) }
    }),
  )
}
