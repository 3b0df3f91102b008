import type { Browser, Page, Route } from 'playwright-core'
import { pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import { baseUrl, eventually, launch, phone, shot } from './browser'

/**
 * The H5 first screen is drawn from the HTML (server/first-screen.ts, issue 24 item 3): the home
 * page's first policies are there before any JS has run, the app then takes over with the same
 * list (adopted from the HTML, not asked again) and the static copy goes.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

/** The first page of the home list as a new anonymous visitor gets it, straight from the API. */
async function apiFirstPage(): Promise<string[]> {
  return (await apiFirstPageItems()).map((p) => p.title)
}

async function apiFirstPageItems(): Promise<{ _id: string; title: string }[]> {
  const auth = (await (await fetch(`${baseUrl()}/api/auth/resident`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string }
  const res = await fetch(`${baseUrl()}/api/fn/policy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` },
    body: JSON.stringify({ action: 'list', data: { view: 'resident', after: null, limit: 10 } }),
  })
  const body = (await res.json()) as { data: { items: { _id: string; title: string }[] } }
  return body.data.items
}

async function apiFirstPageIds(): Promise<string[]> {
  return (await apiFirstPageItems()).map((p) => p._id)
}

const staticTitles = (page: Page) => page.locator('#cy-first [data-first-card] .cyf-t').allTextContents()

describe('H5 first screen from the HTML', () => {
  it('with JavaScript off, the home header and the first page of policies are there, in the API order', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${baseUrl()}/`)
    const first = page.locator('#cy-first [data-first-card]').first()
    await first.waitFor()
    expect(await first.isVisible()).toBe(true)
    const box = await first.boundingBox()
    expect(box && box.y < 844).toBe(true)
    expect(await staticTitles(page)).toEqual(await apiFirstPage())
    await expect(page.locator('#cy-first .cyf-title').textContent()).resolves.toBe('创业扶持政策')
    // A card is a link to the policy: tapping it before the app has loaded still opens that policy.
    expect(await first.getAttribute('href')).toBe(`#${pageUrl('policyDetail', { id: (await apiFirstPageIds())[0] })}`)
    await shot(page, 'first-screen-no-js')
    await context.close()
  })

  it('the cards are drawn before any JS has arrived; the app then adopts the inline list and replaces them', async () => {
    const page = await phone(browser)
    // Hold every JS file until the static cards have been seen.
    const held: Route[] = []
    let release = false
    await page.route('**/js/**', (route) => (release ? route.continue() : void held.push(route)))
    const policyCalls: string[] = []
    page.on('request', (req) => {
      if (req.url().endsWith('/api/fn/policy')) policyCalls.push(req.postData() ?? '')
    })
    await page.goto(`${baseUrl()}/`, { waitUntil: 'commit' })
    await page.locator('#cy-first [data-first-card]').first().waitFor({ state: 'visible' })
    const titles = await staticTitles(page)
    expect(titles.length).toBe(10)
    expect(held.length).toBeGreaterThan(0) // JS was asked for and not yet delivered
    await shot(page, 'first-screen-before-js')
    release = true
    for (const r of held.splice(0)) await r.continue()
    // The app draws its own list and the static copy goes.
    await byTest(page, 'policy-list').waitFor()
    await page.locator('#cy-first').waitFor({ state: 'detached' })
    const appTitles = (await byTest(page, 'policy-card').locator('.policy-card__title').allTextContents()).map((t) => t.trim())
    expect(appTitles).toEqual(titles)
    // The first page came from the HTML: the app did not ask for it again.
    expect(policyCalls).toEqual([])
    // And the app works: a category chip asks the server.
    await byTest(page, 'chip-training_subsidy').click()
    await eventually(async () => policyCalls.length, (n) => expect(n).toBeGreaterThan(0))
    await page.context().close()
  })

  it('a returning visitor (token kept) never sees the anonymous cards, and gets their own list from the app', async () => {
    const page = await phone(browser)
    await page.goto(`${baseUrl()}/`)
    await byTest(page, 'policy-list').waitFor()
    // Now known: a token in localStorage. Reload with JS held back.
    expect(await page.evaluate(() => localStorage.getItem('cy.token'))).toBeTruthy()
    const held: Route[] = []
    let release = false
    await page.route('**/js/**', (route) => (release ? route.continue() : void held.push(route)))
    await page.reload({ waitUntil: 'commit' })
    await page.locator('#cy-first .cyf-sk').first().waitFor({ state: 'visible' })
    expect(await page.locator('#cy-first [data-first-card]').first().isVisible()).toBe(false)
    release = true
    for (const r of held.splice(0)) await r.continue()
    await byTest(page, 'policy-list').waitFor()
    await page.locator('#cy-first').waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('a deep link never shows the static home', async () => {
    const page = await phone(browser)
    const titles = await apiFirstPage()
    expect(titles.length).toBeGreaterThan(0)
    await page.goto(`${baseUrl()}/#${pageUrl('search')}`, { waitUntil: 'commit' })
    await page.waitForSelector('#cy-first', { state: 'attached' }).catch(() => undefined)
    expect(await page.locator('#cy-first').isVisible()).toBe(false)
    await page.context().close()
  })
})
