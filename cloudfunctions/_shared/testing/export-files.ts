import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FileRef } from '../contracts/file'
import type { ExportFiles } from '../files/export-files'

/**
 * Exports for tests: each file is written to a temporary folder (made on first use) and handed over
 * as a local-runtime style link, which `read` turns back into the file's bytes.
 */
export function testExportFiles(): { files: () => ExportFiles; read: (file: FileRef) => Buffer } {
  let dir: string | null = null
  const folder = () => (dir ??= mkdtempSync(join(tmpdir(), 'cy-exports-')))
  const files: ExportFiles = {
    async open() {
      const name = `${randomBytes(16).toString('base64url')}.xlsx`
      const path = join(folder(), name)
      const stream = createWriteStream(path)
      return {
        stream,
        publish: async () => ({ url: `/api/downloads/${name}`, expiresAt: null }),
        async discard() {
          stream.destroy()
          await unlink(path).catch(() => undefined)
        },
      }
    },
  }
  const read = (file: FileRef) => {
    const name = /^\/api\/downloads\/([A-Za-z0-9_-]{22}\.xlsx)/.exec(file.url ?? '')?.[1]
    if (!name) throw new Error(`not a test export: ${JSON.stringify(file)}`)
    return readFileSync(join(folder(), name))
  }
  return { files: () => files, read }
}

/**
 * Exports for tests, handed over as CloudBase would: a cloud file id (`cloud://test.bucket/<path>`)
 * naming the file's path in a new temporary folder (`dir`); `cloudFilePath` turns it back.
 */
export function testCloudExportFiles(prefix: string): { files: ExportFiles; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  let n = 0
  const files: ExportFiles = {
    async open() {
      const path = join(dir, `file-${n++}.xlsx`)
      const stream = createWriteStream(path)
      return {
        stream,
        publish: async () => ({ fileID: `cloud://test.bucket${path}`, expiresAt: null }),
        async discard() {
          stream.destroy()
          await unlink(path).catch(() => undefined)
        },
      }
    },
  }
  return { files, dir }
}

/** The local path behind a test cloud file id (`testCloudExportFiles`). */
export function cloudFilePath(file: { fileID?: string }): string {
  if (!file.fileID?.startsWith('cloud://test.bucket/')) throw new Error(`expected a cloud file id, got ${JSON.stringify(file)}`)
  return file.fileID.slice('cloud://test.bucket'.length)
}
