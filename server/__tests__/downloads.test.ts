import { mkdtempSync, readdirSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { DOWNLOAD_TTL_MS, localExportFiles, registerDownloads } from '../downloads'

async function writeExport(dir: string, body: string) {
  const files = localExportFiles(() => dir)
  const target = await files.open('帮扶台帐-金沙社区-2026-11-22.xlsx', new Date())
  const done = new Promise((r) => target.stream.once('finish', r))
  target.stream.end(body)
  await done
  return target.publish()
}

describe('local export downloads', () => {
  it('serves a finished export under its Chinese name, and only by its unguessable name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-'))
    const app = Fastify()
    registerDownloads(app, () => dir)
    const { url } = await writeExport(dir, 'xlsx-bytes')
    expect(url).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]{22}\.xlsx\?name=/)
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('xlsx-bytes')
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('帮扶台帐-金沙社区-2026-11-22.xlsx'))
    expect((await app.inject({ method: 'GET', url: '/api/downloads/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/downloads/AAAAAAAAAAAAAAAAAAAAAA.xlsx' })).statusCode).toBe(404)
  })

  it('refuses and removes an expired export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-'))
    const app = Fastify()
    registerDownloads(app, () => dir)
    const { url } = await writeExport(dir, 'old')
    const name = readdirSync(dir)[0]
    const past = new Date(Date.now() - DOWNLOAD_TTL_MS - 60_000)
    utimesSync(join(dir, name), past, past)
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404)
    expect(readdirSync(dir)).toEqual([])
  })
})
