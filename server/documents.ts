/**
 * Document attachments (PDF, Word, Excel) in the local runtime, the stand-in for cloud storage:
 * the H5 app posts the chosen file's raw bytes to `POST /api/uploads/document` (staff token),
 * which checks what the bytes are (`detectDocumentType`), keeps the file in `DATA_DIR/documents/`
 * under an unguessable name carrying the detected type, and answers its reference
 * (`local:<name>`); `report.send` / `duty.report` then check it again through the files port.
 * Readers get signed links that expire (minted only by actions that have checked the caller may
 * read the report), served with the original name and the type's content type.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import {
  attachmentName,
  detectDocumentType,
  DOCUMENT_EXTENSIONS,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MIME,
  documentProblem,
  documentTypeOfExtension,
  type DocumentType,
} from '../cloudfunctions/_shared/domain/attachments'
import type { DocumentFiles } from '../cloudfunctions/_shared/files/document-files'
import { bearer, verifyToken } from './auth'
import { saveUpload, storedUpload } from './photos'

/** How long a document link works. */
export const DOCUMENT_LINK_TTL_MS = 10 * 60 * 1000
const NAME = /^[A-Za-z0-9_-]{22}\.(pdf|docx|xlsx|doc|xls)$/
const REF = /^local:([A-Za-z0-9_-]{22}\.(pdf|docx|xlsx|doc|xls))$/

/** The folder documents go to: `DATA_DIR/documents` (`./data` by default). */
export function documentsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? 'data'), 'documents')
}

/** Per process, as photo links: a restart invalidates old links, as an expiry would. */
const LINK_KEY = randomBytes(32)

function signature(file: string, exp: number, name: string): Buffer {
  return createHmac('sha256', LINK_KEY).update(`${file}:${exp}:${name}`).digest()
}

/** Stores an accepted document and returns its reference. */
export function saveDocument(bytes: Buffer, type: DocumentType, dir: () => string = () => documentsDir()): Promise<string> {
  return saveUpload(bytes, DOCUMENT_EXTENSIONS[type], dir())
}

/** The files port over the local folder. */
export function localDocumentFiles(dir: () => string = () => documentsDir()): DocumentFiles {
  return {
    async inspect(ref) {
      const found = await storedUpload(REF, ref, dir())
      if (!found) return null
      const { path, info } = found
      // Too big is refused on its size alone; the bytes are read only for what may be accepted.
      if (info.size > DOCUMENT_MAX_BYTES) return { size: info.size, bytes: new Uint8Array(0) }
      return { size: info.size, bytes: await readFile(path) }
    },
    async link(ref, name, now) {
      const m = REF.exec(ref)
      if (!m) throw new Error(`not a local document: ${ref}`)
      const exp = now.getTime() + DOCUMENT_LINK_TTL_MS
      const sig = signature(m[1], exp, name).toString('base64url')
      return { url: `/api/downloads/doc/${m[1]}?exp=${exp}&name=${encodeURIComponent(name)}&sig=${sig}`, expiresAt: new Date(exp).toISOString() }
    },
  }
}

function fail(message: string) {
  return { ok: false as const, error: { code: 'VALIDATION', message, fields: [{ path: 'file', message }] } }
}

/** `attachment; filename*=UTF-8''…` (RFC 6266 / 5987) with an ASCII fallback for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * The upload and download routes. Only staff whose role may send a 简报 or report 督查 progress
 * upload (`staffMayUpload`; a resident is 403); a file is accepted only when its bytes are a PDF,
 * Word or Excel file and it is within 10 MB — each refusal a 400 naming the field `file`, nothing
 * kept. Downloading needs a link signed moments ago for that file and name.
 */
export function registerDocumentRoutes(
  app: FastifyInstance,
  options: { secret: Buffer; now: () => Date; dir?: () => string; staffMayUpload: (staffId: string, tokenVersion: number) => Promise<boolean> },
): void {
  const dir = options.dir ?? (() => documentsDir())
  const tooBig = `文件不能超过 ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (_req, body, done) => done(null, body))
    scope.setErrorHandler((err: { code?: string }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(400).send(fail(tooBig))
      return reply.status(400).send(fail('文件没有上传成功，请重新选择'))
    })
    scope.post<{ Querystring: { name?: string } }>('/api/uploads/document', async (req, reply) => {
      const token = bearer(req.headers.authorization)
      const identity = token ? verifyToken(options.secret, token, options.now().getTime()) : null
      if (!identity) return reply.status(401).send({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
      if (!('staffId' in identity) || !(await options.staffMayUpload(identity.staffId, identity.tokenVersion ?? 0))) {
        return reply.status(403).send({ ok: false, error: { code: 'FORBIDDEN', message: '你的角色不能上传文件' } })
      }
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const problem = documentProblem(bytes.length, bytes)
      const type = detectDocumentType(bytes)
      if (problem || !type) return reply.status(400).send(fail(problem ?? '文件格式不对'))
      const ref = await saveDocument(bytes, type, dir)
      return { ok: true, data: { ref, name: attachmentName(String(req.query.name ?? ''), type), size: bytes.length, mime: DOCUMENT_MIME[type] } }
    })
  })

  app.get<{ Params: { file: string }; Querystring: { exp?: string; sig?: string; name?: string } }>('/api/downloads/doc/:file', async (req, reply) => {
    const gone = () => reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '附件链接已失效，请刷新页面' } })
    const { file } = req.params
    const exp = Number(req.query.exp)
    const name = String(req.query.name ?? '')
    if (!NAME.test(file) || !name || !Number.isSafeInteger(exp) || exp < options.now().getTime()) return gone()
    const given = Buffer.from(String(req.query.sig ?? ''), 'base64url')
    const expected = signature(file, exp, name)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return gone()
    const path = join(dir(), file)
    const info = await stat(path).catch(() => null)
    const type = documentTypeOfExtension(file.slice(file.lastIndexOf('.') + 1))
    if (!info || !info.isFile() || !type) return gone()
    reply
      .header('Content-Type', DOCUMENT_MIME[type])
      .header('Content-Length', String(info.size))
      .header('Content-Disposition', contentDisposition(name))
      .header('Cache-Control', 'private, max-age=600')
      .header('X-Content-Type-Options', 'nosniff')
    return reply.send(createReadStream(path))
  })
}
