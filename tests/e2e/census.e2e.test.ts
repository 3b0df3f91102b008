import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/indices'
import type { CensusOutput } from '../../cloudfunctions/_shared/contracts/survey'
import { pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'
import { baseUrl, launch, phone, screenshot } from './browser'
import { byTest, fn, post, signInStaff } from './api'

/**
 * Issue 21 item 9 end to end: the demo's 市民创业状况调查 (run in the six demo communities) is
 * published on a page a resident opens without any account, with the city's figure, n and the
 * 当地平均数; a community's dashboard shows its 创业活动指数 against that average.
 */
let browser: Browser
const SHOTS = '/work/shots/census'

beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(() => browser?.close())

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false }).catch(() => undefined)
}

describe('市民创业状况调查 results', () => {
  it('a resident opens the public page: the city figure with n, the 当地平均数, and a district’s page from it', async () => {
    const resident = (await post<{ token: string }>('/api/auth/resident', {})).token
    const api = await fn<CensusOutput>(resident, 'survey', 'census', {})
    expect(api.figure.hidden).toBe(false)
    expect(api.average).not.toBeNull()

    const page = await phone(browser)
    await page.goto(`${baseUrl()}/#/pkg-policy/pages/census/index`)
    await byTest(page, 'census-figure').waitFor()
    await expect(byTest(page, 'census-n').innerText()).resolves.toContain(`共 ${api.figure.n} 人回答`)
    await expect(byTest(page, 'census-engaged').innerText()).resolves.toBe(`${((api.figure.engaged ?? 0) * 100).toFixed(1)}%`)
    await expect(byTest(page, 'census-average-value').innerText()).resolves.toBe(`${api.average!.percent}%`)
    await expect(byTest(page, 'census-q-s4').innerText()).resolves.toContain('缺资金')
    await shot(page, 'census-public-phone')

    // 东区: its own page, reached from the city's list.
    await page.locator('[data-testid="census-child"][data-id="d-east"]').click()
    await page.waitForURL(/orgId=d-east/)
    const east = await fn<CensusOutput>(resident, 'survey', 'census', { orgId: 'd-east' })
    await page.waitForFunction((n) => Array.from(document.querySelectorAll('[data-testid="census-n"]')).some((el) => (el as HTMLElement).innerText.includes(`共 ${n} 人回答`)), east.figure.n)
    await page.close()

    const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const wide = await desk.newPage()
    await wide.goto(`${baseUrl()}/#/pkg-policy/pages/census/index`)
    await byTest(wide, 'census-figure').waitFor()
    await shot(wide, 'census-public-desktop')
    await desk.close()
  })

  it('玉泉’s dashboard shows its 创业活动指数 against the 当地平均数, and the checklist checks it', async () => {
    const token = (await post<{ token: string }>('/api/auth/staff', { username: 'yuquan', password: 'Demo#2026' })).token
    const d = await fn<DashboardOutput>(token, 'indices', 'dashboard', { period: periodsOf(new Date()).month })
    // The demo's 玉泉 (19 engaged of 200) is above the city's computed average (81 of 1195).
    expect(d.localAverage?.above).toBe(true)
    const page = await phone(browser)
    await signInStaff(page, 'yuquan')
    const tab = await page.context().newPage()
    await tab.setViewportSize({ width: 390, height: 844 })
    await tab.goto(`${baseUrl()}/#/staff/pages/dashboard/index`)
    await byTest(tab, 'index-cards').waitFor()
    const line = byTest(tab, 'local-average')
    await line.waitFor()
    const text = await line.innerText()
    expect(text).toContain(`当地平均数 ${d.localAverage!.view.percent}%`)
    expect(text).toContain(d.localAverage!.above ? '高于平均数' : '未高于平均数')
    const check = byTest(tab, 'check-aboveLocalAverage')
    await expect(check.getAttribute('data-met')).resolves.toBe(String(d.localAverage!.above))
    await line.scrollIntoViewIfNeeded()
    await shot(tab, 'census-dashboard-phone')
    await tab.setViewportSize({ width: 1366, height: 768 })
    await line.scrollIntoViewIfNeeded()
    await shot(tab, 'census-dashboard-desktop')
    await page.context().close()
  })

  it('a community starting the census sees the city’s fixed questions read-only (no question to edit, add or remove)', async () => {
    const page = await phone(browser)
    await signInStaff(page, 'jinsha')
    await page.goto(`${baseUrl()}/#${pageUrl('surveyEdit', { template: 'census' })}`)
    await byTest(page, 'census-fixed').waitFor()
    expect(await byTest(page, 'census-fixed').locator('[data-testid^="census-question-"]').count()).toBe(5)
    await byTest(page, 'census-question-3').getByText('缺资金').waitFor()
    // Nothing to type into, add or remove; the kind cannot be switched away.
    expect(await byTest(page, 'question-0-text').count()).toBe(0)
    expect(await byTest(page, 'add-question').count()).toBe(0)
    expect(await byTest(page, 'kind-service').count()).toBe(0)
    expect(await byTest(page, 'census-fixed').locator('textarea, input').count()).toBe(0)
    await byTest(page, 'census-fixed').scrollIntoViewIfNeeded()
    await shot(page, 'census-editor-fixed-phone')
    await page.context().close()
  })
})
