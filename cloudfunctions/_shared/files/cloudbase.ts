/**
 * Exports on CloudBase: the workbook is streamed to the function's /tmp, uploaded to cloud
 * storage under `exports/`, and handed back as its cloud file id. The mini-program downloads it
 * with `Taro.cloud.downloadFile({ fileID })`: no temporary HTTP link, so no download-domain
 * whitelist (a `Taro.downloadFile` of a link needs the link's domain whitelisted). The client
 * can download it only where the storage security rule lets it read (README "文件与小程序码").
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { ExportFiles, ExportParts } from './export-files'

/** The parts of the SDK used here (the app `init` returns); a test runs the real SDK under nock. */
export interface CloudbaseStorage {
  uploadFile(options: { cloudPath: string; fileContent: ReadStream | Buffer }): Promise<{ fileID?: string }>
}

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
            return { fileID: uploaded.fileID, expiresAt: null }
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
    // A part's reference is its cloud file id: handed over as is, no storage call per read.
    async link(ref) {
      return { fileID: ref, expiresAt: null }
    },
  }
}

let app: CloudbaseStorage | null = null
/** The function's own storage (the SDK app for the current environment), made on first use. */
export function realStorage(): CloudbaseStorage {
  app ??= init({ env: SYMBOL_CURRENT_ENV })
  return app
}
