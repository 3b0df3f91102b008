/**
 * `/` answers with the home page's first screen in the HTML (server/first-screen.ts): the real
 * first page of `policy.list` for a new anonymous visitor as escaped static markup, with that
 * answer inline for the app to adopt; rendered per request, never cached.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { brotliDecompressSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import type { Policy } from '../../cloudfunctions/_shared/domain/policy'
import { HOME_FIRST_CALL, earlyRequestsScript } from '../../config/h5-home-preload'
import { buildApp } from '../app'
import { seedDemo } from '../seed'
import { encodeFor, escapeHtml, inlineJson } from '../first-screen'

const NOW = new Date('2026-11-22T02:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'cy-first-'))
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
let app: FastifyInstance

/** index.html as the build writes it (the parts the server rewrites). */
const BUILT =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>创业社区</title>' +
  '<script>/* rem */</script><script defer="defer" src="/js/app.1a2b3c.js"></script>' +
  '<link href="/css/app.5e6f7a.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

const EVIL_TITLE = '<script>alert(1)</script>“夜市”摊位补贴 & </script><!--'
const EVIL_SUMMARY = `一行\u2028两行 <img src=x onerror=alert(2)> "quoted" 'single'`

async function firstPage(): Promise<{ title: string; _id: string }[]> {
  const auth = await app.inject({ method: 'POST', url: '/api/auth/resident', payload: {} })
  const res = await app.inject({ method: 'POST', url: `/api/fn/${HOME_FIRST_CALL.fn}`, headers: { authorization: `Bearer ${auth.json<{ token: string }>().token}` }, payload: HOME_FIRST_CALL.body })
  return res.json<{ data: { items: { title: string; _id: string }[] } }>().data.items
}

/** The page's scripts, as the browser sees them. */
const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), BUILT)
  await seedDemo(store, NOW, { passwords: false })
  const model = (await store.collection('policies').find({ limit: 1 })).items[0]
  const evil: Policy = { ...model, _id: 'pol_evil', title: EVIL_TITLE, summary: EVIL_SUMMARY, status: 'published', validFrom: '2026-01-01', validTo: null, publishedAt: '2026-11-22T01:00:00.000Z', version: 1 }
  await store.collection('policies').insert(evil)
  app = buildApp({ store, secret: Buffer.from('s'.repeat(32)), keyring: makeKeyring(Buffer.from('k'.repeat(32))), now: () => NOW, staticDir: dir })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the home first screen in the HTML', () => {
  it('draws the first page of policy.list, in its order, with every text escaped', async () => {
    const res = await app.inject({ method: 'GET', url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const html = res.payload
    const expected = await firstPage()
    expect(expected[0]._id).toBe('pol_evil')
    expect(expected.length).toBe(10)
    const cards = [...html.matchAll(/<a class="cyf-card" data-first-card href="([^"]*)"><span>.*?<\/span><span class="cyf-t">(.*?)<\/span>/g)]
    expect(cards.map((m) => m[2])).toEqual(expected.map((p) => escapeHtml(p.title)))
    expect(cards[0][1]).toBe('#/pkg-policy/pages/policy-detail/index?id=pol_evil')
    // The title stays text: the only script tags are the page's own.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;“夜市”摊位补贴 &amp; &lt;/script&gt;&lt;!--')
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &#39;single&#39;')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    expect((html.match(/<script/g) ?? []).length).toBe(5) // rem, critical head, data, swap, the built defer
    // The tab bar as the app draws it: its three tabs with their icons, 政策 selected.
    const tabs = /<div class="cyf-tab">(.*?)<\/div><\/div>/.exec(html)?.[1] ?? ''
    expect([...tabs.matchAll(/<span( class="cyf-on")?><svg [^>]*>(.*?)<\/svg>([^<]*)<\/span>/g)].map((m) => [m[3], Boolean(m[1]), (m[2].match(/<(rect|line|circle|path) /g) ?? []).length])).toEqual([
      ['政策', true, 4],
      ['活动', false, 7],
      ['我的', false, 2],
    ])
  })

  it('puts the same answer inline, as JSON that cannot close its script, for the app to adopt', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).payload
    const data = scripts(html).find((s) => s.startsWith('window.__cyFirst='))
    expect(data).toBeDefined()
    expect(data).not.toMatch(/[<>\u2028\u2029]/)
    const win: { __cyFirst?: { path: string; body: string; status: number; reply: { ok: boolean; data: { items: { title: string; summary: string }[] } } } } = {}
    runInNewContext(data as string, { window: win })
    const first = win.__cyFirst
    expect(first?.path).toBe('/api/fn/policy')
    expect(first?.body).toBe(JSON.stringify(HOME_FIRST_CALL.body))
    expect(first?.status).toBe(200)
    expect(first?.reply.ok).toBe(true)
    expect(first?.reply.data.items[0].title).toBe(EVIL_TITLE)
    expect(first?.reply.data.items[0].summary).toBe(EVIL_SUMMARY)
    expect(first?.reply.data.items.map((p) => p.title)).toEqual((await firstPage()).map((p) => p.title))
  })

  it('the early script hands the inline answer to the app with the new token, without fetching it again', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).payload
    const win: Record<string, unknown> = {}
    runInNewContext(scripts(html).find((s) => s.startsWith('window.__cyFirst=')) as string, { window: win })
    const fetched: string[] = []
    const fetch = async (url: string) => {
      fetched.push(url)
      return { status: 200, json: async () => ({ token: 'tok-new', deviceId: 'dev' }) }
    }
    const storage = { getItem: () => null }
    const w = Object.assign(win, { fetch, localStorage: storage, location: { hash: '' } })
    const early = earlyRequestsScript('pages/index/index', '', HOME_FIRST_CALL).replace(/^<script>|<\/script>$/g, '')
    runInNewContext(early, { window: w, fetch, Promise })
    const home = w.__cyEarly as { path: string; body: string; reply: Promise<{ status: number; body: { data: { items: unknown[] } }; token: string }> }
    const reply = await home.reply
    expect(reply.token).toBe('tok-new')
    expect(reply.body.data.items.length).toBe(10)
    expect(fetched).toEqual(['/api/auth/resident'])
  })

  it('shows a policy change on the next load, and is never cached', async () => {
    const before = await app.inject({ method: 'GET', url: '/' })
    expect(before.headers['cache-control']).toBe('no-cache')
    await store.collection('policies').update('pol_evil', { set: { title: '夜市摊位补贴（已更新）' } })
    const after = (await app.inject({ method: 'GET', url: '/index.html' })).payload
    expect(after).toContain('<span class="cyf-t">夜市摊位补贴（已更新）</span>')
    expect(after).not.toContain('alert(1)')
  })

  it('unblocks the app stylesheet only behind cy-wait, and sends brotli when accepted', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers.vary).toBe('Accept-Encoding')
    const html = brotliDecompressSync(res.rawPayload).toString()
    expect(html).toContain(`<link href="/css/app.5e6f7a.css" rel="stylesheet" media="print" onload="this.media='all';__cyCssDone()" onerror="__cyCssDone()">`)
    expect(html).toContain('.cy-wait #app{visibility:hidden}')
    expect(html.indexOf('<div id="cy-first"')).toBeLessThan(html.indexOf('<div id="app">'))
    expect(encodeFor('gzip;q=1, br;q=0', 'x').encoding).toBe('gzip')
    expect(encodeFor(undefined, 'x').encoding).toBeNull()
  })

  it('falls back to the page as built when the list cannot be read', async () => {
    const broken = buildApp({
      store: { ...store, collection: () => { throw new Error('store down') } } as unknown as typeof store,
      secret: Buffer.from('s'.repeat(32)),
      keyring: makeKeyring(Buffer.from('k'.repeat(32))),
      now: () => NOW,
      staticDir: dir,
    })
    const res = await broken.inject({ method: 'GET', url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.payload).toBe(BUILT)
    await broken.close()
  })

  it('escapes inline JSON and HTML', () => {
    expect(inlineJson({ t: '</script><!--\u2028&' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
