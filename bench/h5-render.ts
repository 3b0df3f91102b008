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

/** A cold phone-sized page (fresh context, empty cache). */
async function coldPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  return { context, page }
}

/**
 * Paths of the JS and CSS files one cold load of `url` had fully received when `selector` was
 * visible, from the page's own resource timings read at that moment (the Node side hears of a
 * request only later, and work deferred to after the first screen starts right after it).
 */
async function requestedUntilVisible(browser: Browser, url: string, selector: string): Promise<string[]> {
  const { context, page } = await coldPhonePage(browser)
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)
      if (!el || el.getBoundingClientRect().height === 0) return false
      return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|css)$/.test(p))
    },
    selector,
    { polling: 'raf', timeout: 30000 },
  )
  const files = (await handle.jsonValue()) as string[]
  await context.close()
  return files
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
      const { context, page } = await coldPhonePage(browser)
      await page.goto(`${url}/`, { waitUntil: 'commit' })
      const handle = await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="policy-card"]')
        if (!el) return false
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        if (!(r.width > 0 && r.height > 0 && r.top < window.innerHeight && style.visibility !== 'hidden' && style.display !== 'none')) return false
        // What the page had received at that moment (its own resource timings): nothing requested later counts.
        return { at: performance.now(), files: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|css)$/.test(p)) }
      }, undefined, { polling: 'raf', timeout: 30000 })
      const { at: card, files } = (await handle.jsonValue()) as { at: number; files: string[] }
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
      times.push({ card, fcp })
      if (i === 0) firstScreen.push(...files)
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
