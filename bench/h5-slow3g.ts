/**
 * H5 first screen on an emulated slow 3G (Chrome DevTools' "Slow 3G" preset through CDP: 2,000 ms
 * latency, 50,000 B/s down and up), cold (fresh context), for the app (first policy card visible,
 * served by the local runtime) and for the floor (its hello world visible, served by the same
 * static server settings: pre-compressed, cache headers), side by side. And the page a resident
 * at an event reaches by scanning its poster (the QR code opens `/?s=…#/pkg-event/pages/event/index?scene=…`):
 * until the event shows, and until the app has drawn its sign-up form. And a policy link and an event
 * link a resident copied into a chat, until the policy or the event shows.
 *
 * `npx tsx bench/h5-slow3g.ts` runs this scenario alone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fastify from 'fastify'
import fastifyStatic from '@fastify/static'
import type { Browser } from 'playwright-core'
import { cacheHeaders, precompressDir } from '../server/precompress'
import { ensureFloor } from './floor'
import { h5Link, pageUrl } from '../cloudfunctions/_shared/domain/pages'
import { DEMO_PASSWORD } from '../server/seed-data'
import { launchBrowser, startServer, stopServer } from './server'

/** DevTools' Slow 3G preset (front_end/core/sdk/NetworkManager.ts). */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 }

/** A milestone: when `selector` is visible in the first viewport and `gone` (if any) is not in the page. */
interface Milestone {
  selector: string
  gone?: string
}

/**
 * One cold load on slow 3G: for each milestone, ms from navigation start until it held (measured in
 * the page, polled every frame) and the bytes on the wire (compressed, as sent) of the requests that
 * had finished by then (CDP's finish timestamps against the document request's).
 */
async function timeTo(browser: Browser, url: string, milestones: readonly Milestone[]): Promise<{ ms: number; bytes: number }[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
  let startTs: number | null = null
  const finished: { at: number; bytes: number }[] = []
  cdp.on('Network.requestWillBeSent', (e: { timestamp: number; type?: string }) => {
    if (startTs === null && e.type === 'Document') startTs = e.timestamp
  })
  cdp.on('Network.loadingFinished', (e: { timestamp: number; encodedDataLength: number }) => finished.push({ at: e.timestamp, bytes: e.encodedDataLength }))
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 })
  // Every milestone is watched at once, every frame, from the start: each gets its own time.
  const handle = await page.waitForFunction(
    (ms: Milestone[]) => {
      const w = window as unknown as { __benchAt?: (number | null)[] }
      const at = (w.__benchAt ??= ms.map(() => null))
      ms.forEach(({ selector, gone }, i) => {
        if (at[i] !== null || (gone && document.querySelector(gone))) return
        const el = document.querySelector(selector)
        if (!el) return
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.height > 0 && r.top < window.innerHeight && getComputedStyle(el).visibility !== 'hidden') at[i] = performance.now()
      })
      return at.every((t) => t !== null) ? at : false
    },
    [...milestones],
    { polling: 'raf', timeout: 120000 },
  )
  const times = (await handle.jsonValue()) as number[]
  // Let the finish events of requests done by then arrive.
  await new Promise((r) => setTimeout(r, 500))
  const t0 = startTs ?? 0
  const out = times.map((ms) => ({ ms, bytes: finished.filter((f) => (f.at - t0) * 1000 <= ms).reduce((a, f) => a + f.bytes, 0) }))
  await context.close()
  return out
}

/** The floor's H5 build served with the local runtime's static settings (pre-compressed, cache headers). */
export async function serveFloorH5(): Promise<{ url: string; close: () => Promise<void> }> {
  const floor = ensureFloor()
  precompressDir(floor.h5)
  const floorServer = fastify()
  floorServer.register(fastifyStatic, { root: floor.h5, index: ['index.html'], preCompressed: true, cacheControl: false, setHeaders: cacheHeaders })
  const url = await floorServer.listen({ port: 0, host: '127.0.0.1' })
  return { url, close: () => floorServer.close() }
}

type Answer = { token?: string; data?: { items?: { _id: string; phase?: string }[]; url?: string | null } }

/** A POST to the runtime at `base`, as the app sends it. */
async function post(base: string, path: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return (await res.json()) as Answer
}

/** An event of the demo data open for sign-up, as a new visitor's event list shows it. */
async function openEvent(base: string): Promise<{ _id: string }> {
  const resident = (await post(base, '/api/auth/resident', {})).token
  const events = (await post(base, '/api/fn/event', { action: 'list', data: { view: 'resident', limit: 10 } }, resident)).data?.items ?? []
  const open = events.find((e) => e.phase === 'signup')
  if (!open) throw new Error('no event of the demo data is open for sign-up')
  return open
}

/** The URL an event poster's QR code opens (staff \`event.code\`), for an event open for sign-up. */
async function posterUrl(base: string): Promise<string> {
  const open = await openEvent(base)
  const staff = (await post(base, '/api/auth/staff', { username: 'jinsha', password: DEMO_PASSWORD })).token
  const code = await post(base, '/api/fn/event', { action: 'code', data: { id: open._id, purpose: 'poster', origin: base } }, staff)
  if (!code.data?.url) throw new Error(`no poster URL: ${JSON.stringify(code)}`)
  return code.data.url
}

/** The link the share bar copies for an event open for sign-up. */
async function eventLink(base: string): Promise<string> {
  return h5Link(base, `${pageUrl('event', { id: (await openEvent(base))._id })}&ref=sBench`)
}

/** The link the share bar copies for the first policy a new visitor's home lists. */
async function policyLink(base: string): Promise<string> {
  const resident = (await post(base, '/api/auth/resident', {})).token
  const first = (await post(base, '/api/fn/policy', { action: 'list', data: { view: 'resident', after: null, limit: 1 } }, resident)).data?.items?.[0]
  if (!first) throw new Error('no policy in the demo data')
  return h5Link(base, `${pageUrl('policyDetail', { id: first._id })}&ref=sBench`)
}

export async function h5Slow3g(): Promise<{ rows: string[]; appMs: number; floorMs: number; posterMs: number }> {
  const floorServer = await serveFloorH5()
  const floorUrl = floorServer.url
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-slow3g-'))
  const { url, child } = await startServer(dir)
  const browser = await launchBrowser()
  try {
    const [f] = await timeTo(browser, `${floorUrl}/`, [{ selector: '[data-floor="ready"]' }])
    const [card, app] = await timeTo(browser, `${url}/`, [
      // The first policy card as drawn: the one in the HTML (server/first-screen.ts) or the app's own.
      { selector: '[data-first-card], [data-testid="policy-card"]' },
      // The app's own card, with the static copy gone: the app has drawn the home and handles taps.
      { selector: '#app [data-testid="policy-card"]', gone: '#cy-first' },
    ])
    const poster = await posterUrl(url)
    const [shown, event] = await timeTo(browser, poster, [
      // The event as drawn: in the HTML (server/event-first-screen.ts) or by the app.
      { selector: '[data-first-event], #app [data-testid="event-page"]' },
      { selector: '#app [data-testid="signup-form"]' },
    ])
    // A policy link a resident copied into a chat (the share bar's link, `h5Link`).
    const [policyShown] = await timeTo(browser, await policyLink(url), [{ selector: '[data-first-policy], #app [data-testid="policy-detail"]' }])
    // An event link a resident copied into a chat.
    const [eventShown, eventForm] = await timeTo(browser, await eventLink(url), [
      { selector: '[data-first-event], #app [data-testid="event-page"]' },
      { selector: '#app [data-testid="signup-form"]' },
    ])
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
    const rows = [
      '| slow 3G (2,000 ms latency, 50,000 B/s), cold | floor | app | app ÷ floor |',
      '|---|---:|---:|---:|',
      `| **first policy card visible** (floor: its hello world) | ${f.ms.toFixed(0)} ms | **${card.ms.toFixed(0)} ms** | ${(card.ms / f.ms).toFixed(2)}× |`,
      `| bytes on the wire before the first card (finished requests, compressed as sent) | ${kib(f.bytes)} | ${kib(card.bytes)} | ${(card.bytes / f.bytes).toFixed(2)}× |`,
      `| app interactive: its own card drawn, static copy gone (floor: hello world) | ${f.ms.toFixed(0)} ms | ${app.ms.toFixed(0)} ms | ${(app.ms / f.ms).toFixed(2)}× |`,
      `| bytes on the wire until interactive | ${kib(f.bytes)} | ${kib(app.bytes)} | ${(app.bytes / f.bytes).toFixed(2)}× |`,
      `| **an event poster's QR code** (\`/?s=…#/pkg-event/pages/event/index?scene=…\`): the event visible | ${f.ms.toFixed(0)} ms | **${shown.ms.toFixed(0)} ms** | ${(shown.ms / f.ms).toFixed(2)}× |`,
      `| the same: its sign-up form drawn by the app | ${f.ms.toFixed(0)} ms | **${event.ms.toFixed(0)} ms** | ${(event.ms / f.ms).toFixed(2)}× |`,
      `| bytes on the wire until then | ${kib(f.bytes)} | ${kib(event.bytes)} | ${(event.bytes / f.bytes).toFixed(2)}× |`,
      `| **a shared policy link** (\`/?p=…#/pkg-policy/pages/policy-detail/index?id=…\`): the policy visible | ${f.ms.toFixed(0)} ms | **${policyShown.ms.toFixed(0)} ms** | ${(policyShown.ms / f.ms).toFixed(2)}× |`,
      `| **a shared event link** (\`/?e=…#/pkg-event/pages/event/index?id=…\`): the event visible | ${f.ms.toFixed(0)} ms | **${eventShown.ms.toFixed(0)} ms** | ${(eventShown.ms / f.ms).toFixed(2)}× |`,
      `| the same: its sign-up form drawn by the app | ${f.ms.toFixed(0)} ms | ${eventForm.ms.toFixed(0)} ms | ${(eventForm.ms / f.ms).toFixed(2)}× |`,
    ]
    const a = card
    return { rows, appMs: a.ms, floorMs: f.ms, posterMs: shown.ms }
  } finally {
    await browser.close()
    await stopServer(child)
    await floorServer.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  h5Slow3g()
    .then((r) => process.stdout.write(`${r.rows.join('\n')}\n`))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
