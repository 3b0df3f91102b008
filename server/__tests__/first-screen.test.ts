/**
 * `/` answers with the home page's first screen in the HTML (server/first-screen.ts): the real
 * first page of `policy.list` for a new anonymous visitor as escaped static markup, with that
 * answer inline for the app to adopt; rendered per request, never cached. An event's QR code
 * (`/?s=<scene>#/pkg-event/pages/event/index?scene=<scene>`) gets the event drawn instead
 * (server/event-first-screen.ts): `event.resolve` for a new anonymous visitor, the same way; a
 * shared event link (`/?e=<id>#…?id=<id>`) the event from `event.get`, and a shared policy link
 * (`/?p=<id>#…`) the policy from `policy.get` (server/policy-first-screen.ts).
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
import { signScene } from '../../cloudfunctions/_shared/codes/scene'
import { type PromotionEvent, REFUSALS } from '../../cloudfunctions/_shared/domain/event'
import { minuteText } from '../../cloudfunctions/_shared/domain/time'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'
import entries from '../../src/entry-pages'
import type { ResolveOutput } from '../../cloudfunctions/_shared/contracts/event'
import { eventMarkup } from '../event-first-screen'
import { HOME_FIRST_CALL, earlyRequestsScript } from '../../config/h5-home-preload'
import { buildApp } from '../app'
import { seedDemo } from '../seed'
import { encodeFor, escapeHtml, inlineJson } from '../first-screen'

const NOW = new Date('2026-11-22T02:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'cy-first-'))
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('k'.repeat(32)))
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

/**
 * Runs the HTML's inline answer and index.html's early script as a first visit to `hash` would
 * (no token kept); returns what the early script handed over and the URLs it fetched.
 */
async function runEarly<R>(html: string, hash: string): Promise<{ reply: R & { token: string }; fetched: string[] }> {
  const win: Record<string, unknown> = {}
  runInNewContext(scripts(html).find((s) => s.startsWith('window.__cyFirst=')) as string, { window: win })
  const fetched: string[] = []
  const fetch = async (url: string) => {
    fetched.push(url)
    return { status: 200, json: async () => ({ token: 'tok-new', deviceId: 'dev' }) }
  }
  const w = Object.assign(win, { fetch, localStorage: { getItem: () => null }, location: { hash } })
  const early = earlyRequestsScript(pageRoute('index'), '', HOME_FIRST_CALL, entries.calls).replace(/^<script>|<\/script>$/g, '')
  runInNewContext(early, { window: w, fetch, Promise })
  const made = w.__cyEarly as { reply: Promise<R & { token: string }> }
  return { reply: await made.reply, fetched }
}

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), BUILT)
  await seedDemo(store, NOW, { passwords: false })
  const model = (await store.collection('policies').find({ limit: 1 })).items[0]
  const evil: Policy = { ...model, _id: 'pol_evil', title: EVIL_TITLE, summary: EVIL_SUMMARY, status: 'published', validFrom: '2026-01-01', validTo: null, publishedAt: '2026-11-22T01:00:00.000Z', version: 1 }
  await store.collection('policies').insert(evil)
  app = buildApp({ store, secret: Buffer.from('s'.repeat(32)), keyring, now: () => NOW, staticDir: dir })
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
    const { reply, fetched } = await runEarly<{ body: { data: { items: unknown[] } } }>(html, '')
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

describe("an event's QR code: the event drawn into the HTML", () => {
  const EVIL_EVENT = '<script>alert(1)</script>“返乡”沙龙 & </script><!--'
  let event: PromotionEvent
  const get = async (url: string) => (await app.inject({ method: 'GET', url })).payload

  beforeAll(async () => {
    const open = (await store.collection('events').find({ limit: 50 })).items.find((e) => e.status === 'published' && e.signupFrom <= NOW.toISOString() && e.signupUntil > NOW.toISOString())
    if (!open) throw new Error('no demo event open for sign-up')
    await store.collection('events').update(open._id, { set: { title: EVIL_EVENT } })
    event = (await store.collection('events').get(open._id)) as PromotionEvent
  })

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
    expect(win.__cyFirst?.reply.data.event).toMatchObject({ _id: event._id, title: EVIL_EVENT })
  })

  it("hands that answer to the app with the new token: index.html's early script asks for the token only", async () => {
    const scene = signScene(keyring, { kind: 'poster', code: event.code })
    const html = await get(`/?s=${encodeURIComponent(scene)}`)
    const { reply, fetched } = await runEarly<{ body: { data: { event: { _id: string } } } }>(html, `#/${pageRoute('event')}?scene=${encodeURIComponent(scene)}`)
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

  it("draws the phase as the app's chip does, and a closed sign-up's reason where the form would be", async () => {
    const html = await get(`/?s=${encodeURIComponent(signScene(keyring, { kind: 'poster', code: event.code }))}`)
    expect(html).toContain('cye-chip cye-chip--primary')
    const win: { __cyFirst?: { reply: { data: ResolveOutput } } } = {}
    runInNewContext(scripts(html).find((s) => s.startsWith('window.__cyFirst=')) as string, { window: win })
    const open = win.__cyFirst?.reply.data as ResolveOutput
    const cancelled = eventMarkup({ ...open, event: { ...open.event, phase: 'cancelled' }, signup: { ok: false, reason: 'cancelled', message: '活动已取消 <b>' } })
    expect(cancelled).toContain('cye-chip cye-chip--danger')
    expect(cancelled).toContain('活动已取消 &lt;b&gt;')
    expect(cancelled).not.toContain('报名表正在加载')
    expect(eventMarkup({ ...open, event: { ...open.event, phase: 'ongoing' } })).toContain('cye-chip cye-chip--success')
    // A check-in code out of its time says so, as the app's notice does; "sign up first" is the form itself.
    const early = eventMarkup({ ...open, scene: { kind: 'checkin' }, checkin: { ok: false, reason: 'checkin_not_open', message: '现在不在签到时间内' } })
    expect(early).toContain('<div class="cye-warn">现在不在签到时间内</div>')
    expect(early).toContain('现场报名')
    expect(eventMarkup({ ...open, scene: { kind: 'checkin' }, checkin: { ok: false, reason: 'not_signed_up', message: '请先报名' } })).not.toContain('cye-warn')
  })

  it('changes nothing in the store: drawing it is a read', async () => {
    const before = await store.collection('events').get(event._id)
    const signups = (await store.collection('eventSignups').find({ limit: 1000 })).items.length
    await get(`/?s=${encodeURIComponent(signScene(keyring, { kind: 'poster', code: event.code }))}`)
    expect(await store.collection('events').get(event._id)).toEqual(before)
    expect((await store.collection('eventSignups').find({ limit: 1000 })).items.length).toBe(signups)
  })
})

describe('a shared event link: the event drawn into the HTML', () => {
  const get = async (url: string) => (await app.inject({ method: 'GET', url })).payload
  const events = async () => (await store.collection('events').find({ limit: 50 })).items

  it("draws the event the share bar's link opens, with event.get's answer inline for the app", async () => {
    const open = (await events()).find((e) => e.status === 'published' && e.signupFrom <= NOW.toISOString() && e.signupUntil > NOW.toISOString()) as PromotionEvent
    const html = await get(`/?e=${open._id}`)
    expect(html).toContain('data-first-event')
    expect(html).toContain(`<span class="cye-title">${escapeHtml(open.title)}</span>`)
    // Open for sign-up, as the app's page judges it from the phase: the form is coming.
    expect(html).toContain('<span class="cye-h">报名参加</span>')
    expect(html).toContain('报名表正在加载…')
    expect(html).not.toContain('data-first-card')
    const { reply, fetched } = await runEarly<{ body: { data: { _id: string; prefill: unknown } } }>(html, `#/${pageRoute('event')}?id=${open._id}&ref=sX`)
    expect(reply.body.data).toMatchObject({ _id: open._id, prefill: null })
    expect(fetched).toEqual(['/api/auth/resident'])
  })

  it('says why one cannot sign up where the form would be (ended, not open yet), as the app does', async () => {
    const model = (await events()).find((e) => e.status === 'published') as PromotionEvent
    const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString()
    const ended: PromotionEvent = { ...model, _id: 'evt_share_ended', code: 'shareEnded', signupFrom: at(-9), signupUntil: at(-3), startAt: at(-2), endAt: at(-2 + 0.1) }
    const upcoming: PromotionEvent = { ...model, _id: 'evt_share_soon', code: 'shareSoon', signupFrom: at(2), signupUntil: at(5), startAt: at(6), endAt: at(6.1) }
    await store.collection('events').insert(ended)
    await store.collection('events').insert(upcoming)
    const endedHtml = await get(`/?e=${ended._id}`)
    expect(endedHtml).toContain('data-first-event')
    expect(endedHtml).toContain(`<span class="cye-note">${REFUSALS.ended}</span>`)
    expect(endedHtml).not.toContain('报名表正在加载')
    expect(await get(`/?e=${upcoming._id}`)).toContain(`${escapeHtml(minuteText(upcoming.signupFrom))} 开始报名`)
  })

  it('an id that is no event gets the page as built, and changes nothing', async () => {
    const before = (await events()).map((e) => [e._id, e.updatedAt])
    for (const id of ['evt_nope', '../x', 'x'.repeat(100), 'x'.repeat(200)]) {
      const res = await app.inject({ method: 'GET', url: `/?e=${encodeURIComponent(id)}` })
      expect([id, res.statusCode, res.payload.includes('data-first-event')]).toEqual([id, 200, false])
    }
    expect((await events()).map((e) => [e._id, e.updatedAt])).toEqual(before)
  })
})

describe('the names the runtime drew a page from leave the address with it', () => {
  /** Runs the swap script of `url`'s page on a browser at `href`; what `history.replaceState` was given. */
  async function swapAt(url: string, href: string): Promise<string[]> {
    const html = (await app.inject({ method: 'GET', url })).payload
    const swap = scripts(html).find((s) => s.includes('MutationObserver')) as string
    const replaced: string[] = []
    const at = new URL(href)
    const window = {
      location: { href, hash: at.hash },
      history: { state: { key: 'k' }, replaceState: (state: unknown, _t: string, next: string) => replaced.push(`${JSON.stringify(state)} ${next}`) },
      addEventListener: () => undefined,
    }
    const document = { getElementById: () => ({ parentNode: { removeChild: () => undefined } }), documentElement: { classList: { contains: () => false } }, body: {}, querySelector: () => null }
    runInNewContext(swap, { window, document, URL, MutationObserver: class { observe() {} disconnect() {} } })
    return replaced
  }

  it('a reload on another page drops ?e=, ?s=, ?p= and keeps everything else, and Taro\'s history state', async () => {
    const policy = '/?p=pol_evil'
    expect(await swapAt(policy, `http://h${policy}&keep=1#/${pageRoute('mine')}`)).toEqual([`{"key":"k"} /?keep=1#/${pageRoute('mine')}`])
    const home = '/'
    expect(await swapAt(home, `http://h/?s=x&e=y#/${pageRoute('events')}`)).toEqual([`{"key":"k"} /#/${pageRoute('events')}`])
    // Nothing to take out: the address is left alone.
    expect(await swapAt(home, `http://h/?keep=1#/${pageRoute('events')}`)).toEqual([])
  })
})

describe('a shared policy link: the policy drawn into the HTML', () => {
  const get = async (url: string) => (await app.inject({ method: 'GET', url })).payload

  it('draws a published policy in force, every text escaped, with policy.get\'s answer inline for the app', async () => {
    const html = await get('/?p=pol_evil')
    expect(html).toContain('data-first-policy')
    expect(html).toContain(`<span class="cyp-sum">${escapeHtml(EVIL_SUMMARY)}</span>`)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('所需材料和办理方式正在加载…')
    expect(html).not.toContain('data-first-card')
    const { reply, fetched } = await runEarly<{ body: { data: { _id: string; title: string } } }>(html, `#/${pageRoute('policyDetail')}?id=pol_evil&ref=sX`)
    expect(reply.body.data).toMatchObject({ _id: 'pol_evil', summary: EVIL_SUMMARY })
    expect(fetched).toEqual(['/api/auth/resident'])
  })

  it('draws nothing for a policy a resident would not see as it is (archived, expired, unknown): the app says what it is', async () => {
    const model = (await store.collection('policies').get('pol_evil')) as Policy
    await store.collection('policies').insert({ ...model, _id: 'pol_archived', status: 'archived' })
    await store.collection('policies').insert({ ...model, _id: 'pol_expired', validFrom: '2020-01-01', validTo: '2020-12-31' })
    for (const id of ['pol_archived', 'pol_expired', 'pol_nope', 'x'.repeat(100)]) {
      const res = await app.inject({ method: 'GET', url: `/?p=${id}` })
      expect([id, res.statusCode, res.payload.includes('cy-first')]).toEqual([id, 200, false])
    }
  })
})
