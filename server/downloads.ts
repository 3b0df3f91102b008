/**
 * Exports in the local runtime: a workbook is streamed into `DATA_DIR/exports/` under an
 * unguessable name and served once from `GET /api/downloads/<name>` for 15 minutes — the local
 * stand-in for a CloudBase storage temporary link. Nothing is held in memory.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { readdir, rename, stat, unlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ExportFiles, ExportParts } from '../cloudfunctions/_shared/files/export-files'

/** How long a download link works. */
export const DOWNLOAD_TTL_MS = 15 * 60 * 1000
const NAME = /^[A-Za-z0-9_-]{22}\.xlsx$/

/** The folder exports go to: `DATA_DIR/exports` (the runtime's data dir, `./data` by default). */
export function exportsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? 'data'), 'exports')
}

/** Removes expired exports (best effort). */
async function sweep(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    const path = join(dir, name)
    const info = await stat(path).catch(() => null)
    if (info && now - info.mtimeMs > DOWNLOAD_TTL_MS) await unlink(path).catch(() => undefined)
  }
}

export function localExportFiles(dir: () => string = () => exportsDir()): ExportFiles {
  return {
    async open(fileName, now) {
      const folder = dir()
      mkdirSync(folder, { recursive: true })
      await sweep(folder, now.getTime())
      const name = `${randomBytes(16).toString('base64url')}.xlsx`
      const partial = join(folder, `${name}.part`)
      const stream = createWriteStream(partial, { mode: 0o600 })
      return {
        stream,
        async publish() {
          await rename(partial, join(folder, name))
          return {
            url: `/api/downloads/${name}?name=${encodeURIComponent(fileName)}`,
            expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_MS).toISOString(),
          }
        },
        async discard() {
          stream.destroy()
          await unlink(partial).catch(() => undefined)
        },
      }
    },
  }
}

/**
 * A long export's parts, in the same folder and served the same way: `<key>.xlsx`, written as
 * `.part` and renamed when whole, so a redone part replaces itself.
 */
export function localExportParts(dir: () => string = () => exportsDir()): ExportParts {
  return {
    async open(key, now) {
      if (!/^[A-Za-z0-9_-]{22}$/.test(key)) throw new Error('bad export part key')
      const folder = dir()
      mkdirSync(folder, { recursive: true })
      await sweep(folder, now.getTime())
      const name = `${key}.xlsx`
      const partial = join(folder, `${name}.part`)
      const stream = createWriteStream(partial, { mode: 0o600 })
      return {
        stream,
        async save() {
          await rename(partial, join(folder, name))
          return name
        },
        async discard() {
          stream.destroy()
          await unlink(partial).catch(() => undefined)
        },
      }
    },
    async link(ref, fileName) {
      // The download route times a file from when it was written, so its link does too.
      const info = await stat(join(dir(), ref)).catch(() => null)
      const expires = info ? info.mtimeMs + DOWNLOAD_TTL_MS : 0
      return { url: `/api/downloads/${ref}?name=${encodeURIComponent(fileName)}`, expiresAt: new Date(expires).toISOString() }
    },
  }
}

/**
 * `GET /api/downloads/:file?name=<download name>`: streams a finished export while its link is
 * fresh. The name is 128 random bits, so holding the link is the permission, as with a cloud
 * storage temporary link; the export itself was checked and audited when it was made.
 */
export function registerDownloads(app: FastifyInstance, dir: () => string = () => exportsDir()): void {
  app.get<{ Params: { file: string }; Querystring: { name?: string } }>('/api/downloads/:file', async (req, reply) => {
    const gone = () => reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '下载链接已失效，请重新导出' } })
    const file = req.params.file
    if (!NAME.test(file)) return gone()
    const path = join(dir(), file)
    const info = await stat(path).catch(() => null)
    if (!info || !info.isFile()) return gone()
    if (Date.now() - info.mtimeMs > DOWNLOAD_TTL_MS) {
      await unlink(path).catch(() => undefined)
      return gone()
    }
    const wanted = typeof req.query.name === 'string' && /^[^/\\\r\n"]{1,120}\.xlsx$/.test(req.query.name) ? req.query.name : 'export.xlsx'
    reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Length', String(info.size))
      .header('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(wanted)}`)
      .header('Cache-Control', 'no-store')
    return reply.send(createReadStream(path))
  })
}
