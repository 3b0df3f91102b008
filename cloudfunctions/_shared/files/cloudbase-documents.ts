/**
 * Document attachments on CloudBase: the mini-program uploads each file (picked with
 * `wx.chooseMessageFile`) straight to cloud storage under `feedback-uploads/docs/` — inside the
 * folder the storage rule already lets a signed-in user write (`deploy/storage.ts`) — and sends
 * the fileID; the action reads it back here to check its type and size, and hands out 10-minute
 * temporary links (the reader downloads and opens it with `wx.openDocument`).
 */
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { CloudbasePhotoStorage } from './cloudbase-photos'
import type { DocumentFiles } from './document-files'

const LINK_SECONDS = 600
/** Only files the app's own document upload folder holds. */
export const CLOUD_DOCUMENT_REF = /^cloud:\/\/[A-Za-z0-9._-]+\/feedback-uploads\/docs\/[A-Za-z0-9._/-]+$/

export function cloudbaseDocumentFiles(storage: () => CloudbasePhotoStorage = realStorage): DocumentFiles {
  return {
    async inspect(ref) {
      if (!CLOUD_DOCUMENT_REF.test(ref) || ref.includes('..')) return null
      try {
        const { fileContent } = await storage().downloadFile({ fileID: ref })
        if (fileContent === undefined) return null
        const bytes = typeof fileContent === 'string' ? Buffer.from(fileContent, 'binary') : fileContent
        return { size: bytes.length, bytes }
      } catch {
        // A missing file is what the SDK reports by throwing; to the sender it is "not uploaded".
        return null
      }
    },
    async link(ref, _name, now) {
      const out = await storage().getTempFileURL({ fileList: [{ fileID: ref, maxAge: LINK_SECONDS }] })
      const url = out.fileList?.[0]?.tempFileURL
      if (!url) throw new Error(`no temporary link: ${out.fileList?.[0]?.code ?? 'unknown'}`)
      return { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() }
    },
  }
}

let app: CloudbasePhotoStorage | null = null
function realStorage(): CloudbasePhotoStorage {
  app ??= init({ env: SYMBOL_CURRENT_ENV })
  return app
}
