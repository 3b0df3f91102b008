/**
 * The local runtime's static server: a hashed asset goes out brotli- or gzip-compressed (from the
 * files written beside it at start) when the browser accepts it, raw when it does not, with a
 * year-long immutable cache; index.html is revalidated.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { buildApp } from '../app'
import { precompressDir } from '../precompress'

const dir = mkdtempSync(join(tmpdir(), 'cy-static-'))
const js = `console.log(${JSON.stringify('创业社区 '.repeat(400))})\n`
let app: FastifyInstance
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })

beforeAll(async () => {
  mkdirSync(join(dir, 'js'))
  writeFileSync(join(dir, 'js', 'app.1a2b3c.js'), js)
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html><body>${'<p>x</p>'.repeat(300)}<script src="/js/app.1a2b3c.js"></script></body></html>`)
  app = buildApp({ store, secret: Buffer.from('s'.repeat(32)), keyring: makeKeyring(Buffer.from('k'.repeat(32))), now: () => new Date('2026-11-22T02:00:00Z'), staticDir: dir })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('pre-compressed static assets', () => {
  it('writes .br and .gz beside each text asset once', () => {
    expect(readFileSync(join(dir, 'js', 'app.1a2b3c.js.br')).length).toBeLessThan(js.length / 4)
    expect(precompressDir(dir)).toBe(0)
  })

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, raw otherwise', async () => {
    const br = await app.inject({ method: 'GET', url: '/js/app.1a2b3c.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const gz = await app.inject({ method: 'GET', url: '/js/app.1a2b3c.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js)
    const raw = await app.inject({ method: 'GET', url: '/js/app.1a2b3c.js', headers: { 'accept-encoding': 'identity' } })
    expect(raw.headers['content-encoding']).toBeUndefined()
    expect(raw.payload).toBe(js)
  })

  it('revalidates index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-cache')
  })
})
