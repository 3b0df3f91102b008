/**
 * Exports on CloudBase: the workbook is streamed to the function's /tmp, uploaded to cloud
 * storage under `exports/`, and handed back as a temporary link that expires in 10 minutes.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { ExportFiles, ExportParts } from '../../ledger/export-files'

/** The parts of the SDK used here; a test can pass its own. */
export interface CloudbaseStorage {
  uploadFile(options: { cloudPath: string; fileContent: ReadStream }): Promise<{ fileID?: string }>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>
}

const LINK_SECONDS = 600

export function cloudbaseExportFiles(storage: () => CloudbaseStorage = realStorage): ExportFiles {
  return {
    async open(_fileName, now) {
      const key = randomBytes(16).toString('base64url')
      const local = join(tmpdir(), `${key}.xlsx`)
      const stream = createWriteStream(local)
      return {
        stream,
        async publish() {
          try {
            const day = now.toISOString().slice(0, 10)
            const uploaded = await storage().uploadFile({ cloudPath: `exports/${day}/${key}.xlsx`, fileContent: createReadStream(local) })
            if (!uploaded.fileID) throw new Error('cloud storage upload returned no fileID')
            const link = await storage().getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: LINK_SECONDS }] })
            const url = link.fileList?.[0]?.tempFileURL
            if (!url) throw new Error(`no temporary link: ${link.fileList?.[0]?.code ?? 'unknown'}`)
            return { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() }
          } finally {
            await unlink(local).catch(() => undefined)
          }
        },
        async discard() {
          stream.destroy()
          await unlink(local).catch(() => undefined)
        },
      }
    },
  }
}

/**
 * A long export's parts: each is written to /tmp (not shared between instances, so a part is
 * uploaded before its chunk is saved) and uploaded to `exports/jobs/<key>.xlsx`; the same key
 * overwrites, so a redone part never leaves a second copy.
 */
export function cloudbaseExportParts(storage: () => CloudbaseStorage = realStorage): ExportParts {
  return {
    async open(key) {
      const local = join(tmpdir(), `${key}.xlsx`)
      const stream = createWriteStream(local)
      return {
        stream,
        async save() {
          try {
            const uploaded = await storage().uploadFile({ cloudPath: `exports/jobs/${key}.xlsx`, fileContent: createReadStream(local) })
            if (!uploaded.fileID) throw new Error('cloud storage upload returned no fileID')
            return uploaded.fileID
          } finally {
            await unlink(local).catch(() => undefined)
          }
        },
        async discard() {
          stream.destroy()
          await unlink(local).catch(() => undefined)
        },
      }
    },
    async link(ref, _fileName, now) {
      const link = await storage().getTempFileURL({ fileList: [{ fileID: ref, maxAge: LINK_SECONDS }] })
      const url = link.fileList?.[0]?.tempFileURL
      if (!url) throw new Error(`no temporary link: ${link.fileList?.[0]?.code ?? 'unknown'}`)
      return { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() }
    },
  }
}

let app: CloudbaseStorage | null = null
function realStorage(): CloudbaseStorage {
  app ??= init({ env: SYMBOL_CURRENT_ENV })
  return app
}
