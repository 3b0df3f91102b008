import type { Browser, Page } from 'playwright-core'
import { baseUrl, eventually, launch, phone, shot, toTop } from './browser'

/**
 * The H5 home fetches what its first screen does not draw after that screen is in (issue 24 item
 * 3: src/components/after-first-screen): its list foot and its empty / error states come in plain
 * markup first and in full once their code has arrived; when that code cannot arrive (offline),
 * the plain ones still say what happened and still retry.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

/** The app's own list is drawn and the static copy from the HTML is gone. */
async function appHome(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/`)
  await page.waitForFunction(() => !document.querySelector('#cy-first') && document.querySelector('#app [data-testid="policy-card"]'), undefined, { timeout: 30000 })
}

async function search(page: Page, keyword: string): Promise<void> {
  await byTest(page, 'search-input').fill(keyword)
  await byTest(page, 'search-input').press('Enter')
}

describe('H5 home: parts fetched after the first screen', () => {
  it('fetches the list foot and the state code after the first screen and then shows them in full', async () => {
    const page = await phone(browser)
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    // When the app's own list first appears, on the page's clock (resource timings use the same).
    await page.addInitScript(() => {
      const w = window as unknown as { __listAt?: number }
      new MutationObserver((_, o) => {
        if (document.querySelector('#app [data-testid="policy-list"]')) {
          w.__listAt = performance.now()
          o.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await appHome(page)
    // Not part of the first screen: requested only afterwards (index.html does not preload them).
    const html = await (await fetch(`${baseUrl()}/`)).text()
    expect(html).not.toMatch(/list-footer|page-state|toast|survey-entry|hotline-card/)
    await page.waitForFunction(() => document.readyState === 'complete')
    await eventually(
      async () => [...new Set(requested.filter((p) => /\/js\/(list-footer|page-state|toast)\./.test(p)).map((p) => p.split('/').pop()?.split('.')[0]))].sort(),
      (names) => expect(names).toEqual(['list-footer', 'page-state', 'toast']),
    )
    // …and only once the app had drawn its own list: they do not share the first screen's bandwidth.
    const timing = () =>
      page.evaluate(() => ({
        listAt: (window as unknown as { __listAt?: number }).__listAt ?? null,
        starts: performance
          .getEntriesByType('resource')
          .filter((e) => /\/js\/(list-footer|page-state|toast)\./.test(new URL(e.name).pathname))
          .map((e) => e.startTime),
      }))
    await eventually(timing, (t) => expect(t.starts).toHaveLength(3))
    const order = await timing()
    expect(order.listAt).not.toBeNull()
    for (const start of order.starts) expect(start).toBeGreaterThanOrEqual(order.listAt ?? Infinity)
    // The list foot (taro-ui's load-more look, drawn by the app in both versions; the full one adds
    // the spinner while the next page loads). The demo has more than one page of policies, so it offers 加载更多.
    await eventually(() => page.locator('[data-testid="load-more"] .at-load-more__cnt [role="button"]').innerText(), (t) => expect(t).toBe('加载更多'))
    // Scrolling to it loads the next page (the page's reach-bottom, as before).
    await byTest(page, 'load-more').scrollIntoViewIfNeeded()
    await eventually(() => page.locator('#app [data-testid="policy-card"]').count(), (n) => expect(n).toBeGreaterThan(10))
    await toTop(page)
    // The full empty state (with taro-ui's icon and button), and its action brings the list back.
    await search(page, '不存在的政策名称zzz')
    await byTest(page, 'list-empty').waitFor()
    expect(await page.locator('[data-testid="list-empty"] .at-icon').count()).toBe(1)
    await byTest(page, 'list-empty-action').click()
    await page.locator('#app [data-testid="policy-card"]').first().waitFor()
    await page.context().close()
  })

  it('without that code (offline), a failed search still says so in plain markup and 重试 loads the list', async () => {
    const page = await phone(browser)
    await page.route(/\/js\/(list-footer|page-state)\.[^/]*\.js$/, (r) => r.abort('internetdisconnected'))
    let failSearch = true
    await page.route('**/api/fn/policy', async (r) => {
      const body = r.request().postData() ?? ''
      if (failSearch && body.includes('"keyword"')) return r.abort('internetdisconnected')
      return r.continue()
    })
    await appHome(page)
    await search(page, '担保贷款')
    const error = byTest(page, 'list-error')
    await error.waitFor()
    expect(await error.getAttribute('data-state')).toBe('error')
    expect(await error.getAttribute('data-error-kind')).toBe('network')
    expect(await page.locator('[data-testid="list-error"] .page-state__title').textContent()).toBe('政策加载失败')
    // Plain markup: no taro-ui icon, but the same retry.
    expect(await page.locator('[data-testid="list-error"] .at-icon').count()).toBe(0)
    await shot(page, 'home-plain-error-state')
    failSearch = false
    await page.locator('[data-testid="list-error-action"] [role="button"]').click()
    await page.locator('#app [data-testid="policy-card"]').first().waitFor()
    expect(await page.locator('#app [data-testid="policy-card"]').count()).toBeGreaterThan(0)
    await page.context().close()
  })
})
