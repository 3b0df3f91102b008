/**
 * An event's QR code (`/?s=<scene>#/pkg-event/pages/event/index?scene=<scene>`) is answered with the
 * event already drawn into the HTML (server/event-first-screen.ts): `event.resolve` for a new
 * anonymous visitor as escaped static markup, with that answer inline for the app to adopt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { signScene } from '../../cloudfunctions/_shared/codes/scene'
import type { PromotionEvent } from '../../cloudfunctions/_shared/domain/event'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'
import { earlyRequestsScript, HOME_FIRST_CALL } from '../../config/h5-home-preload'
import entries from '../../src/entry-pages'
import { buildApp } from '../app'
import { seedDemo } from '../seed'

const NOW = new Date('2026-11-22T02:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'cy-event-first-'))
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('k'.repeat(32)))
let app: FastifyInstance
let event: PromotionEvent

const BUILT =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>创业社区</title>' +
  '<script>/* rem */</script><script defer="defer" src="/js/app.1a2b3c.js"></script>' +
  '<link href="/css/app.5e6f7a.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

const EVIL_TITLE = '<script>alert(1)</script>“返乡”沙龙 & </script><!--'
const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
const get = async (url: string) => (await app.inject({ method: 'GET', url })).payload

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), BUILT)
  await seedDemo(store, NOW, { passwords: false })
  const open = (await store.collection('events').find({ limit: 50 })).items.find((e) => e.status === 'published' && e.signupFrom <= NOW.toISOString() && e.signupUntil > NOW.toISOString())
  if (!open) throw new Error('no demo event open for sign-up')
  await store.collection('events').update(open._id, { set: { title: EVIL_TITLE } })
  event = (await store.collection('events').get(open._id)) as PromotionEvent
  app = buildApp({ store, secret: Buffer.from('s'.repeat(32)), keyring, now: () => NOW, staticDir: dir })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("an event's QR code: the event drawn into the HTML", () => {
  it('draws the event a poster opens, every text escaped, with event.resolve\'s answer inline', async () => {
    const scene = signScene(keyring, { kind: 'poster', code: event.code })
    const html = await get(`/?s=${encodeURIComponent(scene)}`)
    expect(html).toContain('data-first-event')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;“返乡”沙龙 &amp; &lt;/script&gt;&lt;!--')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain(`地点：${event.place}`)
    expect(html).toContain('报名表正在加载…')
    // Not the home's static list.
    expect(html).not.toContain('cyf-card')
    const first = scripts(html).find((s) => s.startsWith('window.__cyFirst='))
    if (!first) throw new Error('no inline answer')
    const win: { __cyFirst?: { path: string; body: string; status: number; reply: { ok: boolean; data: { event: { _id: string; title: string } } } } } = {}
    runInNewContext(first, { window: win })
    expect(win.__cyFirst?.path).toBe('/api/fn/event')
    expect(JSON.parse(win.__cyFirst?.body ?? '')).toEqual({ action: 'resolve', data: { scene } })
    expect(win.__cyFirst?.reply.data.event).toMatchObject({ _id: event._id, title: EVIL_TITLE })
  })

  it("hands that answer to the app with the new token: index.html's early script asks for the token only", async () => {
    const scene = signScene(keyring, { kind: 'poster', code: event.code })
    const html = await get(`/?s=${encodeURIComponent(scene)}`)
    const win: Record<string, unknown> = {}
    runInNewContext(scripts(html).find((s) => s.startsWith('window.__cyFirst=')) as string, { window: win })
    const fetched: string[] = []
    const fetch = async (url: string) => {
      fetched.push(url)
      return { status: 200, json: async () => ({ token: 'tok-new', deviceId: 'dev' }) }
    }
    const w = Object.assign(win, { fetch, localStorage: { getItem: () => null }, location: { hash: `#/${pageRoute('event')}?scene=${encodeURIComponent(scene)}` } })
    const early = earlyRequestsScript(pageRoute('index'), '', HOME_FIRST_CALL, entries.calls).replace(/^<script>|<\/script>$/g, '')
    runInNewContext(early, { window: w, fetch, Promise })
    const made = w.__cyEarly as { path: string; body: string; reply: Promise<{ status: number; body: { data: { event: { _id: string } } }; token: string }> }
    const reply = await made.reply
    expect(reply.token).toBe('tok-new')
    expect(reply.body.data.event._id).toBe(event._id)
    expect(fetched).toEqual(['/api/auth/resident'])
  })

  it('hides it for another route or a returning visitor, and swaps it out when the app draws the event page', async () => {
    const html = await get(`/?s=${encodeURIComponent(signScene(keyring, { kind: 'poster', code: event.code }))}`)
    const head = scripts(html).find((s) => s.includes('cy-deep')) as string
    const classesFor = (hash: string, stored: string | null) => {
      const classes = new Set<string>()
      const document = { documentElement: { classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c) } } }
      runInNewContext(head, { window: { location: { hash }, localStorage: { getItem: () => stored } }, document })
      return [...classes].sort()
    }
    expect(classesFor(`#/${pageRoute('event')}?scene=x`, null)).toEqual(['cy-wait'])
    expect(classesFor(`#/${pageRoute('index')}`, null)).toEqual(['cy-deep', 'cy-wait'])
    expect(classesFor(`#/${pageRoute('event')}x`, null)).toEqual(['cy-deep', 'cy-wait'])
    expect(classesFor(`#/${pageRoute('event')}?scene=x`, 'tok')).toEqual(['cy-known', 'cy-wait'])
    expect(html).toContain('.cy-known .cye-card{display:none}')
    expect(html).toContain('#app [data-testid=\\"event-page\\"]')
  })

  it('a code that does not resolve (forged, tampered) gets the page as built, and the app says why', async () => {
    for (const s of ['p.forged', `${signScene(keyring, { kind: 'poster', code: event.code })}x`]) {
      const res = await app.inject({ method: 'GET', url: `/?s=${encodeURIComponent(s)}` })
      expect(res.statusCode).toBe(200)
      expect(res.payload).not.toContain('cy-first')
      expect(res.payload).toContain('<div id="app">')
    }
    // Longer than any scene: not even tried; the page is what \`/\` always is.
    const long = await app.inject({ method: 'GET', url: `/?s=${'x'.repeat(200)}` })
    expect(long.statusCode).toBe(200)
    expect(long.payload).not.toContain('data-first-event')
    expect(long.payload).toContain('data-first-card')
  })

  it('changes nothing in the store: drawing it is a read', async () => {
    const before = await store.collection('events').get(event._id)
    const signups = (await store.collection('eventSignups').find({ limit: 1000 })).items.length
    await get(`/?s=${encodeURIComponent(signScene(keyring, { kind: 'poster', code: event.code }))}`)
    expect(await store.collection('events').get(event._id)).toEqual(before)
    expect((await store.collection('eventSignups').find({ limit: 1000 })).items.length).toBe(signups)
  })
})
