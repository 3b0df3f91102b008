/**
 * H5 time to first render of the home page in Chromium: from navigation start to the first
 * policy card visible, measured in the page (performance.now() is relative to the navigation's
 * time origin), over 5 cold loads — a fresh browser context (empty cache) each — at 390×844.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { serveFloorH5 } from './h5-slow3g'
import { launchBrowser, startServer, stopServer } from './server'

const LOADS = 5

/** A cold phone-sized page (fresh context, empty cache) and the paths of the JS and CSS files it requests from now on. */
async function coldPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; loaded: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const loaded: string[] = []
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (/\.(js|css)$/.test(path)) loaded.push(path)
  })
  return { context, page, loaded }
}

/** Paths of the JS and CSS files one cold load of `url` requested until `selector` was visible. */
async function requestedUntilVisible(browser: Browser, url: string, selector: string): Promise<string[]> {
  const { context, page, loaded } = await coldPhonePage(browser)
  await page.goto(url, { waitUntil: 'commit' })
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30000 })
  await context.close()
  return loaded
}

/**
 * The floor's first screen counted the way the app's is: every JS and CSS file requested until its
 * hello world showed (index.html's files plus the page chunk Taro's H5 router loads lazily).
 */
export async function floorFirstScreen(): Promise<string[]> {
  const server = await serveFloorH5()
  const browser = await launchBrowser()
  try {
    return await requestedUntilVisible(browser, `${server.url}/`, '[data-floor="ready"]')
  } finally {
    await browser.close()
    await server.close()
  }
}

/** The JS and CSS files the page had requested by the time the first policy card showed (first load). */
export async function h5FirstRender(): Promise<{ rows: string[]; medianMs: number; firstScreen: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-h5-'))
  const { url, child } = await startServer(dir)
  const browser = await launchBrowser()
  try {
    const times: { card: number; fcp: number | null }[] = []
    const firstScreen: string[] = []
    for (let i = 0; i < LOADS; i++) {
      const { context, page, loaded } = await coldPhonePage(browser)
      await page.goto(`${url}/`, { waitUntil: 'commit' })
      const handle = await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="policy-card"]')
        if (!el) return false
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && r.top < window.innerHeight && style.visibility !== 'hidden' && style.display !== 'none' ? performance.now() : false
      }, undefined, { polling: 'raf', timeout: 30000 })
      const card = (await handle.jsonValue()) as number
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
      times.push({ card, fcp })
      if (i === 0) firstScreen.push(...loaded)
      await context.close()
    }
    const sorted = times.map((t) => t.card).sort((a, b) => a - b)
    const median = sorted[Math.floor(LOADS / 2)]
    const fcps = times.map((t) => t.fcp).filter((x): x is number => x !== null).sort((a, b) => a - b)
    const rows = [
      '| measure | value |',
      '|---|---:|',
      `| **first policy card visible, median of ${LOADS} cold loads** | **${median.toFixed(0)} ms** |`,
      `| each load, in order | ${times.map((t) => t.card.toFixed(0)).join(', ')} ms |`,
      `| first contentful paint, median | ${fcps.length ? `${fcps[Math.floor(fcps.length / 2)].toFixed(0)} ms` : 'n/a'} |`,
    ]
    return { rows, medianMs: median, firstScreen }
  } finally {
    await browser.close()
    await stopServer(child)
    rmSync(dir, { recursive: true, force: true })
  }
}
