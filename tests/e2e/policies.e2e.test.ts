import type { Browser, Page } from 'playwright-core'
import { fillAll, openSection, pickCommunity } from './api'
import { baseUrl, eventually, launch, phone, screenshot, untilFormSettled } from './browser'

/**
 * The foundation's end-to-end story, in Chromium against the real local runtime:
 * a resident sets their groups, filters policies and opens one; a staff member signs in and
 * publishes a new policy; the resident then finds it.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

async function cardTitles(page: Page): Promise<string[]> {
  await byTest(page, 'policy-card').first().waitFor()
  return (await byTest(page, 'policy-card').locator('.policy-card__title').allTextContents()).map((t) => t.trim())
}

const NEW_TITLE = '金沙社区返乡青年直播带货扶持'

describe('policies end to end', () => {
  let resident: Page

  it('a resident browses, sets their community and groups, and filters to what fits them', async () => {
    resident = await phone(browser)
    await resident.goto(`${baseUrl()}/`)
    const all = await cardTitles(resident)
    expect(all.length).toBeGreaterThanOrEqual(10)
    expect(all).not.toContain('退役军人创业扶持') // lapsed on 2025-12-31
    expect(all).not.toContain('东区巾帼创业小额贷款（征求意见稿）') // a draft
    await screenshot(resident, 'home')

    // 适合我 with no groups set leads to the profile page.
    await byTest(resident, 'for-me-toggle').click()
    await pickCommunity(resident, 'c-jinsha')
    await byTest(resident, 'group-farmer').click()
    await byTest(resident, 'save-button').click()

    // Back on the list, 适合我 shows only policies for farmers, from 金沙社区's chain.
    await byTest(resident, 'policy-list').waitFor()
    if ((await byTest(resident, 'for-me-toggle').getAttribute('data-active')) !== 'true') {
      await byTest(resident, 'for-me-toggle').click()
    }
    await eventually(async () => (await cardTitles(resident)).sort(), (v) => expect(v).toEqual(
      ['创业担保贷款及财政贴息', '创业培训(SYB)补贴', '农民规模种养创业贷款贴息'].sort(),
    ))

    // A category chip narrows it further.
    await byTest(resident, 'chip-training_subsidy').click()
    await eventually(() => cardTitles(resident), (v) => expect(v).toEqual(['创业培训(SYB)补贴']))
    await byTest(resident, 'chip-all').click()
    await byTest(resident, 'for-me-toggle').click()
    await eventually(async () => (await cardTitles(resident)).length, (v) => expect(v).toBeGreaterThan(3))
    // 金沙社区 residents see their own community's policy, but not 西区's.
    const mine = await cardTitles(resident)
    expect(mine).toContain('金沙社区创业工位免费申请')
    expect(mine).not.toContain('西区外来创业人员同等享受政策')
  })

  it('the resident searches and opens a policy to read how to apply', async () => {
    await byTest(resident, 'search-input').fill('担保贷款')
    await byTest(resident, 'search-input').press('Enter')
    await eventually(() => cardTitles(resident), (v) => expect(v).toEqual(['创业担保贷款及财政贴息']))
    await byTest(resident, 'policy-card').first().click()
    const detail = byTest(resident, 'policy-detail')
    await detail.waitFor()
    const text = await detail.innerText()
    for (const expected of ['创业担保贷款及财政贴息', '申请条件', '所需材料', '办理流程', '0812-3337789', '个人最高 30 万元']) {
      expect(text).toContain(expected)
    }
    await resident.waitForTimeout(800) // let the page's slide-in finish before the picture
    await screenshot(resident, 'policy-detail')
  })

  it('a staff member signs in, writes a policy with validation help, and publishes it', async () => {
    const staff = await phone(browser)
    await staff.goto(`${baseUrl()}/#/staff/pages/login/index`)
    await byTest(staff, 'login-username').fill('jinsha')
    await byTest(staff, 'login-password').fill('wrong-password')
    await byTest(staff, 'login-button').click()
    await eventually(() => byTest(staff, 'login-error').innerText(), (v) => expect(v).toContain('账号或密码不正确'))
    await byTest(staff, 'login-password').fill('Demo#2026')
    await byTest(staff, 'login-button').click()
    // Signed in, the staff member lands on the workbench and opens 政策管理 from the staff menu.
    await byTest(staff, 'workbench-list').waitFor()
    await openSection(staff, 'policies')
    await byTest(staff, 'new-policy-button').click()

    // Submitting an empty form shows the messages beside the fields, and sends nothing.
    await byTest(staff, 'field-title-input').waitFor()
    await byTest(staff, 'publish-button').click()
    await eventually(() => byTest(staff, 'field-title').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    await untilFormSettled(staff)

    await byTest(staff, 'category-incubation').click()
    await byTest(staff, 'group-returning_migrant').click()
    await fillAll(staff, {
      'field-title-input': NEW_TITLE,
      'field-summary-input': '社区为返乡青年提供直播间和带货培训，帮助农产品卖出去。',
      'field-benefit-input': '免费使用社区直播间 6 个月，培训免费',
      'field-eligibility-0': '金沙社区居民，已登记创业意向',
      'field-materials-0': '身份证',
      'field-process-0': '到社区服务站报名，指导员安排时间',
      'field-contact-department-input': '金沙社区服务站',
      'field-contact-phone-input': '0812-2221234',
      'field-contact-address-input': '金沙社区党群服务中心 1 楼',
    })
    await eventually(() => byTest(staff, 'field-title').getAttribute('data-invalid'), (v) => expect(v).toBe('false'))
    await staff.waitForTimeout(2200) // the "还有 N 处需要修改" toast fades
    await byTest(staff, 'field-title').scrollIntoViewIfNeeded()
    await staff.evaluate(() => document.querySelectorAll('*').forEach((el) => { if (el.scrollTop > 0) el.scrollTop = 0 }))
    await screenshot(staff, 'staff-policy-editor')
    await byTest(staff, 'publish-button').click()

    const row = byTest(staff, 'policy-row').filter({ hasText: NEW_TITLE })
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('published')
    await screenshot(staff, 'staff-policies')
  })

  it('the resident finds the new policy', async () => {
    await resident.goto(`${baseUrl()}/`)
    await byTest(resident, 'search-input').fill('直播')
    await byTest(resident, 'search-input').press('Enter')
    await eventually(() => cardTitles(resident), (v) => expect(v).toEqual([NEW_TITLE]))
  })
})
