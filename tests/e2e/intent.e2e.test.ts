import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { byTest, pickCommunity, signInStaff } from './api'
import { baseUrl, eventually, launch, phone, screenshot, toTop, untilFormSettled } from './browser'

/**
 * Issue 3 end to end: a resident registers their entrepreneurial intent; staff see it masked in
 * the ledger, add a guidance follow-up the resident can see and record a started venture; the
 * resident's timeline moves; the ledger exports to a masked .xlsx.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

// A valid ID number (GB 11643 check digit) that must never appear unmasked on a staff screen.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function idCard(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return first17 + '10X98765432'[sum % 11]
}
const ID = idCard('51040219920315452')
const MASKED = `${ID.slice(0, 6)}********${ID.slice(-4)}`
const NAME = '陈春燕'


describe('intent registration and the assistance ledger', () => {
  let resident: Page

  it('a resident registers in four steps, with messages beside the fields and a draft kept on the device', async () => {
    resident = await phone(browser)
    await resident.goto(`${baseUrl()}/#/pkg-event/pages/intent-form/index`)
    await byTest(resident, 'intent-form').waitFor()

    // Step 1: a wrong ID number is caught beside the field, nothing is sent.
    await pickCommunity(resident, 'c-jinsha')
    await byTest(resident, 'field-name-input').fill(NAME)
    await byTest(resident, 'field-phone-input').fill('13987654321')
    await byTest(resident, 'field-idCard-input').fill(ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1'))
    await byTest(resident, 'gender-female').click()
    await byTest(resident, 'age-25-34').click()
    await byTest(resident, 'intent-next').click()
    await eventually(() => byTest(resident, 'field-idCard').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    expect(await byTest(resident, 'field-idCard-error').innerText()).toContain('身份证号不正确')
    expect(await byTest(resident, 'field-education').getAttribute('data-invalid')).toBe('true')
    await byTest(resident, 'field-idCard-input').fill(ID)
    await byTest(resident, 'edu-senior').click()
    await byTest(resident, 'household-rural').click()
    await byTest(resident, 'group-returning_migrant').click()
    await resident.waitForTimeout(2600) // the "还有 N 处" toast fades
    await toTop(resident)
    await screenshot(resident, 'intent-form')

    // The draft survives a reload (without the ID number).
    await resident.reload()
    await byTest(resident, 'intent-draft-restored').waitFor()
    expect(await byTest(resident, 'field-name-input').inputValue()).toBe(NAME)
    expect(await byTest(resident, 'field-idCard-input').inputValue()).toBe('')
    await byTest(resident, 'field-idCard-input').fill(ID)
    await byTest(resident, 'intent-next').click()

    // Step 2.
    await byTest(resident, 'field-familySituation-input').fill('家里三口人，孩子上初中，丈夫在外地打工')
    await byTest(resident, 'skill-basic').click()
    await byTest(resident, 'intent-next').click()

    // Step 3: a project from the reserve.
    await byTest(resident, 'industry-catering').click()
    await byTest(resident, 'field-projectDescription-input').fill('想在小区门口开早餐店，卖包子、豆浆和米线')
    await byTest(resident, 'phase-preparing').click()
    await byTest(resident, 'project-prj_demo_jinsha_breakfast').click()
    await screenshot(resident, 'intent-form-projects')
    await byTest(resident, 'intent-next').click()

    // Step 4: needs and the separate consent.
    await byTest(resident, 'need-funding').click()
    await byTest(resident, 'need-site').click()
    await byTest(resident, 'field-fundingAmount-input').fill('60000')
    await byTest(resident, 'contact-weekday_evening').click()
    await byTest(resident, 'intent-submit').click()
    await eventually(() => byTest(resident, 'field-consent').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    await untilFormSettled(resident)
    await byTest(resident, 'field-consent-tick').click()
    await byTest(resident, 'intent-submit').click()

    await byTest(resident, 'my-case').waitFor()
    expect(await byTest(resident, 'my-case').getAttribute('data-status')).toBe('pending')
    const text = await byTest(resident, 'my-case').innerText()
    expect(text).toContain(NAME)
    expect(text).toContain(MASKED)
    expect(text).not.toContain(ID)
    await resident.waitForTimeout(1200)
    await screenshot(resident, 'my-case-registered')
  })

  let caseUrl = ''

  it('staff see the registration masked in the ledger, guide the resident and record the venture', async () => {
    const signedIn = await phone(browser)
    await signInStaff(signedIn, 'jinsha')
    // A fresh tab of the same session, as a guide opening a link: Taro's H5 router keeps earlier
    // pages hidden in the DOM, and a late redirect from the sign-in page can hide a hash-navigated one.
    const staff = await signedIn.context().newPage()
    await staff.goto(`${baseUrl()}/#/staff/pages/ledger/index`)
    const row = byTest(staff, 'ledger-row').filter({ hasText: NAME })
    await row.waitFor()
    expect(await row.locator('[data-testid="row-id"]').innerText()).toBe(MASKED)
    expect(await row.locator('[data-testid="row-phone"]').innerText()).toBe('139****4321')
    expect(await staff.locator('body').innerText()).not.toContain(ID)
    await screenshot(staff, 'ledger-phone')

    // The gap list names who asked for help and has had no guidance yet.
    await byTest(staff, 'ledger-tab-unguided').click()
    await eventually(() => byTest(staff, 'ledger-row').filter({ hasText: NAME }).count(), (n) => expect(n).toBe(1))
    await byTest(staff, 'ledger-tab-ledger').click()

    await byTest(staff, 'ledger-row').filter({ hasText: NAME }).click()
    await byTest(staff, 'case-page').waitFor()
    caseUrl = staff.url()
    expect(await byTest(staff, 'case-idcard').innerText()).toBe(MASKED)
    expect(await byTest(staff, 'reveal-idcard').count()).toBe(0) // a guide may not reveal the ID number

    await byTest(staff, 'add-followup').click()
    await byTest(staff, 'fu-note-input').fill('上门一对一指导：讲解了一次性创业补贴和创业担保贷款，帮她算了开店成本')
    await byTest(staff, 'fu-outcome-input').fill('准备申请创业担保贷款')
    await byTest(staff, 'fu-save').click()
    await eventually(() => byTest(staff, 'case-page').getAttribute('data-stage'), (v) => expect(v).toBe('guided'))
    expect(await byTest(staff, 'case-page').getAttribute('data-status')).toBe('accepted')

    await byTest(staff, 'add-venture').click()
    await byTest(staff, 'venture-name-input').fill('春燕早餐店')
    await byTest(staff, 'venture-jobs-input').fill('2')
    await byTest(staff, 'venture-save').click()
    await eventually(() => byTest(staff, 'case-page').getAttribute('data-stage'), (v) => expect(v).toBe('started'))
    await byTest(staff, 'venture').first().waitFor()
    await staff.waitForTimeout(1600)
    await toTop(staff)
    await screenshot(staff, 'case-page')
  })

  it('the resident sees the timeline move and the guidance they were meant to see', async () => {
    await resident.reload()
    await byTest(resident, 'my-case').waitFor()
    await eventually(() => byTest(resident, 'my-case').getAttribute('data-stage'), (v) => expect(v).toBe('started'))
    expect(await byTest(resident, 'timeline-guided').getAttribute('data-done')).toBe('true')
    expect(await byTest(resident, 'timeline-started').getAttribute('data-done')).toBe('true')
    expect(await byTest(resident, 'timeline-operating').getAttribute('data-done')).toBe('false')
    expect(await byTest(resident, 'my-case-followups').innerText()).toContain('讲解了一次性创业补贴')
    expect(await byTest(resident, 'my-case-ventures').innerText()).toContain('春燕早餐店')
    expect(await byTest(resident, 'my-case-edit').count()).toBe(0) // accepted: no more self-edits
    await screenshot(resident, 'my-case-progress')
  })

  it('on a desktop the ledger is a table, the case page two columns, and the export downloads masked rows', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })
    await signInStaff(await context.newPage(), 'jinsha-lead')
    let desk = await context.newPage()
    await desk.goto(`${baseUrl()}/#/staff/pages/ledger/index`)
    await byTest(desk, 'ledger-row').filter({ hasText: NAME }).waitFor()
    await screenshot(desk, 'ledger-desktop')

    const downloading = desk.waitForEvent('download')
    await byTest(desk, 'export-button').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^帮扶台帐-金沙社区-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const file = join(mkdtempSync(join(tmpdir(), 'e2e-export-')), 'ledger.xlsx')
    await download.saveAs(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const rows: unknown[][] = []
    wb.getWorksheet('帮扶台帐')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    const row = rows.find((r) => r.includes(NAME))
    expect(row).toBeDefined()
    expect(row).toContain(MASKED)
    expect(row).toContain('139****4321')
    expect(JSON.stringify(rows)).not.toContain(ID)

    // The community lead may reveal the full number; it is shown only after asking.
    desk = await context.newPage()
    await desk.goto(caseUrl.replace(/^https?:\/\/[^/]+/, baseUrl()))
    await byTest(desk, 'case-page').waitFor()
    await desk.waitForTimeout(800)
    await screenshot(desk, 'case-desktop')
    await byTest(desk, 'reveal-idcard').click()
    await desk.locator('.taro-modal__foot').getByText('查看', { exact: true }).click()
    await eventually(() => byTest(desk, 'case-idcard').innerText(), (v) => expect(v).toBe(ID))
    await context.close()
  })
})
