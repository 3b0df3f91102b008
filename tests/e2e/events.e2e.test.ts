import type { Browser, BrowserContext, Page } from 'playwright-core'
import { byTest, staffPage } from './api'
import { baseUrl, eventually, launchDesk, phone, reopen, screenshot } from './browser'
import { decodeImage } from './qr'

/**
 * Promotion events end to end, in Chromium against the real local runtime: staff open the
 * poster and the check-in screen of 金沙社区's event that is on today; the test decodes the QR
 * PNGs the runtime serves, opens the poster's URL as a new resident who signs up, then the
 * check-in screen's URL, which checks them in. Staff see the count move and the attendee list.
 */
let browser: Browser
let desk: BrowserContext
beforeAll(async () => ({ browser, desk } = await launchDesk()))
afterAll(() => browser?.close())

const TODAY_EVENT = 'ev_JinSha02'

describe('promotion events end to end', () => {
  let staff: Page
  let resident: Page
  let posterUrl = ''

  it('staff sign in and see their events with live counts', async () => {
    staff = await staffPage(desk, 'jinsha', `${baseUrl()}/#/staff/pages/events/index`)
    await byTest(staff, 'staff-event-list').waitFor()
    const titles = await byTest(staff, 'staff-event-row').allInnerTexts()
    expect(titles.join('\n')).toContain('创业担保贷款政策宣讲会')
    expect(titles.join('\n')).toContain('返乡青年创业沙龙')
    await staff.waitForTimeout(500)
    await screenshot(staff, 'staff-events-desk')
  })

  it('the poster carries a QR code of the event page that the runtime rendered', async () => {
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/event-poster/index?id=${TODAY_EVENT}`)
    await byTest(staff, 'poster-sheet').waitFor()
    await eventually(() => decodeImage(staff, 'poster-code'), (url) => expect(url).toMatch(/\/\?s=p\.[^#]+#\/pkg-event\/pages\/event\/index\?scene=p\./))
    posterUrl = await decodeImage(staff, 'poster-code')
    expect(posterUrl.startsWith(baseUrl())).toBe(true)
    const scene = decodeURIComponent(new URL(posterUrl.replace('/#/', '/')).searchParams.get('scene') ?? '')
    expect(scene.length).toBeLessThanOrEqual(32)
    await staff.setViewportSize({ width: 900, height: 1300 })
    await staff.waitForTimeout(400)
    await screenshot(staff, 'event-poster')
    // Printed: one A4 page holding the sheet alone.
    await staff.evaluate(() => {
      window.print = () => undefined
    })
    await byTest(staff, 'print-button').click()
    await staff.emulateMedia({ media: 'print' })
    const printed = await staff.evaluate(() => {
      const sheet = document.querySelector('.event-poster__sheet:not([hidden])') as HTMLElement
      const tip = document.querySelector('.event-poster__tip') as HTMLElement
      return { sheet: getComputedStyle(sheet).visibility, tip: getComputedStyle(tip).visibility, width: sheet.getBoundingClientRect().width }
    })
    expect(printed.sheet).toBe('visible')
    expect(printed.tip).toBe('hidden')
    expect(Math.round(printed.width)).toBe(794) // 210 mm at 96 dpi
    await staff.emulateMedia({ media: 'screen' })
    await staff.setViewportSize({ width: 1366, height: 768 })
  })

  it('a new resident opens the scanned URL and signs up', async () => {
    resident = await phone(browser)
    resident = await reopen(resident, posterUrl)
    await byTest(resident, 'signup-form').waitFor()
    expect(await byTest(resident, 'event-page').innerText()).toContain('创业担保贷款政策宣讲会')
    // The schema's own messages, before anything is sent.
    await byTest(resident, 'signup-button').click()
    await eventually(() => byTest(resident, 'signup-form').innerText(), (v) => expect(v).toContain('请填写 11 位手机号'))
    await byTest(resident, 'signup-name').fill('李小花')
    await byTest(resident, 'signup-phone').fill('13912345678')
    await resident.waitForTimeout(300)
    await screenshot(resident, 'event-signup-form')
    await byTest(resident, 'signup-button').click()
    await byTest(resident, 'my-status').waitFor()
    expect(await byTest(resident, 'my-status').getAttribute('data-status')).toBe('confirmed')
    expect(await byTest(resident, 'my-status').innerText()).toContain('139****5678')
    await eventually(() => byTest(resident, 'event-seats').innerText(), (v) => expect(v).toContain('已报名'))
    await resident.waitForTimeout(1800) // the 报名成功 toast fades
    await screenshot(resident, 'event-page')
  })

  it('the check-in screen shows a rotating code; scanning it checks the resident in', async () => {
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/event-checkin/index?id=${TODAY_EVENT}`)
    await byTest(staff, 'checkin-screen').waitFor()
    await eventually(() => decodeImage(staff, 'checkin-code'), (url) => expect(url).toMatch(/scene=c\./))
    const checkinUrl = await decodeImage(staff, 'checkin-code')
    expect(checkinUrl).not.toBe(posterUrl)
    await screenshot(staff, 'event-checkin')

    resident = await reopen(resident, checkinUrl)
    await byTest(resident, 'checkin-success').waitFor()
    const done = await byTest(resident, 'checkin-success').innerText()
    expect(done).toContain('签到成功')
    expect(done).toContain('说说你的感受')
    expect(done).toContain('我也想创业')
    expect(await byTest(resident, 'intent-link').count()).toBe(1)
    await resident.waitForTimeout(500)
    await screenshot(resident, 'event-checked-in')

    // The same code again: already checked in, nothing changes.
    resident = await reopen(resident, `${baseUrl()}/#/pages/events/index`)
    resident = await reopen(resident, checkinUrl)
    await byTest(resident, 'checkin-success').waitFor()
    expect(await byTest(resident, 'checkin-success').innerText()).toContain('你已签到')

    // The screen's live count moves.
    await eventually(() => byTest(staff, 'count-checked-in').innerText(), (v) => expect(v).toContain('1'), 15000)
  })

  it('staff see the attendee with a masked phone', async () => {
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/event-attendees/index?id=${TODAY_EVENT}`)
    await byTest(staff, 'attendee-list').waitFor()
    const rows = await byTest(staff, 'attendee-row').allInnerTexts()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('李小花')
    expect(rows[0]).toContain('139****5678')
    expect(rows[0]).not.toContain('13912345678')
    expect(await byTest(staff, 'attendee-row').getAttribute('data-status')).toBe('checked_in')
    await staff.waitForTimeout(300)
    await screenshot(staff, 'event-attendees-desk')
  })

  it('when staff cancel an event, the signed-up resident finds it in 消息', async () => {
    // The resident signs up to the upcoming event from the 活动 tab, in one tap (details prefilled).
    resident = await reopen(resident, `${baseUrl()}/#/pages/events/index`)
    await byTest(resident, 'event-list').waitFor()
    await resident.waitForTimeout(300)
    await screenshot(resident, 'events-tab')
    await byTest(resident, 'event-card').filter({ hasText: '返乡青年创业沙龙' }).click()
    await byTest(resident, 'signup-form').waitFor()
    expect(await byTest(resident, 'signup-name').inputValue()).toBe('李小花')
    await byTest(resident, 'signup-button').click()
    await byTest(resident, 'my-status').waitFor()

    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/event-edit/index?id=ev_JinSha01`)
    await byTest(staff, 'field-reason-input').fill('场地临时维修，改期另行通知')
    await byTest(staff, 'cancel-event-button').click()
    await staff.locator('.taro-model__confirm:visible').click()
    await staff.getByText('已取消，通知了 1 人').waitFor()

    resident = await reopen(resident, `${baseUrl()}/#/pages/mine/index`)
    // Unread: the sign-up's own 报名成功 message and the cancellation (issue 23: sign-ups are told too).
    await eventually(() => byTest(resident, 'inbox-entry-badge').innerText(), (v) => expect(Number(v.trim())).toBeGreaterThanOrEqual(2), 15000)
    await byTest(resident, 'inbox-entry').click()
    await byTest(resident, 'inbox-item').first().waitFor()
    expect(await byTest(resident, 'inbox-list').innerText()).toContain('报名成功：返乡青年创业沙龙')
    const text = await byTest(resident, 'inbox-item').first().innerText()
    expect(text).toContain('活动取消')
    expect(text).toContain('场地临时维修')
    await resident.waitForTimeout(300)
    await screenshot(resident, 'inbox')
  })
})
