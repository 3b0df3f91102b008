import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { fn, residentToken, staffToken } from './api'
import { baseUrl, eventually, launch, screenshot } from './browser'

/**
 * The resident's experience on every resident page of the H5 build: care mode (关怀模式) sizes
 * measured from computed styles, an axe-core scan, sharing with referral attribution and a
 * poster, and a sign-up sent over an emulated slow, flaky network.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const AXE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')
const SURVEY = 'svy_demo_jinsha_env_now'
// This test's own event (the seeded ones are signed up to and cancelled by events.e2e).
let EVENT = ''

/** A new anonymous resident of 金沙社区 (a returning migrant worker), as the app would make one. */
async function newResident(): Promise<string> {
  const token = await residentToken()
  await fn(token, 'profile', 'save', { communityId: 'c-jinsha', targetGroups: ['returning_migrant'] })
  return token
}


/** A phone browser already holding the resident's session (Taro keeps storage as `{ data }`). */
async function residentContext(token: string, care: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  await context.addInitScript(
    ([t, c]) => {
      if (sessionStorage.getItem('cy-e2e-init')) return
      sessionStorage.setItem('cy-e2e-init', '1')
      localStorage.setItem('cy.token', JSON.stringify({ data: t }))
      localStorage.setItem('cy.token.kind', JSON.stringify({ data: 'resident' }))
      localStorage.setItem('cy.token.resident', JSON.stringify({ data: t }))
      localStorage.setItem('cy.careMode', JSON.stringify({ data: c ? 'on' : 'off' }))
    },
    [token, care] as const,
  )
  return context
}

let policyId = ''

/** Every resident page, with what shows it is ready. */
function residentPages(): { name: string; path: string; ready: string }[] {
  return [
    { name: 'index', path: '/pages/index/index', ready: '[data-testid="policy-list"]' },
    { name: 'policy-detail', path: `/pkg-policy/pages/policy-detail/index?id=${policyId}`, ready: '[data-testid="policy-detail"]' },
    { name: 'events', path: '/pages/events/index', ready: '[data-testid="event-list"]' },
    { name: 'event', path: `/pkg-event/pages/event/index?id=${EVENT}`, ready: '[data-testid="event-page"]' },
    { name: 'intent-form', path: '/pkg-event/pages/intent-form/index', ready: '[data-testid="field-name-input"]' },
    { name: 'my-case', path: '/pkg-me/pages/my-case/index', ready: '[data-testid="my-case-empty"], [data-testid="my-case"]' },
    { name: 'mine', path: '/pages/mine/index', ready: '[data-testid="care-switch"]' },
    { name: 'my-data', path: '/pkg-me/pages/my-data/index', ready: '[data-testid="my-data"]' },
    { name: 'inbox', path: '/pkg-me/pages/inbox/index', ready: '[data-testid="inbox-empty"], [data-testid="inbox-list"]' },
    { name: 'survey', path: `/pkg-policy/pages/survey/index?id=${SURVEY}`, ready: '[data-testid="survey-intro"]' },
    { name: 'privacy', path: '/pkg-me/pages/privacy/index', ready: '[data-testid="privacy"]' },
    { name: 'profile-edit', path: '/pkg-me/pages/profile-edit/index', ready: '.profile-edit' },
    { name: 'feedback-form', path: '/pkg-me/pages/feedback-form/index', ready: '.feedback-form' },
    { name: 'my-feedback', path: '/pkg-me/pages/my-feedback/index', ready: '[data-testid="my-feedback-empty"], [data-testid="my-feedback"]' },
    { name: 'courses', path: '/pkg-event/pages/courses/index', ready: '[data-testid="course-list"], .page-state' },
    { name: 'guide', path: '/pkg-policy/pages/guide/index', ready: '[data-testid="guide-card"], [data-testid="guide-page"], .page-state' },
    { name: 'search', path: '/pkg-policy/pages/search/index', ready: '.search' },
  ]
}

async function openPage(context: BrowserContext, path: string, ready: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${baseUrl()}/#${path}`)
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 20000 })
  // Let fonts, the list refresh and transitions settle.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
  return page
}

interface TextSize {
  text: string
  size: number
}

/** Computed font sizes of every visible piece of text on the page (icons and inputs' own text aside). */
async function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: { text: string; size: number }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el || el.closest('script, style, noscript, .at-icon')) continue
      const rect = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue
      if (el.closest('[aria-hidden="true"]')) continue
      out.push({ text: text.slice(0, 20), size: parseFloat(style.fontSize) })
    }
    return out
  })
}

/** Heights of visible tappable elements. */
async function tapTargets(page: Page): Promise<{ label: string; height: number; width: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], button, .at-button'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ el, rect }) => ({ label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20), height: Math.round(rect.height), width: Math.round(rect.width) })),
  )
}

async function axeSerious(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
  })
}

// Care mode minimums, in CSS px on a 390-wide phone: body text ≥ 18, headings larger, taps ≥ 44.
const MIN_TEXT = 18
const MIN_HEADING = 22
const MIN_TAP = 44

describe('resident experience', () => {
  let resident = ''

  beforeAll(async () => {
    resident = await newResident()
    const list = await fn<{ items: { _id: string }[] }>(resident, 'policy', 'list', { view: 'resident', limit: 5 })
    policyId = list.items[0]._id
    const hour = 3600_000
    const at = (h: number) => new Date(Date.now() + h * hour).toISOString()
    const event = await fn<{ _id: string }>(await staffToken('jinsha'), 'event', 'save', {
      title: '老年朋友创业分享会：在家门口开个小作坊',
      description: '请社区里的老师傅讲讲怎么用手艺开一家小作坊，现场解读一次性创业补贴。',
      place: '金沙社区党群服务中心 一楼活动室',
      startAt: at(48),
      endAt: at(50),
      capacity: 30,
      signupFrom: at(-1),
      signupUntil: at(47),
      walkIn: true,
      surveyId: null,
      policyIds: [],
    })
    EVENT = event._id
  })

  it('care mode enlarges text to the minimums and tap targets on every resident page', async () => {
    const normal = await residentContext(resident, false)
    const care = await residentContext(resident, true)
    const report: Record<string, { normalMin: number; careMin: number; careMax: number }> = {}
    const problems: Record<string, unknown> = {}
    for (const p of residentPages()) {
      const before = await openPage(normal, p.path, p.ready)
      const normalSizes = await textSizes(before)
      if (['index', 'policy-detail', 'event'].includes(p.name)) await screenshot(before, `care-off-${p.name}`)
      await before.close()

      const page = await openPage(care, p.path, p.ready)
      expect({ page: p.name, care: await page.locator('.cy-root').first().getAttribute('data-care') }).toEqual({ page: p.name, care: 'on' })
      const sizes = await textSizes(page)
      expect(sizes.length).toBeGreaterThan(3)
      const small = sizes.filter((s) => s.size < MIN_TEXT)
      const largest = Math.max(...sizes.map((s) => s.size))
      const tiny = (await tapTargets(page)).filter((t) => t.height < MIN_TAP)
      if (small.length || tiny.length || largest < MIN_HEADING) problems[p.name] = { small, tiny, largest }
      if (['index', 'policy-detail', 'event'].includes(p.name)) await screenshot(page, `care-on-${p.name}`)
      report[p.name] = { normalMin: Math.min(...normalSizes.map((s) => s.size)), careMin: Math.min(...sizes.map((s) => s.size)), careMax: largest }
      await page.close()
    }
    console.info('font sizes (CSS px), normal min → care min / care max:', JSON.stringify(report))
    expect(problems).toEqual({})
    // Normal mode really is smaller somewhere: the switch changes something.
    expect(Object.values(report).some((r) => r.normalMin < MIN_TEXT)).toBe(true)
    await normal.close()
    await care.close()
  })

  it('the switch in 我的 turns care mode on for every page and is remembered', async () => {
    const context = await residentContext(resident, false)
    const mine = await openPage(context, '/pages/mine/index', '[data-testid="care-switch"]')
    const sw = mine.locator('[data-testid="care-switch"]:visible')
    expect(await sw.getAttribute('aria-checked')).toBe('false')
    await sw.click()
    await eventually(() => sw.getAttribute('aria-checked'), (v) => expect(v).toBe('true'))
    expect(await mine.locator('.cy-root').first().getAttribute('data-care')).toBe('on')
    await mine.reload()
    await mine.locator('[data-testid="care-switch"]:visible').waitFor()
    expect(await mine.locator('.cy-root').first().getAttribute('data-care')).toBe('on')
    await context.close()
  })

  it('the tab bar (drawn by the app on H5) switches tabs, marks the current one, works from the keyboard and shows on tab pages only', async () => {
    const context = await residentContext(resident, false)
    const page = await openPage(context, '/pages/index/index', '[data-testid="policy-list"]')
    const bar = page.getByTestId('resident-tab-bar')
    const current = () => bar.locator('[aria-current="page"]').textContent()
    expect(await bar.getByRole('link').allTextContents()).toEqual(['政策', '活动', '我的'])
    expect(await current()).toBe('政策')
    // At the bottom of the screen, below the page, which scrolls in the space left.
    const box = await bar.boundingBox()
    expect(box && Math.round(box.y + box.height)).toBe(844)
    const panel = await page.locator('.taro-tabbar__panel').boundingBox()
    expect(panel && box && Math.round(panel.y + panel.height)).toBe(Math.round(box!.y))
    await page.getByTestId('tab-events').click()
    await page.locator('[data-testid="event-list"]').waitFor()
    expect([await page.evaluate(() => location.hash), await current()]).toEqual(['#/pages/events/index', '活动'])
    // Keyboard: the 我的 link takes focus and Enter follows it.
    await page.getByTestId('tab-mine').focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="care-switch"]:visible').waitFor()
    expect([await page.evaluate(() => location.hash), await current()]).toEqual(['#/pages/mine/index', '我的'])
    // Back to 政策: the home page kept (a tab), not drawn again from scratch.
    await page.getByTestId('tab-index').click()
    await eventually(current, (v) => expect(v).toBe('政策'))
    await page.locator('[data-testid="policy-list"]:visible').waitFor()
    // A page that is not a tab has no bar; going back brings it again.
    await page.locator('[data-testid="policy-card"]:visible').first().click()
    await page.locator('[data-testid="policy-detail"]').waitFor()
    expect(await bar.count()).toBe(0)
    await page.goBack()
    await eventually(current, (v) => expect(v).toBe('政策'))
    await screenshot(page, 'tab-bar-home')
    await context.close()
  })

  it('the home search field shows keyboard focus (its input draws no outline of its own)', async () => {
    const context = await residentContext(resident, false)
    const page = await openPage(context, '/pages/index/index', '[data-testid="policy-list"]')
    const field = page.locator('.home__search .search-box__field')
    const ring = () => field.evaluate((el) => getComputedStyle(el).boxShadow)
    const resting = await ring()
    await field.locator('input').focus()
    // The theme's primary (#2861d8) around the field, instead of its grey border.
    await eventually(ring, (v) => expect(v).toContain('rgb(40, 97, 216)'))
    expect(resting).not.toContain('rgb(40, 97, 216)')
    await context.close()
  })

  // One test per mode: each walks every resident page once, so neither runs near the timeout on a busy machine.
  it.each([
    ['normal', false],
    ['care', true],
  ])('has no serious or critical axe-core violations on any resident page (%s mode)', async (_mode, care) => {
    const found: Record<string, unknown> = {}
    const context = await residentContext(resident, care)
    for (const p of residentPages()) {
      const page = await openPage(context, p.path, p.ready)
      const violations = await axeSerious(page)
      if (violations.length) found[p.name] = violations
      await page.close()
    }
    await context.close()
    expect(found).toEqual({})
  })

  it('a share link carries the sharer\'s ref; a resident arriving through it is counted once on that item; the poster is drawn', async () => {
    const sharer = await residentContext(resident, false)
    const page = await openPage(sharer, `/pkg-policy/pages/policy-detail/index?id=${policyId}`, '[data-testid="share-bar"]')
    const link = page.locator('[data-testid="share-copy-link"]:visible')
    await eventually(() => link.getAttribute('data-link'), (v) => expect(v).toMatch(/ref=s[A-Za-z0-9_-]{16}$/))
    const path = (await link.getAttribute('data-link')) ?? ''
    expect(path.startsWith(`/pkg-policy/pages/policy-detail/index?id=${policyId}&ref=`)).toBe(true)

    await page.locator('[data-testid="share-poster"]:visible').click()
    const poster = page.locator('[data-testid="share-poster-image"] img')
    await poster.waitFor({ state: 'visible', timeout: 20000 })
    expect(await poster.getAttribute('alt')).toContain('分享海报')
    const size = await poster.evaluate((img) => ({ w: (img as HTMLImageElement).naturalWidth, h: (img as HTMLImageElement).naturalHeight }))
    expect(size).toEqual({ w: 750, h: 1200 })
    await page.waitForTimeout(300)
    await screenshot(page, 'share-poster')
    const saved = page.waitForEvent('download')
    await page.locator('[data-testid="share-poster-dialog"] .at-button--primary').click()
    expect((await saved).suggestedFilename()).toMatch(/\.png$/)

    const staff = await staffToken('jinsha')
    const countsOf = async () => (await fn<{ counts: Record<string, number> }>(staff, 'share', 'counts', { kind: 'policy', ids: [policyId] })).counts[policyId]
    const before = await countsOf()

    const friend = await residentContext(await newResident(), false)
    for (let i = 0; i < 2; i++) {
      const opened = await openPage(friend, path, '[data-testid="policy-detail"]')
      await opened.close()
    }
    await eventually(countsOf, (n) => expect(n).toBe(before + 1))
    // The sharer opening their own link adds nothing.
    const own = await openPage(sharer, path, '[data-testid="policy-detail"]')
    await own.waitForTimeout(500)
    expect(await countsOf()).toBe(before + 1)
    await sharer.close()
    await friend.close()

    // Staff see the count on their policy list.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    await desk.addInitScript((t) => {
      localStorage.setItem('cy.token', JSON.stringify({ data: t }))
      localStorage.setItem('cy.token.kind', JSON.stringify({ data: 'staff' }))
    }, staff)
    const list = await desk.newPage()
    await list.goto(`${baseUrl()}/#/staff/pages/policies/index`)
    const row = list.locator(`[data-testid="policy-row"][data-id="${policyId}"]:visible [data-testid="row-share-arrivals"]`)
    await row.waitFor({ timeout: 20000 })
    expect(await row.innerText()).toContain(`经居民分享打开 ${before + 1} 人`)
    await desk.close()
  })

  it('a sign-up sent while the connection drops shows 已保存，正在发送… and arrives exactly once (slow 3G)', async () => {
    const token = await newResident()
    const context = await residentContext(token, false)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    // Chrome DevTools' "Slow 3G": 400 ms round trip, ~400 kbit/s down.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 })

    const started = Date.now()
    await page.goto(`${baseUrl()}/#/pages/index/index`)
    await page.locator('[data-testid="policy-list"]').waitFor({ timeout: 30000 })
    const firstScreenMs = Date.now() - started
    console.info(`first screen with policies on slow 3G: ${firstScreenMs} ms`)
    expect(firstScreenMs).toBeLessThan(20000)

    const requestIds: string[] = []
    let dropped = false
    await page.route('**/api/fn/event', async (route) => {
      const body = route.request().postDataJSON() as { action: string; data: { requestId?: string } }
      if (body.action !== 'signup') return route.continue()
      requestIds.push(body.data.requestId ?? '')
      if (!dropped) {
        dropped = true
        // The server receives and applies it; the answer is lost on the way back.
        await route.fetch()
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    await page.goto(`${baseUrl()}/#/pkg-event/pages/event/index?id=${EVENT}`)
    await page.locator('[data-testid="signup-form"]').waitFor({ timeout: 30000 })
    await page.locator('[data-testid="signup-name"] input, input[data-testid="signup-name"]').first().fill('王大爷')
    await page.locator('[data-testid="signup-phone"] input, input[data-testid="signup-phone"]').first().fill('13800138000')
    await page.locator('[data-testid="signup-button"] .at-button').click()
    await page.locator('[data-testid="sending-state"]').waitFor({ timeout: 15000 })
    expect(await page.locator('[data-testid="sending-state"]').innerText()).toContain('已保存，正在发送')
    await screenshot(page, 'signup-sending')
    await page.locator('[data-testid="my-status"]').waitFor({ timeout: 30000 })
    expect(await page.locator('[data-testid="my-status"]').getAttribute('data-status')).toBe('confirmed')
    expect(await page.locator('[data-testid="sending-state"]').count()).toBe(0)
    expect(await page.locator('[data-testid="event-notice"]').count()).toBe(0)

    expect(requestIds.length).toBe(2)
    expect(new Set(requestIds).size).toBe(1)
    const staff = await staffToken('jinsha')
    const attendees = await fn<{ items: { name: string }[] }>(staff, 'event', 'attendees', { eventId: EVENT, limit: 50 })
    expect(attendees.items.filter((a) => a.name === '王大爷')).toHaveLength(1)
    await context.close()
  })
})
