/**
 * Feedback photos in the local runtime, the stand-in for cloud storage: the H5 app uploads a
 * photo to `POST /api/uploads/feedback-photo` (raw bytes, resident token), which keeps it in
 * `DATA_DIR/feedback-photos/` under an unguessable name and answers with its reference
 * (`local:<name>`); `feedback.submit` then checks it through the files port like a cloud fileID.
 * Photos are shown through signed links that expire, as cloud storage temporary links do.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, mkdirSync, type Stats } from 'node:fs'
import { open, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { detectPhotoType, PHOTO_EXTENSIONS, PHOTO_MAX_BYTES, PHOTO_MIME, photoProblem, type PhotoType } from '../cloudfunctions/_shared/domain/feedback'
import type { PhotoFiles } from '../cloudfunctions/_shared/files/photo-files'
import { bearer, verifyToken } from './auth'

/** How long a photo link works. */
export const PHOTO_LINK_TTL_MS = 10 * 60 * 1000
const NAME = /^[A-Za-z0-9_-]{22}\.(jpg|png|webp)$/
const REF = /^local:([A-Za-z0-9_-]{22}\.(jpg|png|webp))$/

/** The folder photos go to: `DATA_DIR/feedback-photos` (`./data` by default). */
export function photosDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? 'data'), 'feedback-photos')
}

/**
 * Signs photo links. Per process on purpose: links are short-lived, and a restart simply
 * invalidates the old ones, as an expiry would.
 */
const LINK_KEY = randomBytes(32)

function signature(name: string, exp: number): Buffer {
  return createHmac('sha256', LINK_KEY).update(`${name}:${exp}`).digest()
}

/** Stores an accepted photo and returns its reference. */
export function savePhoto(bytes: Buffer, type: PhotoType, dir: () => string = () => photosDir()): Promise<string> {
  return saveUpload(bytes, PHOTO_EXTENSIONS[type], dir())
}

/**
 * Keeps an accepted upload in `folder` under an unguessable name with its type's extension,
 * readable by the runtime only, never overwriting; answers its reference `local:<name>`.
 */
export async function saveUpload(bytes: Buffer, extension: string, folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true })
  const name = `${randomBytes(16).toString('base64url')}.${extension}`
  await writeFile(join(folder, name), bytes, { mode: 0o600, flag: 'wx' })
  return `local:${name}`
}

/** The file a local reference (`local:<name>`, of the pattern `ref` for its kind) names in `folder`, if it is there. */
export async function storedUpload(pattern: RegExp, ref: string, folder: string): Promise<{ path: string; info: Stats } | null> {
  const m = pattern.exec(ref)
  if (!m) return null
  const path = join(folder, m[1])
  const info = await stat(path).catch(() => null)
  return info?.isFile() ? { path, info } : null
}

/** The files port over the local folder. */
export function localPhotoFiles(dir: () => string = () => photosDir()): PhotoFiles {
  return {
    async inspect(ref) {
      const found = await storedUpload(REF, ref, dir())
      if (!found) return null
      const { path, info } = found
      const handle = await open(path, 'r')
      try {
        const head = Buffer.alloc(16)
        const { bytesRead } = await handle.read(head, 0, 16, 0)
        return { size: info.size, head: head.subarray(0, bytesRead) }
      } finally {
        await handle.close()
      }
    },
    async link(ref, now) {
      const m = REF.exec(ref)
      if (!m) throw new Error(`not a local photo: ${ref}`)
      const exp = now.getTime() + PHOTO_LINK_TTL_MS
      const sig = signature(m[1], exp).toString('base64url')
      return { url: `/api/uploads/feedback-photo/${m[1]}?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp).toISOString() }
    },
  }
}

function fail(path: string, message: string) {
  return { ok: false as const, error: { code: 'VALIDATION', message, fields: [{ path, message }] } }
}

/**
 * The upload and view routes. A signed-in resident may upload (feedback photos), and a staff
 * member only when `staffMayUpload` says so (the 授牌 certificate, 简报 photos, 督查 attachments:
 * the runtime checks the account is active, its token current and its role holds
 * `evaluation.manage`, `report.send` or `duty.report`); a file is accepted only when its first bytes say JPEG, PNG or WebP and it
 * is within the size limit (each refusal is a 400 naming the field `photo`). Viewing needs a link
 * signed moments ago (`feedback.get`).
 */
export function registerPhotoRoutes(
  app: FastifyInstance,
  options: { secret: Buffer; now: () => Date; dir?: () => string; staffMayUpload?: (staffId: string, tokenVersion: number) => Promise<boolean> },
): void {
  const dir = options.dir ?? (() => photosDir())
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body))
    scope.setErrorHandler((err: { code?: string; statusCode?: number }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply.status(400).send(fail('photo', `照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`))
      }
      return reply.status(400).send(fail('photo', '照片没有上传成功，请重新选择'))
    })
    scope.post('/api/uploads/feedback-photo', async (req, reply) => {
      const token = bearer(req.headers.authorization)
      const identity = token ? verifyToken(options.secret, token, options.now().getTime()) : null
      if (!identity) return reply.status(401).send({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
      if ('staffId' in identity && !(await options.staffMayUpload?.(identity.staffId, identity.tokenVersion ?? 0))) {
        return reply.status(403).send({ ok: false, error: { code: 'FORBIDDEN', message: '你的角色不能上传文件' } })
      }
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const problem = photoProblem(bytes.length, bytes.subarray(0, 16))
      const type = detectPhotoType(bytes.subarray(0, 16))
      if (problem || !type) return reply.status(400).send(fail('photo', problem ?? '照片格式不对'))
      return { ok: true, data: { ref: await savePhoto(bytes, type, dir) } }
    })
  })

  app.get<{ Params: { file: string }; Querystring: { exp?: string; sig?: string } }>(
    '/api/uploads/feedback-photo/:file',
    async (req, reply) => {
      const gone = () => reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '照片链接已失效，请刷新页面' } })
      const { file } = req.params
      const exp = Number(req.query.exp)
      if (!NAME.test(file) || !Number.isSafeInteger(exp) || exp < options.now().getTime()) return gone()
      const given = Buffer.from(String(req.query.sig ?? ''), 'base64url')
      const expected = signature(file, exp)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return gone()
      const path = join(dir(), file)
      const info = await stat(path).catch(() => null)
      if (!info || !info.isFile()) return gone()
      const ext = file.slice(file.lastIndexOf('.') + 1)
      const type = (Object.keys(PHOTO_EXTENSIONS) as PhotoType[]).find((t) => PHOTO_EXTENSIONS[t] === ext) ?? 'jpeg'
      reply
        .header('Content-Type', PHOTO_MIME[type])
        .header('Content-Length', String(info.size))
        .header('Cache-Control', 'private, max-age=600')
        .header('X-Content-Type-Options', 'nosniff')
      return reply.send(createReadStream(path))
    },
  )
}
