import type { Browser, Page } from 'playwright-core'
import { byTest, fn, staffPage, staffToken } from './api'
import { baseUrl, eventually, launch, screenshot } from './browser'

/**
 * The evaluation chain end to end in Chromium against the local runtime, across the four roles:
 * 新华社区's lead fills in and submits the year's application, 炳草岗街道's reviewer passes it,
 * 东区's officer certifies it, the city draws the phone sample and records a call. Deadlines are
 * moved to the year's end first (through the API, as the city), so the run does not depend on
 * the calendar.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const api = async <T>(username: string, action: string, data: unknown): Promise<T> => fn<T>(await staffToken(username), 'evaluation', action, data)

/** Signs in on a fresh page, then opens `path` in a fresh tab (Taro's router keeps hidden pages). */
async function signedIn(username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  return staffPage(context, username, `${baseUrl()}/#${path}`)
}

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

describe('the evaluation chain end to end', () => {
  let communityId = ''
  let appId = ''

  beforeAll(async () => {
    const end = `${year}-12-31`
    await api('city', 'deadlines', { year, set: { apply: end, review: end, certify: end, spotCheck: end } })
    const list = await api<{ items: { communityId: string }[] }>('xinhua-lead', 'list', { year })
    communityId = list.items[0].communityId
    appId = `${communityId}:${year}`
  })

  it('the community lead fills in the application from the data and submits it', async () => {
    const page = await signedIn('xinhua-lead', '/staff/pages/evaluation/index')
    await byTest(page, 'evaluation-list').waitFor()
    await byTest(page, 'evaluation-open').click()
    await byTest(page, 'evaluation-edit').waitFor()
    // The form carries the year's figures from the ledger.
    const figures = await byTest(page, 'evaluation-figures').innerText()
    expect(figures).toContain('创业指导员在岗')
    expect(figures).toContain('帮扶覆盖率')
    await byTest(page, 'ev-contact-phone').fill('0812-3335123')
    await byTest(page, 'ev-overview').fill('新华社区 3200 户，设创业服务站 1 个，创业指导员 2 名。')
    await page.waitForTimeout(300)
    await screenshot(page, 'evaluation-application-form')
    await byTest(page, 'ev-submit').click()
    await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click()
    await byTest(page, 'evaluation-detail').waitFor()
    await eventually(() => byTest(page, 'evaluation-detail-status').innerText(), (t) => expect(t).toContain('待街道初评'))
  })

  it('the print page lays the 申报表 out as an A4 sheet', async () => {
    const page = await signedIn('xinhua-lead', `/staff/pages/evaluation-print/index?id=${encodeURIComponent(appId)}&doc=form`)
    const sheet = byTest(page, 'print-sheet')
    await sheet.waitFor()
    expect(await sheet.innerText()).toContain('年度创业型社区申报表')
    expect(await sheet.innerText()).toContain('0812-3335123')
    // 210 mm at 96 dpi.
    expect(Math.round((await sheet.boundingBox())?.width ?? 0)).toBe(794)
    await page.waitForTimeout(300)
    await screenshot(page, 'evaluation-print-form')
  })

  it('the street reviewer passes it with an opinion', async () => {
    const page = await signedIn('bingcaogang', '/staff/pages/evaluation/index')
    await byTest(page, `evaluation-item-${communityId}`).click()
    await byTest(page, 'evaluation-decide').waitFor()
    await byTest(page, 'ev-opinion').fill('材料齐全，数据与台帐一致，同意上报。')
    // The opinion box writes in the app's proportional font, not the browser's monospace one.
    const font = await page.locator('[data-testid="ev-opinion"]:visible textarea, textarea[data-testid="ev-opinion"]:visible').first().evaluate((el) => getComputedStyle(el).fontFamily)
    expect(font).toContain('PingFang SC')
    expect(font).not.toMatch(/monospace/i)
    await page.waitForTimeout(300)
    await screenshot(page, 'evaluation-street-review')
    // The decision asks first; 取消 sends nothing.
    await byTest(page, 'ev-pass').click()
    await page.locator('.taro-modal__foot').getByText('取消', { exact: true }).click()
    await page.waitForTimeout(500)
    expect(await byTest(page, 'evaluation-detail-status').innerText()).toContain('待街道初评')
    await byTest(page, 'ev-pass').click()
    await page.locator('.taro-modal__foot').getByText('通过', { exact: true }).click()
    await eventually(() => byTest(page, 'evaluation-detail-status').innerText(), (t) => expect(t).toContain('待区县认定'))
    expect(await byTest(page, 'evaluation-history').innerText()).toContain('街道初评通过')
  })

  it('the district certifies it', async () => {
    const page = await signedIn('dongqu', `/staff/pages/evaluation-detail/index?id=${encodeURIComponent(appId)}`)
    await byTest(page, 'evaluation-decide').waitFor()
    await byTest(page, 'ev-opinion').fill('达到创建标准，予以认定。')
    await byTest(page, 'ev-certify').click()
    // 认定 cannot be taken back: it asks first, saying so.
    const modal = page.locator('.taro-modal__content:visible')
    await eventually(() => modal.innerText(), (t) => expect(t).toContain('认定后不能撤回'))
    expect(await byTest(page, 'evaluation-detail-status').innerText()).toContain('待区县认定')
    await page.locator('.taro-modal__foot').getByText('认定', { exact: true }).click()
    await eventually(() => byTest(page, 'evaluation-detail-status').innerText(), (t) => expect(t).toContain('已认定'))
  })

  it('the city draws a reproducible sample and records a phone follow-up', async () => {
    const page = await signedIn('city', `/staff/pages/evaluation-spotcheck/index?id=${encodeURIComponent(appId)}`)
    await byTest(page, 'evaluation-spotcheck').waitFor()
    await byTest(page, 'spot-seed').fill(`${year}1205`)
    await byTest(page, 'spot-size').fill('3')
    await byTest(page, 'spot-draw').click()
    await eventually(() => page.locator('[data-testid^="spot-row-"]:visible').count(), (n) => expect(n).toBeGreaterThan(0))
    const first = page.locator('[data-testid^="spot-row-"]:visible').first()
    expect(await first.innerText()).toMatch(/\d{3}\*{4}\d{4}/)
    await first.locator('[data-testid="spot-call"]').click()
    await first.locator('[data-testid="call-confirms"]').click()
    await first.locator('[data-testid="call-sat-5"]').click()
    await first.locator('[data-testid="call-save"]').click()
    await eventually(() => first.innerText(), (t) => expect(t).toContain('确认受到帮扶'))
    await eventually(() => byTest(page, 'spot-summary').innerText(), (t) => expect(t).toContain('100.0%'))
    await page.waitForTimeout(300)
    await screenshot(page, 'evaluation-spot-check')
    const view = await api<{ status: string; calls: unknown[]; sample: { seed: string } }>('city', 'get', { id: appId })
    expect(view).toMatchObject({ status: 'certified', sample: { seed: `${year}1205` } })
    expect(view.calls).toHaveLength(1)
  })
})
