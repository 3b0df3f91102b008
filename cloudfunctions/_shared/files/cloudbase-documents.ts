/**
 * Document attachments on CloudBase: the mini-program uploads each file (picked with
 * `wx.chooseMessageFile`) straight to cloud storage under `feedback-uploads/docs/` — inside the
 * folder the storage rule already lets a signed-in user write (`deploy/storage.ts`) — and sends
 * the fileID; the action reads it back here to check its type and size, and hands out 10-minute
 * temporary links (the reader downloads and opens it with `wx.openDocument`).
 */
import { type CloudbasePhotoStorage, downloadUpload, realStorage, temporaryLink } from './cloudbase-photos'
import type { DocumentFiles } from './document-files'

/** Only files the app's own document upload folder holds. */
export const CLOUD_DOCUMENT_REF = /^cloud:\/\/[A-Za-z0-9._-]+\/feedback-uploads\/docs\/[A-Za-z0-9._/-]+$/

export function cloudbaseDocumentFiles(storage: () => CloudbasePhotoStorage = realStorage): DocumentFiles {
  return {
    async inspect(ref) {
      if (!CLOUD_DOCUMENT_REF.test(ref) || ref.includes('..')) return null
      const bytes = await downloadUpload(storage(), ref)
      return bytes && { size: bytes.length, bytes }
    },
    link: (ref, _name, now) => temporaryLink(storage(), ref, now),
  }
}
