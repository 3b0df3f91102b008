import { pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import type { Browser, Page } from 'playwright-core'
import type { MineOutput } from '../../cloudfunctions/_shared/contracts/intent'
import { baseUrl, launch, phone, reopen, screenshot } from './browser'
import { asResident, byTest, fn, idCard, post } from './api'

/**
 * Issue 23 end to end, as a 金沙社区 resident on a phone-sized window: a plain question in 搜一搜
 * finds the policy and opens it; after registering, the home banner offers 我的创业档案 and the
 * hotline is on the home page; staff accept the case and the message in 消息 opens the case;
 * 我的活动 lists the event and the course they signed up for, with time, place and 报名号.
 */
let browser: Browser
let resident: Page
let token = ''
let staff = ''

beforeAll(async () => {
  browser = await launch()
  token = (await post<{ token: string }>('/api/auth/resident', {})).token
  staff = (await post<{ token: string }>('/api/auth/staff', { username: 'jinsha', password: 'Demo#2026' })).token
  await fn(token, 'profile', 'save', { communityId: 'c-jinsha', targetGroups: ['returning_migrant'] })
  resident = await phone(browser)
  await asResident(resident, token)
})
afterAll(async () => {
  await browser?.close()
})

describe('a resident’s journeys (issue 23)', () => {
  it('asks search a plain question and opens the policy it answers first', async () => {
    await resident.goto(`${baseUrl()}/#/pkg-policy/pages/search/index`)
    const input = resident.locator('[data-testid="search-input"] input, input[data-testid="search-input"]').first()
    await input.fill('想开个小店有什么补贴')
    await input.press('Enter')
    const top = byTest(resident, 'search-top')
    await top.waitFor()
    const first = top.locator('.search__hit').first()
    expect(await first.innerText()).toContain('首次创业一次性创业补贴')
    await screenshot(resident, 'search-plain-question')
    await first.click()
    await byTest(resident, 'policy-detail').waitFor()
    expect(await byTest(resident, 'policy-detail').getAttribute('data-id')).toBe('pol_demo_startup_subsidy')
    // Emoji only: a hint, not an error.
    await resident.goto(`${baseUrl()}/#/pkg-policy/pages/search/index`)
    const again = resident.locator('[data-testid="search-input"] input, input[data-testid="search-input"]').first()
    await again.fill('😀😀')
    await again.press('Enter')
    await resident.getByText('试试说说你想做什么').first().waitFor()
  })

  it('after registering, home offers 我的创业档案 and the hotline; the accepted case’s message opens the case', async () => {
    await fn(token, 'intent', 'submit', {
      communityId: 'c-jinsha', name: '罗小梅', phone: '13698761234', idCard: idCard('51040219950612342'), gender: 'female', ageBand: '25-34', education: 'senior',
      household: 'rural', targetGroups: ['returning_migrant'], familySituation: '一家三口', skillLevel: 'basic', certificates: [], industry: 'catering',
      projectDescription: '想在金沙开一家卖包子的早餐店', projectPhase: 'preparing', needs: ['training'], fundingAmount: null, contactTime: 'anytime',
      projectInterestIds: [], consent: true, consentVersion: '2026-01',
    })
    const caseId = (await fn<MineOutput>(token, 'intent', 'mine', {})).current?._id ?? ''
    await resident.goto(`${baseUrl()}/#/pages/index/index`)
    await byTest(resident, 'my-case-banner').waitFor()
    expect(await byTest(resident, 'intent-entry').count()).toBe(0)
    await byTest(resident, 'hotline-card').waitFor()
    expect(await byTest(resident, 'hotline-card').innerText()).toContain('0812-2221234')

    await fn(staff, 'ledger', 'accept', { id: caseId })
    await resident.goto(`${baseUrl()}/#/pkg-me/pages/inbox/index`)
    const item = byTest(resident, 'inbox-item').filter({ hasText: '你的创业意向已受理' })
    await item.waitFor()
    await screenshot(resident, 'inbox-case-accepted')
    await item.click()
    await byTest(resident, 'my-case').waitFor()
    expect(resident.url()).toContain('/pkg-me/pages/my-case/index')
  })

  it('我的活动 lists the event and the course I signed up for, with time, place and 报名号', async () => {
    await fn(token, 'event', 'signup', { eventId: 'ev_JinSha01', name: '罗小梅', phone: '13698761234', requestId: 'req-e2e-journeys-0001' })
    await fn(token, 'training', 'enrol', { courseId: 'co_CityChef', name: '罗小梅', phone: '13698761234' })
    await resident.goto(`${baseUrl()}/#${pageUrl('noticeSettings')}`)
    await byTest(resident, 'notice-switches').waitFor()
    // Turn one kind off and back on: the switch says 关 / 开 in words.
    const site = byTest(resident, 'notice-switch-site')
    await site.click()
    await resident.waitForFunction(() => document.querySelector('[data-testid="notice-switch-site"]')?.getAttribute('data-on') === 'false')
    await byTest(resident, 'notice-switches').scrollIntoViewIfNeeded()
    await screenshot(resident, 'mine-notice-switches')
    await site.click()
    await resident.waitForFunction(() => document.querySelector('[data-testid="notice-switch-site"]')?.getAttribute('data-on') === 'true')
    resident = await reopen(resident, `${baseUrl()}/#/pages/mine/index`)
    await byTest(resident, 'my-activities-entry').click()
    await byTest(resident, 'my-activities').waitFor()
    const rows = byTest(resident, 'my-activity')
    await rows.first().waitFor()
    const text = await byTest(resident, 'my-activities').innerText()
    expect(text).toContain('返乡青年创业沙龙：开一家社区小店')
    expect(text).toContain('中式面点师技能培训')
    expect(text).toContain('金沙社区党群服务中心 二楼多功能厅')
    expect(await byTest(resident, 'my-activity-code').first().innerText()).toMatch(/报名号 \d+/)
    await screenshot(resident, 'my-activities')
  })

  it('offline, taps outside forms say so and what to do next; back online the same tap works', async () => {
    const offlineWords = '没有连上网络，请打开网络或换个有信号的地方，再点一次'
    // 1. A notice switch in 我的 → 消息提醒 (a fresh load: the router keeps the pages opened before).
    resident = await reopen(resident, `${baseUrl()}/#${pageUrl('noticeSettings')}`)
    const sw = byTest(resident, 'notice-switch-feedback')
    await sw.waitFor()
    expect(await sw.getAttribute('data-on')).toBe('true')
    await resident.context().setOffline(true)
    try {
      await sw.click()
      await resident.getByText(offlineWords).first().waitFor()
      expect(await sw.getAttribute('data-on')).toBe('true')
      await screenshot(resident, 'offline-switch')
    } finally {
      await resident.context().setOffline(false)
    }
    await resident.waitForTimeout(2700) // the toast fades
    await sw.click()
    await resident.waitForFunction(() => document.querySelector('[data-testid="notice-switch-feedback"]')?.getAttribute('data-on') === 'false')

    // 2. A search asked with the network cut: the page says offline, not a blank or a generic error.
    resident = await reopen(resident, `${baseUrl()}/#/pkg-policy/pages/search/index`)
    const input = resident.locator('[data-testid="search-input"] input, input[data-testid="search-input"]').first()
    await input.waitFor()
    await resident.context().setOffline(true)
    try {
      await input.fill('创业担保贷款')
      await input.press('Enter')
      await resident.getByText(offlineWords).first().waitFor()
      await screenshot(resident, 'offline-search')
    } finally {
      await resident.context().setOffline(false)
    }
  })
})
