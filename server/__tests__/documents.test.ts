/**
 * The local runtime's document route: staff who send 简报 or report 督查 progress upload PDF /
 * Word / Excel; the bytes decide (an executable renamed `.pdf` is 400 on `file`, nothing kept);
 * over 10 MB is 400; residents 403, no token 401. Downloads only through a fresh signed link,
 * with the original name and the type's content type.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { DOCUMENT_MAX_BYTES } from '../../cloudfunctions/_shared/domain/attachments'
import { docxBytes, exeBytes, pdfBytes, plainZipBytes, xlsxBytes } from '../../cloudfunctions/_shared/testing/documents'
import { signToken } from '../auth'
import { DOCUMENT_LINK_TTL_MS, localDocumentFiles, registerDocumentRoutes } from '../documents'

const SECRET = Buffer.from('document-test-secret-document-test')

function setup(now = () => new Date()) {
  const dir = mkdtempSync(join(tmpdir(), 'documents-'))
  const app = Fastify()
  // Only 'reporter' at token version 0 may upload (the runtime asks the store; see server/app.ts).
  registerDocumentRoutes(app, { secret: SECRET, now, dir: () => dir, staffMayUpload: async (id, v) => id === 'reporter' && v === 0 })
  const exp = Math.floor(Date.now() / 1000) + 3600
  const reporter = signToken(SECRET, { k: 's', sub: 'reporter', exp, v: 0 })
  const otherStaff = signToken(SECRET, { k: 's', sub: 'volunteer', exp, v: 0 })
  const resident = signToken(SECRET, { k: 'r', sub: 'h5_r1', exp, d: 'dev_r1' })
  const upload = (body: Buffer, name: string, token: string | null = reporter) =>
    app.inject({
      method: 'POST',
      url: `/api/uploads/document?name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body,
    })
  return { app, dir, upload, otherStaff, resident }
}

type Uploaded = { data: { ref: string; name: string; size: number; mime: string } }

describe('local document uploads', () => {
  it('keeps a PDF, DOCX and XLSX under their detected type and serves each through a signed link with its name', async () => {
    let clock = new Date('2026-12-04T02:00:00.000Z')
    const { app, dir, upload } = setup(() => clock)
    const cases = [
      [pdfBytes(), '第三季度简报.pdf', 'pdf', 'application/pdf'],
      [await docxBytes(), '认定报告.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await xlsxBytes(), '进展表.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const
    for (const [bytes, name, ext, mime] of cases) {
      const res = await upload(bytes, name)
      expect(res.statusCode).toBe(200)
      const data = (res.json() as Uploaded).data
      expect(data).toEqual({ ref: expect.stringMatching(new RegExp(`^local:[A-Za-z0-9_-]{22}\\.${ext}$`)), name, size: bytes.length, mime })
      const files = localDocumentFiles(() => dir)
      const stored = await files.inspect(data.ref)
      expect(stored?.size).toBe(bytes.length)
      expect(Buffer.from(stored!.bytes).equals(bytes)).toBe(true)
      const { url } = await files.link(data.ref, name, clock)
      const got = await app.inject({ method: 'GET', url })
      expect(got.statusCode).toBe(200)
      expect(got.rawPayload.equals(bytes)).toBe(true)
      expect(got.headers['content-type']).toBe(mime)
      expect(got.headers['content-disposition']).toBe(`attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      expect(got.headers['x-content-type-options']).toBe('nosniff')
      // Another name, a tampered signature or an expired link serve nothing.
      expect((await app.inject({ method: 'GET', url: url.replace(/name=[^&]*/, `name=${encodeURIComponent('evil.html')}`) })).statusCode).toBe(404)
      expect((await app.inject({ method: 'GET', url: url.replace(/sig=.*/, `sig=${'A'.repeat(43)}`) })).statusCode).toBe(404)
      clock = new Date(clock.getTime() + DOCUMENT_LINK_TTL_MS + 1000)
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404)
      clock = new Date('2026-12-04T02:00:00.000Z')
    }
  })

  it('refuses an .exe renamed .pdf, a plain zip and an oversized file with 400 on `file`, keeping nothing', async () => {
    const { dir, upload } = setup()
    const exe = await upload(exeBytes(), '报告.pdf')
    expect(exe.statusCode).toBe(400)
    expect(exe.json()).toMatchObject({ ok: false, error: { fields: [{ path: 'file', message: expect.stringContaining('PDF、Word') }] } })
    expect((await upload(await plainZipBytes(), '表格.xlsx')).statusCode).toBe(400)
    const big = await upload(Buffer.concat([pdfBytes(), Buffer.alloc(DOCUMENT_MAX_BYTES)]), '大.pdf')
    expect(big.statusCode).toBe(400)
    expect(big.json()).toMatchObject({ error: { fields: [{ path: 'file', message: '文件不能超过 10 MB' }] } })
    expect(readdirSync(dir)).toEqual([])
  })

  it('takes uploads only from staff the runtime allows: residents and other roles 403, no token 401', async () => {
    const { dir, upload, otherStaff, resident } = setup()
    expect((await upload(pdfBytes(), 'a.pdf', null)).statusCode).toBe(401)
    expect((await upload(pdfBytes(), 'a.pdf', resident)).statusCode).toBe(403)
    expect((await upload(pdfBytes(), 'a.pdf', otherStaff)).statusCode).toBe(403)
    expect(readdirSync(dir)).toEqual([])
  })
})
