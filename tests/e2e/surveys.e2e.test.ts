import type { Browser, Page } from 'playwright-core'
import { baseUrl, eventually, launch, phone, screenshot } from './browser'
import { pickCommunity, staffPage } from './api'

/**
 * The satisfaction survey story, in Chromium against the real local runtime: three residents of
 * 金沙社区 answer the seeded environment survey one question per screen (all 非常满意, all 满意,
 * all 一般), staff close it, and the results page shows the index those answers must give:
 * every dimension 75.0, composite 75.0, 满意率 66.7%, n = 3 with the low-confidence warning,
 * compared with last quarter's seeded survey. A resident then reads the results in 我的.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const SURVEY = 'svy_demo_jinsha_env_now'
const QUESTIONS = 10
const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

async function answerAll(page: Page, level: 5 | 4 | 3, shots: boolean, comment?: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/pkg-policy/pages/survey/index?id=${SURVEY}`)
  // A new resident has no community yet: the page asks for it first.
  await byTest(page, 'survey-community').waitFor()
  if (shots) await screenshot(page, 'survey-choose-community')
  await pickCommunity(page, 'c-jinsha')
  await byTest(page, 'community-confirm').click()
  await byTest(page, 'survey-intro').waitFor()
  expect(await byTest(page, 'survey-title').innerText()).toContain('创业环境满意度调查')
  if (shots) await screenshot(page, 'survey-intro')
  await byTest(page, 'start-button').click()
  for (let i = 0; i < QUESTIONS; i++) {
    const screen = page.locator(`[data-testid="survey-question"][data-index="${i}"]`)
    await screen.waitFor()
    const withComment = (await byTest(page, 'comment-input').count()) > 0
    if (shots && i === 2) await screenshot(page, 'survey-question')
    await byTest(page, `option-${level}`).click()
    if (withComment) {
      if (comment && i === 1) {
        await byTest(page, 'comment-input').fill(comment)
        await screenshot(page, 'survey-question-comment')
      }
      await byTest(page, 'next-button').click()
    }
  }
  await byTest(page, 'survey-review').waitFor()
  if (shots) await screenshot(page, 'survey-review')
  await byTest(page, 'submit-button').click()
  await byTest(page, 'survey-done').waitFor()
  if (shots) await screenshot(page, 'survey-done')
}

describe('satisfaction survey end to end', () => {
  const residents: Page[] = []

  it('three residents answer the open survey, one question per screen', async () => {
    for (const [i, level] of ([5, 4, 3] as const).entries()) {
      const page = await phone(browser)
      residents.push(page)
      await answerAll(page, level, i === 0, i === 2 ? '希望贷款审批再快一些' : undefined)
    }
    // Back on the home page the survey is listed as answered.
    const first = residents[0]
    await first.goto(`${baseUrl()}/`)
    const row = byTest(first, 'survey-entry-row').filter({ hasText: '创业环境满意度调查' })
    await eventually(() => row.innerText(), (t) => expect(t).toContain('已填写'))
    await screenshot(first, 'survey-home-entry')
  })

  it('answering again shows my answer and replaces it, without counting me twice', async () => {
    const page = residents[1]
    await page.goto(`${baseUrl()}/#/pkg-policy/pages/survey/index?id=${SURVEY}`)
    await byTest(page, 'already-answered').waitFor()
    await byTest(page, 'start-button').click()
    // My earlier answer (满意) is selected; keep it and go through to the end.
    await page.locator('[data-testid="survey-question"][data-index="0"]').waitFor()
    expect(await byTest(page, 'option-4').getAttribute('aria-checked')).toBe('true')
    for (let i = 0; i < QUESTIONS; i++) {
      await page.locator(`[data-testid="survey-question"][data-index="${i}"]`).waitFor()
      await byTest(page, 'next-button').click()
    }
    await byTest(page, 'submit-button').click()
    await eventually(() => byTest(page, 'survey-done').innerText(), (t) => expect(t).toContain('已更新你的回答'))
  })

  it('staff close the survey and the results page shows the expected index', async () => {
    // A fresh tab of the signed-in session: Taro's H5 router keeps earlier pages hidden in the DOM.
    const staff = await staffPage((await phone(browser)).context(), 'jinsha', `${baseUrl()}/#/staff/pages/surveys/index`)
    const row = staff.locator(`[data-testid="survey-row"][data-id="${SURVEY}"]`)
    await row.waitFor()
    expect(await row.innerText()).toContain('已收 3 份')
    await staff.waitForTimeout(800)
    await screenshot(staff, 'staff-surveys')
    await row.locator('[data-testid="row-results"]').click()
    await byTest(staff, 'staff-results').waitFor()
    await byTest(staff, 'close-button').click()
    await staff.locator('.taro-modal__foot .taro-model__btn', { hasText: '结束' }).click()
    await eventually(() => byTest(staff, 'staff-results').getAttribute('data-state'), (v) => expect(v).toBe('closed'))
    await staff.waitForTimeout(1800) // the 已结束 toast fades

    expect(await byTest(staff, 'summary-composite').innerText()).toBe('75.0')
    expect(await byTest(staff, 'summary-rate').innerText()).toBe('66.7%')
    expect(await byTest(staff, 'summary-n').innerText()).toBe('3')
    await byTest(staff, 'summary-low-confidence').waitFor()
    for (const dim of ['policy', 'financing', 'site', 'procedures', 'training', 'publicService', 'atmosphere']) {
      expect(await byTest(staff, `summary-dim-${dim}`).innerText()).toContain('75.0')
    }
    // Every question: one 非常满意, one 满意, one 一般.
    expect(await byTest(staff, 'dist-q1').innerText()).toContain('3 人回答')
    expect(await byTest(staff, 'comments').innerText()).toContain('希望贷款审批再快一些')
    // Export: the browser receives the workbook.
    const [download] = await Promise.all([staff.waitForEvent('download'), byTest(staff, 'export-button').click()])
    expect(download.suggestedFilename()).toMatch(/^2026年第四季度创业环境满意度调查-金沙社区-2026-Q4\.xlsx$/)
    await staff.waitForTimeout(1800) // the 已下载 toast fades
    // Last quarter's seeded survey is the comparison.
    expect(await byTest(staff, 'staff-results').innerText()).toContain('第三季度')
    await staff.evaluate(() => window.scrollTo(0, 0))
    await screenshot(staff, 'staff-survey-results')

    // The desk view at 1366×768.
    await staff.setViewportSize({ width: 1366, height: 768 })
    await staff.waitForTimeout(300)
    await screenshot(staff, 'staff-survey-results-desk')
  })

  it('staff create a service survey from the template, weight a dimension, and publish it', async () => {
    // A fresh tab of the signed-in session: Taro's H5 router keeps earlier pages hidden in the DOM.
    const staff = await staffPage((await phone(browser)).context(), 'jinsha', `${baseUrl()}/#/staff/pages/surveys/index`)
    await byTest(staff, 'new-survey-button').click()
    await byTest(staff, 'template-service').click()
    await byTest(staff, 'survey-editor').waitFor()
    // An emptied title is caught before anything is sent.
    await byTest(staff, 'field-title-input').fill('')
    await byTest(staff, 'publish-button').click()
    await eventually(() => byTest(staff, 'field-title').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    await byTest(staff, 'field-title-input').fill('2026 年第四季度社区创业服务满意度调查')
    await byTest(staff, 'dimension-0-weight').fill('2')
    await staff.waitForTimeout(2800) // the "还有 N 处需要修改" toast fades
    await staff.evaluate(() => window.scrollTo(0, 0))
    await screenshot(staff, 'staff-survey-editor')
    await staff.evaluate(() => document.querySelector('[data-testid="dimension-2"]')?.scrollIntoView({ block: 'center' }))
    await staff.waitForTimeout(200)
    await screenshot(staff, 'staff-survey-editor-weights')
    await byTest(staff, 'publish-button').click()
    const row = byTest(staff, 'survey-row').filter({ hasText: '社区创业服务满意度调查' })
    await row.waitFor()
    expect(await row.getAttribute('data-state')).toBe('open')
  })

  it('a resident reads the community’s results in 我的 → 满意度调查 once the survey has closed', async () => {
    const page = residents[0]
    await page.goto(`${baseUrl()}/#/pages/mine/index`)
    await byTest(page, 'my-surveys-entry').click()
    await byTest(page, 'my-surveys').waitFor()
    const row = byTest(page, 'survey-entry-row').filter({ hasText: '创业环境满意度调查' }).filter({ hasText: '已结束' }).first()
    await row.waitFor()
    await row.click()
    await byTest(page, 'survey-results').waitFor()
    await eventually(() => byTest(page, 'summary-composite').innerText(), (t) => expect(t).toBe('75.0'))
    await page.waitForTimeout(800) // let the page's slide-in finish before the picture
    await screenshot(page, 'survey-resident-results')
    // And a closed survey takes no more answers.
    await page.goto(`${baseUrl()}/#/pkg-policy/pages/survey/index?id=${SURVEY}`)
    await byTest(page, 'survey-results').waitFor()
    expect(await byTest(page, 'start-button').count()).toBe(0)
  })
})
