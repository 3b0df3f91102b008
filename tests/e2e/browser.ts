import { copyFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const ARTIFACTS = resolve(__dirname, 'artifacts')

/** Debian's Chromium, never a downloaded browser. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** A phone-sized page (390×844) on the runtime under test. */
export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  return context.newPage()
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run through tests/e2e/jest.config.js')
  return url
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false })
}

/** A screenshot in the artifacts folder, copied to SHOTS_DIR when that is set. */
export async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
  const dir = process.env.SHOTS_DIR
  if (dir) {
    mkdirSync(dir, { recursive: true })
    copyFileSync(join(ARTIFACTS, `${name}.png`), join(dir, `${name}.png`))
  }
}

/** Scrolls every scrolled container and the window back to the top, so a screenshot starts at the page head. */
export async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => { if (el.scrollTop > 0) el.scrollTop = 0 }))
  await page.evaluate(() => window.scrollTo(0, 0))
}

/** Re-runs `read` until `check` stops throwing, or fails with the last assertion after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      check(await read())
      return
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 150))
    }
  }
}

/**
 * After a refused submit a form scrolls to its first field in error (`scrollToFirstError`: 50 ms
 * later, a 200 ms animation); a click aimed before or during that scroll lands on whatever moved
 * under the pointer. Waits until that field has not moved for `quietMs`.
 */
export async function untilFormSettled(page: Page, quietMs = 500, timeoutMs = 10000): Promise<void> {
  const field = page.locator('.form-field--error').first()
  const deadline = Date.now() + timeoutMs
  let last = ''
  let since = Date.now()
  while (Date.now() < deadline) {
    const box = JSON.stringify(await field.boundingBox())
    if (box !== last) {
      last = box
      since = Date.now()
    } else if (Date.now() - since >= quietMs) return
    await page.waitForTimeout(50)
  }
  throw new Error(`the form kept scrolling for ${timeoutMs} ms`)
}

/** Chromium and a desktop-sized context (1366×768 unless told) for a staff desk. */
export async function launchDesk(viewport = { width: 1366, height: 768 }): Promise<{ browser: Browser; desk: BrowserContext }> {
  const browser = await launch()
  return { browser, desk: await browser.newContext({ viewport, locale: 'zh-CN' }) }
}

/**
 * Opens a URL of the app as a fresh load in the same context (same token), as a scanned code or
 * a typed link does: changing only the hash would let Taro's router keep (and sometimes show)
 * the pages opened before.
 */
export async function reopen(page: Page, url: string): Promise<Page> {
  const fresh = await page.context().newPage()
  await fresh.goto(url)
  await page.close()
  return fresh
}
