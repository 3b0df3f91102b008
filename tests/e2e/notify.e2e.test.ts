import { pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, eventually, launchDesk, phone, reopen, screenshot } from './browser'
import { byTest, pickCommunity, staffPage } from './api'

/**
 * Policy reminders end to end, in Chromium against the real local runtime: a new resident is
 * asked to choose a community before subscribing, chooses 金沙社区, subscribes to 孵化场地 on 我的;
 * 金沙社区's staff push the community's 创业工位 policy (category 孵化场地) and watch the counts;
 * the resident sees the message in 消息 with a badge on 我的, opens it and lands on the policy.
 */
let browser: Browser
let desk: BrowserContext
beforeAll(async () => ({ browser, desk } = await launchDesk({ width: 1366, height: 900 })))
afterAll(() => browser?.close())

const POLICY = 'pol_demo_jinsha_site'

describe('policy reminders end to end', () => {
  let resident: Page
  let staff: Page

  it('a resident without a community is sent to choose one, then subscribes to a topic in 我的 → 消息提醒', async () => {
    resident = await phone(browser)
    await resident.goto(`${baseUrl()}/#/pages/mine/index`)
    await byTest(resident, 'notice-settings-entry').click()
    await byTest(resident, 'notice-settings').waitFor()
    await byTest(resident, 'mine-subscribe-button').click()
    await byTest(resident, 'mine-subscribe-needs-community').waitFor()
    await byTest(resident, 'mine-subscribe-needs-community').click()
    await pickCommunity(resident, 'c-jinsha')
    await byTest(resident, 'save-button').click()
    await resident.waitForTimeout(900)

    resident = await reopen(resident, `${baseUrl()}/#${pageUrl('noticeSettings')}`)
    await byTest(resident, 'mine-subscribe-button').click()
    await byTest(resident, 'mine-subscribe-sheet').waitFor()
    expect(await byTest(resident, 'mine-subscribe-needs-community').count()).toBe(0)
    await byTest(resident, 'mine-subscribe-category-incubation').click()
    await resident.waitForTimeout(400)
    await screenshot(resident, 'notify-subscribe-sheet')
    await byTest(resident, 'mine-subscribe-confirm').click()
    await eventually(() => byTest(resident, 'mine-subscribe-summary').innerText(), (v) => expect(v).toContain('已订阅：孵化场地'))
    expect(await byTest(resident, 'mine-subscribe').getAttribute('data-active')).toBe('true')
    await resident.waitForTimeout(1600) // the toast fades
    await screenshot(resident, 'notify-mine-subscribed')
    // No message yet.
    resident = await reopen(resident, `${baseUrl()}/#/pages/mine/index`)
    await byTest(resident, 'inbox-entry').waitFor()
    expect(await byTest(resident, 'inbox-entry-badge').count()).toBe(0)
  })

  it('the policy page offers the same reminder', async () => {
    resident = await reopen(resident, `${baseUrl()}/#/pkg-policy/pages/policy-detail/index?id=${POLICY}`)
    await byTest(resident, 'policy-subscribe').waitFor()
    await eventually(() => byTest(resident, 'policy-subscribe-summary').innerText(), (v) => expect(v).toContain('已订阅'))
    await byTest(resident, 'policy-subscribe').scrollIntoViewIfNeeded()
    await resident.waitForTimeout(300)
    await screenshot(resident, 'notify-policy-subscribe')
  })

  it('staff push the matching policy to their community and watch the counts', async () => {
    staff = await staffPage(desk, 'jinsha', `${baseUrl()}/#/staff/pages/policies/index`)
    await byTest(staff, 'manage-list').waitFor()
    await staff.locator(`[data-testid="policy-row"][data-id="${POLICY}"]:visible [data-testid="row-push"]`).click()
    await byTest(staff, 'policy-push').waitFor()
    await byTest(staff, 'push-none').waitFor()
    // 金沙社区 is the only community in this account's scope: already chosen.
    expect(await byTest(staff, 'push-community-c-jinsha').getAttribute('class')).toContain('active')
    await byTest(staff, 'push-button').click()
    await staff.locator('.taro-modal__foot').getByText('推送', { exact: true }).click()
    await eventually(() => byTest(staff, 'push-status').getAttribute('data-done'), (v) => expect(v).toBe('true'), 20000)
    expect(Number(await byTest(staff, 'push-recipients').innerText())).toBeGreaterThanOrEqual(1)
    expect(Number(await byTest(staff, 'push-queued').innerText())).toBe(0)
    expect(Number(await byTest(staff, 'push-sent').innerText())).toBe(Number(await byTest(staff, 'push-recipients').innerText()))
    await staff.waitForTimeout(1800)
    await screenshot(staff, 'notify-staff-push-status')
  })

  it('the resident sees it in 消息 with a badge, opens it and lands on the policy; staff see the open', async () => {
    resident = await reopen(resident, `${baseUrl()}/#/pages/mine/index`)
    await eventually(() => byTest(resident, 'inbox-entry-badge').innerText(), (v) => expect(v).toBe('1'))
    await screenshot(resident, 'notify-mine-badge')
    await byTest(resident, 'inbox-entry').click()
    await byTest(resident, 'inbox-list').waitFor()
    const item = byTest(resident, 'inbox-item').first()
    expect(await item.innerText()).toContain('金沙社区创业工位免费申请')
    expect(await item.getAttribute('data-read')).toBe('false')
    await resident.waitForTimeout(300)
    await screenshot(resident, 'notify-inbox')
    await item.click()
    await eventually(() => byTest(resident, 'policy-detail').getAttribute('data-id'), (v) => expect(v).toBe(POLICY))

    resident = await reopen(resident, `${baseUrl()}/#/pages/mine/index`)
    await byTest(resident, 'inbox-entry').waitFor()
    await resident.waitForTimeout(800)
    expect(await byTest(resident, 'inbox-entry-badge').count()).toBe(0)

    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/policy-push/index?id=${POLICY}`)
    await eventually(() => byTest(staff, 'push-funnel').innerText(), (v) => expect(v).toMatch(/打开\s*1\s*人/))
  })
})
