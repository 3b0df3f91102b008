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
