import type { Browser, Page } from 'playwright-core'
import { baseUrl, launch, phone } from './browser'
import { h5Link, pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import { byTest, fn, residentToken, staffToken } from './api'

/**
 * A resident at an event scans its poster: the QR code opens the event page directly, usually on a
 * phone that has never opened the app. The runtime draws the event into the HTML (the scene is also
 * before the hash: server/event-first-screen.ts) with `event.resolve`'s answer inline, and index.html
 * starts the event page's files beside the entry's JS instead of after the entry has run
 * (config/h5-home-preload.ts, src/entry-pages.ts). A poster printed before (no scene before the
 * hash) still gets the preload, and index.html asks for the event itself. A shared event or policy
 * link is drawn the same way (`?e=`, `?p=`). On an emulated slow 3G:
 * the event shows at about 2.3 s, the sign-up form at 8.6 s instead of 13.7 s (bench/h5-slow3g.ts).
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function posterUrl(): Promise<string> {
  const resident = await residentToken()
  const events = await fn<{ items: { _id: string; phase: string }[] }>(resident, 'event', 'list', { view: 'resident', limit: 10 })
  const open = events.items.find((e) => e.phase === 'signup')
  if (!open) throw new Error('no demo event open for sign-up')
  const code = await fn<{ url: string }>(await staffToken('jinsha'), 'event', 'code', { id: open._id, purpose: 'poster', origin: baseUrl() })
  return code.url
}

/** The bodies of the `event` calls `page` makes from now on. */
function eventCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/fn/event') calls.push(r.postData() ?? '')
  })
  return calls
}

describe("H5: a poster's QR code on a first visit", () => {
  it("draws the event from the HTML, preloads the page's files with the entry, and asks for the event not even once", async () => {
    const url = await posterUrl()
    expect(url).toMatch(/\/\?s=p\.[^#]+#\/pkg-event\/pages\/event\/index\?scene=p\./)
    // The event is in the HTML itself, before any JS.
    const served = await (await fetch(url)).text()
    expect(served).toContain('data-first-event')
    const page = await phone(browser)
    const calls = eventCalls(page)
    await page.goto(url)
    await byTest(page, 'signup-form').waitFor({ timeout: 30000 })
    // The app's page replaced the static one.
    await page.waitForFunction(() => !document.querySelector('#cy-first'))

    // The event page's own JS and CSS were asked for by index.html's preload links, not after the
    // entry ran: every file of its chunk group has a preload link in the head.
    const preloaded = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel=preload]'), (l) => new URL((l as HTMLLinkElement).href).pathname))
    const html = await (await fetch(`${baseUrl()}/`)).text()
    const map = /R=(\{[^}]*\})/.exec(html)?.[1]
    const files = /F=(\[\[.*?\]\]),R=/.exec(html)?.[1]
    if (!map || !files) throw new Error('no preload map in index.html')
    const byRoute = JSON.parse(map) as Record<string, number[]>
    const names = JSON.parse(files) as [string, string][]
    const eventFiles = byRoute['pkg-event/pages/event/index'].map((i) => names[i][0])
    expect(eventFiles.length).toBeGreaterThan(0)
    expect(eventFiles.length).toBeLessThanOrEqual(8)
    expect(preloaded.sort()).toEqual([...eventFiles].sort())
    // …and those are the files the page ran on: each was fetched once (from the preload), never again.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
    for (const f of eventFiles) expect([f, fetched.filter((p) => p === f).length]).toEqual([f, 1])

    // No event call at all: the answer came with the HTML and the app took it.
    expect(calls).toEqual([])
    await page.context().close()
  })

  it('a poster printed before (no scene before the hash): index.html asks for the event once, beside the JS, and the app takes it', async () => {
    const url = (await posterUrl()).replace(/\/\?s=[^#]+#/, '/#')
    expect(url).toMatch(/\/#\/pkg-event\/pages\/event\/index\?scene=p\./)
    const page = await phone(browser)
    const calls = eventCalls(page)
    await page.goto(url)
    await byTest(page, 'signup-form').waitFor({ timeout: 30000 })
    const scene = decodeURIComponent(/scene=([^&]+)/.exec(url)?.[1] ?? '')
    // One call in all, index.html's (had the app not taken its answer, it would have asked again).
    expect(calls.map((c) => JSON.parse(c))).toEqual([{ action: 'resolve', data: { scene } }])
    await page.context().close()
  })

  it('a returning visitor (token kept) gets no early call: the app asks for the event itself, once', async () => {
    const url = await posterUrl()
    const home = await phone(browser)
    await home.goto(`${baseUrl()}/`)
    await home.waitForFunction(() => localStorage.getItem('cy.token.resident') || localStorage.getItem('cy.token'), undefined, { timeout: 30000 })
    // A new tab in the same browser: the kept token, a fresh load of the poster's URL.
    const page = await home.context().newPage()
    const calls: { body: string; auth: string }[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/fn/event') calls.push({ body: r.postData() ?? '', auth: r.headers().authorization ?? '' })
    })
    await page.goto(url)
    await byTest(page, 'signup-form').waitFor({ timeout: 30000 })
    expect(calls.map((c) => (JSON.parse(c.body) as { action: string }).action)).toEqual(['resolve'])
    expect(calls[0].auth).toMatch(/^Bearer \S+/)
    await home.context().close()
  })

  it('a shared policy link opens with the policy drawn from the HTML, and the app asks for it not even once', async () => {
    const resident = await residentToken()
    const list = await fn<{ items: { _id: string; title: string }[] }>(resident, 'policy', 'list', { view: 'resident', after: null, limit: 1 })
    const policy = list.items[0]
    const url = h5Link(baseUrl(), `${pageUrl('policyDetail', { id: policy._id })}&ref=sShared`)
    expect(url).toContain(`/?p=${policy._id}#/`)
    expect(await (await fetch(url)).text()).toContain('data-first-policy')
    const page = await phone(browser)
    const gets: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/fn/policy' && (JSON.parse(r.postData() ?? '{}') as { action?: string }).action === 'get') gets.push(r.postData() ?? '')
    })
    await page.goto(url)
    await byTest(page, 'policy-detail').waitFor({ timeout: 30000 })
    await page.waitForFunction(() => !document.querySelector('#cy-first'))
    expect(await page.locator('#app .policy-detail__title').first().textContent()).toBe(policy.title)
    expect(gets).toEqual([])
    // The name before the hash was for this load: it leaves the address with the static page, so the
    // pages opened next do not get it as a parameter.
    expect(await page.evaluate(() => [location.search, location.hash])).toEqual(['', url.slice(url.indexOf('#'))])
    await page.context().close()
  })

  it('a shared event link opens with the event drawn from the HTML, and the app asks for it not even once', async () => {
    const resident = await residentToken()
    const events = await fn<{ items: { _id: string; phase: string; title: string }[] }>(resident, 'event', 'list', { view: 'resident', limit: 10 })
    const open = events.items.find((e) => e.phase === 'signup')
    if (!open) throw new Error('no demo event open for sign-up')
    const url = h5Link(baseUrl(), `${pageUrl('event', { id: open._id })}&ref=sShared`)
    expect(url).toContain(`/?e=${open._id}#/`)
    expect(await (await fetch(url)).text()).toContain('data-first-event')
    const page = await phone(browser)
    const calls = eventCalls(page)
    await page.goto(url)
    await byTest(page, 'signup-form').waitFor({ timeout: 30000 })
    await page.waitForFunction(() => !document.querySelector('#cy-first'))
    expect(calls).toEqual([])
    expect(await page.evaluate(() => location.search)).toBe('')
    await page.context().close()
  })
})
