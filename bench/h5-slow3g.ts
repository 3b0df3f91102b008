/**
 * H5 first screen on an emulated slow 3G (Chrome DevTools' "Slow 3G" preset through CDP: 2,000 ms
 * latency, 50,000 B/s down and up), cold (fresh context), for the app (first policy card visible,
 * served by the local runtime) and for the floor (its hello world visible, served by the same
 * static server settings: pre-compressed, cache headers), side by side.
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
import { launchBrowser, startServer, stopServer } from './server'

/** DevTools' Slow 3G preset (front_end/core/sdk/NetworkManager.ts). */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 }

async function timeTo(browser: Browser, url: string, selector: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
  let bytes = 0
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength))
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 })
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)
      if (!el) return false
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && r.top < window.innerHeight ? performance.now() : false
    },
    selector,
    { polling: 'raf', timeout: 120000 },
  )
  const ms = (await handle.jsonValue()) as number
  await context.close()
  return { ms, bytes }
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

export async function h5Slow3g(): Promise<{ rows: string[]; appMs: number; floorMs: number }> {
  const floorServer = await serveFloorH5()
  const floorUrl = floorServer.url
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-slow3g-'))
  const { url, child } = await startServer(dir)
  const browser = await launchBrowser()
  try {
    const f = await timeTo(browser, `${floorUrl}/`, '[data-floor="ready"]')
    const a = await timeTo(browser, `${url}/`, '[data-testid="policy-card"]')
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
    const rows = [
      '| slow 3G (2,000 ms latency, 50,000 B/s), cold | floor | app | app ÷ floor |',
      '|---|---:|---:|---:|',
      `| **first screen visible** | ${f.ms.toFixed(0)} ms | **${a.ms.toFixed(0)} ms** | ${(a.ms / f.ms).toFixed(2)}× |`,
      `| bytes on the wire by then (all requests, compressed as sent) | ${kib(f.bytes)} | ${kib(a.bytes)} | ${(a.bytes / f.bytes).toFixed(2)}× |`,
    ]
    return { rows, appMs: a.ms, floorMs: f.ms }
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
