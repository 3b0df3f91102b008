/**
 * Feedback photos on CloudBase: the mini-program uploads each photo straight to cloud storage
 * under `feedback-uploads/` (a function call carries at most ~256 KB) and sends the fileID with
 * `feedback.submit`; the action reads the file back here to check its type and size, and shows
 * it through 10-minute temporary links.
 */
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { PhotoFiles } from './photo-files'

/** The parts of the SDK used here; a test can pass its own. */
export interface CloudbasePhotoStorage {
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: string | Buffer }>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>
}

const LINK_SECONDS = 600
/** Only files the app's own upload folder holds; anything else in storage is not a feedback photo. */
const UPLOAD = /^cloud:\/\/[A-Za-z0-9._-]+\/feedback-uploads\/[A-Za-z0-9._/-]+$/

export function cloudbasePhotoFiles(storage: () => CloudbasePhotoStorage = realStorage): PhotoFiles {
  return {
    async inspect(ref) {
      if (!UPLOAD.test(ref) || ref.includes('..')) return null
      const bytes = await downloadUpload(storage(), ref)
      return bytes && { size: bytes.length, head: bytes.subarray(0, 16) }
    },
    link: (ref, now) => temporaryLink(storage(), ref, now),
  }
}

/**
 * An uploaded file's bytes, or null when it is not there: a missing file is what the SDK reports
 * by throwing; to the sender it is "not uploaded".
 */
export async function downloadUpload(storage: CloudbasePhotoStorage, ref: string): Promise<Buffer | null> {
  try {
    const { fileContent } = await storage.downloadFile({ fileID: ref })
    if (fileContent === undefined) return null
    return typeof fileContent === 'string' ? Buffer.from(fileContent, 'binary') : fileContent
  } catch {
    return null
  }
}

/** A 10-minute temporary link to an uploaded file. */
export async function temporaryLink(storage: CloudbasePhotoStorage, ref: string, now: Date): Promise<{ url: string; expiresAt: string }> {
  const out = await storage.getTempFileURL({ fileList: [{ fileID: ref, maxAge: LINK_SECONDS }] })
  const url = out.fileList?.[0]?.tempFileURL
  if (!url) throw new Error(`no temporary link: ${out.fileList?.[0]?.code ?? 'unknown'}`)
  return { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() }
}

let app: CloudbasePhotoStorage | null = null
/** The function's own CloudBase app, made once, for every file store here. */
export function realStorage(): CloudbasePhotoStorage {
  app ??= init({ env: SYMBOL_CURRENT_ENV })
  return app
}
