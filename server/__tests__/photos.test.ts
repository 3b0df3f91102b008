import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { PHOTO_MAX_BYTES } from '../../cloudfunctions/_shared/domain/feedback'
import { signToken } from '../auth'
import { localPhotoFiles, PHOTO_LINK_TTL_MS, registerPhotoRoutes } from '../photos'
import { fakePng } from '../../cloudfunctions/_shared/testing/images'

const SECRET = Buffer.from('photo-test-secret-photo-test-secret')
const PNG = fakePng(64, 7)
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 3)])

function setup(now = () => new Date()) {
  const dir = mkdtempSync(join(tmpdir(), 'photos-'))
  const app = Fastify()
  // Only 'city-officer' at token version 0 may upload (the runtime asks the store; see server/app.ts).
  registerPhotoRoutes(app, { secret: SECRET, now, dir: () => dir, staffMayUpload: async (id, v) => id === 'city-officer' && v === 0 })
  const exp = Math.floor(Date.now() / 1000) + 3600
  const residentToken = signToken(SECRET, { k: 'r', sub: 'h5_r1', exp, d: 'dev_r1' })
  const staffToken = signToken(SECRET, { k: 's', sub: 'staff-1', exp, v: 0 })
  const upload = (body: Buffer, token: string | null = residentToken) =>
    app.inject({
      method: 'POST',
      url: '/api/uploads/feedback-photo',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body,
    })
  const cityToken = signToken(SECRET, { k: 's', sub: 'city-officer', exp, v: 0 })
  const staleCityToken = signToken(SECRET, { k: 's', sub: 'city-officer', exp, v: 1 })
  return { app, dir, upload, staffToken, cityToken, staleCityToken }
}

describe('local feedback photo uploads', () => {
  it('keeps a PNG or WebP under an unguessable name and shows it only through a fresh signed link', async () => {
    let clock = new Date('2026-11-22T02:00:00.000Z')
    const { app, dir, upload } = setup(() => clock)
    for (const [bytes, ext] of [[PNG, 'png'], [WEBP, 'webp']] as const) {
      const res = await upload(bytes)
      expect(res.statusCode).toBe(200)
      const ref = (res.json() as { data: { ref: string } }).data.ref
      expect(ref).toMatch(new RegExp(`^local:[A-Za-z0-9_-]{22}\\.${ext}$`))
      const files = localPhotoFiles(() => dir)
      expect(await files.inspect(ref)).toMatchObject({ size: bytes.length })
      const { url } = await files.link(ref, clock)
      const shown = await app.inject({ method: 'GET', url })
      expect(shown.statusCode).toBe(200)
      expect(shown.rawPayload.equals(bytes)).toBe(true)
      expect(shown.headers['content-type']).toBe(ext === 'png' ? 'image/png' : 'image/webp')
      // A tampered signature or an expired link shows nothing.
      expect((await app.inject({ method: 'GET', url: url.replace(/sig=.*/, `sig=${'A'.repeat(43)}`) })).statusCode).toBe(404)
      clock = new Date(clock.getTime() + PHOTO_LINK_TTL_MS + 1000)
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404)
      clock = new Date('2026-11-22T02:00:00.000Z')
    }
  })

  it('refuses a non-image, an oversized file, staff and strangers, naming the field', async () => {
    const { dir, upload, staffToken } = setup()
    const text = await upload(Buffer.from('<html>not a photo</html>'))
    expect(text.statusCode).toBe(400)
    expect(text.json()).toMatchObject({ ok: false, error: { fields: [{ path: 'photo', message: expect.stringContaining('JPG、PNG 或 WebP') }] } })
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]))
    expect(big.statusCode).toBe(400)
    expect(big.json()).toMatchObject({ error: { fields: [{ path: 'photo', message: '照片不能超过 2 MB' }] } })
    expect((await upload(PNG, null)).statusCode).toBe(401)
    expect((await upload(PNG, staffToken)).statusCode).toBe(403)
    expect(readdirSync(dir)).toEqual([])
  })

  it('takes the 授牌 certificate from a staff member the runtime allows, with a current token only', async () => {
    const { dir, upload, cityToken, staleCityToken } = setup()
    expect((await upload(PNG, staleCityToken)).statusCode).toBe(403)
    const res = await upload(PNG, cityToken)
    expect(res.statusCode).toBe(200)
    const ref = (res.json() as { data: { ref: string } }).data.ref
    expect(await localPhotoFiles(() => dir).inspect(ref)).toMatchObject({ size: PNG.length })
    // The same checks as a resident's photo.
    expect((await upload(Buffer.from('%PDF-1.7 not an image'), cityToken)).statusCode).toBe(400)
  })
})
