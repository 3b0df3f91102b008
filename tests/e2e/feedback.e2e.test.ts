import { PNG } from 'pngjs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FeedbackStatsOutput } from '../../cloudfunctions/_shared/contracts/feedback'
import { byTest, fn, pickCommunity, staffPage, staffToken } from './api'
import { baseUrl, eventually, launchDesk, phone, reopen, screenshot } from './browser'

/**
 * Feedback end to end, in Chromium against the real local runtime: a resident files a complaint
 * to 金沙社区 with a photo, staff of the community reply in their inbox, the resident rates the
 * answer; the community's and the street's counts (`feedback.stats`, whose indices are read
 * from the counters) move with each step, and the street never sees who complained.
 */
let browser: Browser
let desk: BrowserContext
beforeAll(async () => ({ browser, desk } = await launchDesk()))
afterAll(() => browser?.close())

/** A small real PNG: an orange square with a darker band, like a photo of a notice. */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 })
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < 64; x++) {
      const i = (y * 64 + x) * 4
      const band = y > 18 && y < 30
      png.data[i] = band ? 180 : 245
      png.data[i + 1] = band ? 90 : 160
      png.data[i + 2] = 40
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}

const stats = (token: string) => fn<FeedbackStatsOutput>(token, 'feedback', 'stats', {})

describe('feedback end to end', () => {
  let resident: Page
  let staff: Page
  let communityToken = ''
  let streetToken = ''
  let before: FeedbackStatsOutput
  let detailUrl = ''
  const complaint = '上周去社区服务站问创业补贴，窗口让我来回跑了三趟，材料清单每次说的都不一样。'
  const answer = '非常抱歉给你添了麻烦。已把完整材料清单贴在服务站门口，周三上午请直接找王指导员办理。'

  beforeAll(async () => {
    communityToken = await staffToken('jinsha')
    streetToken = await staffToken('bingcaogang')
    before = await stats(communityToken)
  })

  it('a resident files a complaint with a photo from 我的', async () => {
    resident = await phone(browser)
    await resident.goto(`${baseUrl()}/#/pages/mine/index`)
    await byTest(resident, 'feedback-entry').click()
    await byTest(resident, 'feedback-submit').waitFor()
    // The schema's own messages before anything is sent.
    await byTest(resident, 'feedback-submit').click()
    await eventually(() => byTest(resident, 'field-kind').innerText(), (v) => expect(v).toContain('请选择反馈类型'))

    await byTest(resident, 'kind-service_complaint').click()
    await pickCommunity(resident, 'c-jinsha')
    await byTest(resident, 'feedback-text').fill(complaint)
    const chooser = resident.waitForEvent('filechooser')
    await byTest(resident, 'feedback-add-photo').click()
    await (await chooser).setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: photo() })
    await eventually(() => byTest(resident, 'feedback-photo').count(), (n) => expect(n).toBe(1))
    await byTest(resident, 'field-kind').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await resident.waitForTimeout(1500) // the validation toast fades
    await screenshot(resident, 'feedback-form')

    await byTest(resident, 'feedback-submit').click()
    await byTest(resident, 'feedback-detail').waitFor()
    expect(await byTest(resident, 'feedback-detail').getAttribute('data-status')).toBe('received')
    expect(await byTest(resident, 'feedback-text').innerText()).toBe(complaint)
    // The photo comes back through the runtime's signed link.
    await eventually(
      () => byTest(resident, 'feedback-photo').evaluate((el) => (el.querySelector('img') ?? (el as HTMLImageElement)).naturalWidth),
      (w) => expect(w).toBe(64),
    )
    detailUrl = resident.url()
    await resident.waitForTimeout(1800) // the 已提交 toast fades
    await screenshot(resident, 'feedback-detail-received')

    const after = await stats(communityToken)
    expect(after.counts.received).toBe(before.counts.received + 1)
    expect(after.indices.received).toBe(before.indices.received + 1)
    expect(after.indices.complaintsUnresolved).toBe(before.indices.complaintsUnresolved + 1)
  })

  it('staff of the community see it in their inbox and reply', async () => {
    staff = await staffPage(desk, 'jinsha', `${baseUrl()}/#/staff/pages/feedback-inbox/index`)
    await byTest(staff, 'inbox-row').first().waitFor()
    const first = byTest(staff, 'inbox-row').filter({ hasText: complaint.slice(0, 20) })
    expect(await first.innerText()).toContain('居民')
    expect(await first.innerText()).toContain('1 张照片')
    await eventually(() => byTest(staff, 'count-received').innerText(), (v) => expect(v).toContain(String(before.counts.received + 1)))
    await staff.waitForTimeout(300)
    await screenshot(staff, 'feedback-staff-inbox')

    await first.click()
    await byTest(staff, 'feedback-item').waitFor()
    await eventually(() => byTest(staff, 'item-photo').count(), (n) => expect(n).toBe(1))
    await byTest(staff, 'item-reply-text').fill(answer)
    await byTest(staff, 'item-reply-submit').click()
    await eventually(() => byTest(staff, 'feedback-item').getAttribute('data-status'), (s) => expect(s).toBe('answered'))
    await eventually(() => byTest(staff, 'item-msg-reply').innerText(), (v) => expect(v).toContain('周三上午'))
    await staff.waitForTimeout(1800)
    await screenshot(staff, 'feedback-staff-item')

    const after = await stats(communityToken)
    expect(after.counts.answered).toBe(before.counts.answered + 1)
    expect(after.indices.answered).toBe(before.indices.answered + 1)
    expect(after.indices.answeredOnTime).toBe(before.indices.answeredOnTime + 1)
  })

  it('the resident reads the answer and rates it; the counts move', async () => {
    resident = await reopen(resident, detailUrl)
    await byTest(resident, 'feedback-reply').first().waitFor()
    expect(await byTest(resident, 'feedback-reply').first().innerText()).toContain(answer)
    await byTest(resident, 'feedback-star-4').click()
    await resident.waitForTimeout(200)
    await screenshot(resident, 'feedback-detail-answered')
    await byTest(resident, 'feedback-rate-submit').click()
    await eventually(() => byTest(resident, 'feedback-detail').getAttribute('data-status'), (s) => expect(s).toBe('closed'))
    await byTest(resident, 'feedback-my-rating').waitFor()
    expect(await byTest(resident, 'feedback-reopen').count()).toBe(1)
    await resident.waitForTimeout(1800)
    await screenshot(resident, 'feedback-detail-rated')

    const after = await stats(communityToken)
    expect(after.counts.closed).toBe(before.counts.closed + 1)
    expect(after.indices.ratings).toBe(before.indices.ratings + 1)
    expect(after.indices.ratingSum).toBe(before.indices.ratingSum + 4)
    expect(after.indices.complaintsUnresolved).toBe(before.indices.complaintsUnresolved)

    // 我的反馈 lists it as done.
    resident = await reopen(resident, `${baseUrl()}/#/pkg-me/pages/my-feedback/index`)
    await byTest(resident, 'my-feedback-row').first().waitFor()
    expect(await byTest(resident, 'my-feedback-row').first().getAttribute('data-status')).toBe('closed')
    await resident.waitForTimeout(300)
    await screenshot(resident, 'feedback-mine-list')
  })

  it('the street sees the counts of its communities and no identity', async () => {
    const street = await stats(streetToken)
    const jinsha = street.communities.find((c) => c.orgId === 'c-jinsha')
    expect(jinsha?.counts.closed).toBe(before.counts.closed + 1)
    expect(street.indices.ratings).toBeGreaterThanOrEqual(1)
    const json = JSON.stringify(street)
    expect(json).not.toContain('h5_')
    expect(json).not.toContain(complaint.slice(0, 10))
  })
})
