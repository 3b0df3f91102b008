import type { Browser } from 'playwright-core'
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/indices'
import type { LedgerListOutput, MineOutput } from '../../cloudfunctions/_shared/contracts/intent'
import { byTest, fn, idCard, pickCommunity, residentToken, signInStaff, staffToken } from './api'
import { baseUrl, eventually, launch, phone, screenshot, untilFormSettled } from './browser'
import { runtimeOutput } from './runtime'

/**
 * 代登记 end to end: 金沙社区's guide registers a walk-in resident on the staff page (with how the
 * resident consented); the case shows in the ledger and moves the dashboard like any
 * registration; then the resident, in the app, claims it with the phone on it and the one-time
 * code (read from the runtime's log, where the local runtime prints it), and sees it as their own
 * 我的创业档案, with no second case.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const NAME = '罗桂兰'
const PHONE = '13698765432'
const ID = idCard('51040219700512346')
const MONTH = (() => {
  const d = new Date(Date.now() + 8 * 3600_000)
  return `${d.getUTCFullYear()}-M${String(d.getUTCMonth() + 1).padStart(2, '0')}`
})()

const coverage = (d: DashboardOutput) => d.indices.find((i) => i.key === 'assistanceCoverage')

describe('代登记 and the resident’s claim', () => {
  let staff = ''
  let before: DashboardOutput
  let caseId = ''

  beforeAll(async () => {
    staff = await staffToken('jinsha')
    before = await fn<DashboardOutput>(staff, 'indices', 'dashboard', { period: MONTH })
  })

  it('the guide registers a walk-in resident on the staff page; it is in the ledger and the indices', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const signedIn = await context.newPage()
    await signInStaff(signedIn, 'jinsha')
    const page = await context.newPage()
    await page.goto(`${baseUrl()}/#/staff/pages/ledger/index`)
    await byTest(page, 'register-entry').click()
    await byTest(page, 'ledger-register').waitFor()

    // Without the consent, nothing is sent: the fields say what is missing.
    await byTest(page, 'field-name-input').fill(NAME)
    await byTest(page, 'field-phone-input').fill(PHONE)
    await byTest(page, 'field-idCard-input').fill(ID)
    await byTest(page, 'gender-female').click()
    await byTest(page, 'age-55+').click()
    await byTest(page, 'edu-junior').click()
    await byTest(page, 'household-urban').click()
    await byTest(page, 'field-familySituation-input').fill('老伴退休在家，女儿在外地工作')
    await byTest(page, 'skill-basic').click()
    await byTest(page, 'industry-catering').click()
    await byTest(page, 'field-projectDescription-input').fill('想在小区门口摆个早点摊，卖包子和稀饭')
    await byTest(page, 'phase-idea').click()
    await byTest(page, 'need-site').click()
    await byTest(page, 'need-licence').click()
    await byTest(page, 'contact-weekday_day').click()
    await byTest(page, 'register-submit').click()
    await eventually(() => byTest(page, 'field-consent-method').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    await untilFormSettled(page)
    expect((await fn<LedgerListOutput>(staff, 'ledger', 'list', { keyword: NAME })).items).toEqual([])

    await byTest(page, 'consent-method-paper').click()
    await byTest(page, 'field-consent-note-input').fill('纸质同意书存社区档案柜 2026-031 号')
    await page.waitForTimeout(300)
    await screenshot(page, 'ledger-register-desktop')
    await byTest(page, 'register-submit').click()
    await byTest(page, 'case-page').waitFor({ timeout: 15000 })
    caseId = /id=([^&]+)/.exec(page.url())?.[1] ?? ''
    expect(caseId).toMatch(/^int_/)

    const rows = (await fn<LedgerListOutput>(staff, 'ledger', 'list', { keyword: NAME })).items
    expect(rows.map((r) => [r._id, r.onBehalf, r.claimed, r.phoneMasked])).toEqual([[caseId, true, false, '136****5432']])
    const after = await fn<DashboardOutput>(staff, 'indices', 'dashboard', { period: MONTH })
    // Asked for help and not guided yet: the coverage denominator grows by one, the numerator stays.
    expect(coverage(after)?.denominator).toBe((coverage(before)?.denominator ?? 0) + 1)
    expect(coverage(after)?.numerator).toBe(coverage(before)?.numerator)

    // The same person again is pointed at the existing case.
    await page.goto(`${baseUrl()}/#/staff/pages/ledger-register/index`)
    await byTest(page, 'ledger-register').waitFor()
    await byTest(page, 'field-name-input').fill(NAME)
    await byTest(page, 'field-phone-input').fill('13600001111')
    await byTest(page, 'field-idCard-input').fill(ID)
    for (const id of ['gender-female', 'age-55+', 'edu-junior', 'household-urban', 'skill-basic', 'industry-catering', 'phase-idea', 'contact-weekday_day', 'consent-method-verbal-witnessed']) await byTest(page, id).click()
    await byTest(page, 'field-familySituation-input').fill('老伴退休在家')
    await byTest(page, 'field-projectDescription-input').fill('想在小区门口摆个早点摊')
    await byTest(page, 'field-consent-note-input').fill('见证人：网格员 李华')
    await byTest(page, 'register-submit').click()
    await byTest(page, 'register-existing').waitFor()
    expect(await byTest(page, 'register-error').innerText()).toContain('身份证号在本社区已有登记')
    await byTest(page, 'register-existing').click()
    await eventually(() => Promise.resolve(page.url()), (u) => expect(u).toContain(caseId))
    await context.close()
  })

  it('the resident claims it in the app with the phone and the code, and it becomes their case without a duplicate', async () => {
    const resident = await phone(browser)
    await resident.goto(`${baseUrl()}/#/pkg-me/pages/my-case/index`)
    await byTest(resident, 'my-case-claim').click()
    await byTest(resident, 'intent-claim').waitFor()
    await pickCommunity(resident, 'c-jinsha')
    await byTest(resident, 'claim-phone-input').fill(PHONE)
    const logged = runtimeOutput().length
    await byTest(resident, 'claim-send').click()
    await byTest(resident, 'claim-sent').waitFor()
    let code = ''
    await eventually(
      async () => runtimeOutput().slice(logged),
      (out) => {
        const m = /\[认领验证码\] 金沙社区 136\*\*\*\*5432：(\d{6})/.exec(out)
        expect(m).not.toBeNull()
        code = m?.[1] ?? ''
      },
    )
    // A wrong code is refused beside the field.
    await byTest(resident, 'claim-code-input').fill(code === '000000' ? '111111' : '000000')
    await byTest(resident, 'claim-confirm').click()
    await byTest(resident, 'claim-problem').waitFor()
    await byTest(resident, 'claim-code-input').fill(code)
    await screenshot(resident, 'intent-claim-phone')
    await byTest(resident, 'claim-confirm').click()
    await byTest(resident, 'my-case').waitFor({ timeout: 15000 })
    expect(await byTest(resident, 'my-case').innerText()).toContain(NAME)
    await screenshot(resident, 'intent-claimed-my-case')

    // One case, now linked: the ledger says claimed, the count did not move.
    const rows = (await fn<LedgerListOutput>(staff, 'ledger', 'list', { keyword: NAME })).items
    expect(rows.map((r) => [r._id, r.claimed])).toEqual([[caseId, true]])
    const after = await fn<DashboardOutput>(staff, 'indices', 'dashboard', { period: MONTH })
    expect(coverage(after)?.denominator).toBe((coverage(before)?.denominator ?? 0) + 1)
    // Another resident cannot take it over with the same phone.
    const other = await residentToken()
    await fn(other, 'intent', 'claimStart', { communityId: 'c-jinsha', phone: PHONE })
    expect((await fn<MineOutput>(other, 'intent', 'mine', {})).current).toBeNull()
  })
})
