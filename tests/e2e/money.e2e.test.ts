import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import type { MoneyOutput } from '../../cloudfunctions/_shared/contracts/indices'
import type { ExportOutput, MineOutput } from '../../cloudfunctions/_shared/contracts/intent'
import type { InboxOutput } from '../../cloudfunctions/_shared/contracts/notify'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'
import { ARTIFACTS, baseUrl, eventually, launch, phone, screenshot } from './browser'
import { byTest, fn, idCard, residentToken, signInStaff, staffToken } from './api'

/**
 * Issue 22 end to end: a 金沙 guide records a start-up subsidy picked from the resident's
 * eligible policies and a 创业担保贷款 through to 贴息 on the case page; the resident sees the
 * loan's step; the figures appear in the breakdowns (and on the dashboard) and in the ledger export.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const MONTH = periodsOf(new Date()).month
const STARTUP = 'pol_demo_startup_subsidy'
const LOAN = 'pol_demo_guaranteed_loan'

async function fresh(page: Page, url: string): Promise<Page> {
  const next = await page.context().newPage()
  await next.setViewportSize({ width: 390, height: 844 })
  await next.goto(url)
  return next
}

/** The same view on a desktop browser (1366×768), for the office staff's screens. */
async function wide(page: Page, name: string, ready: string): Promise<void> {
  const next = await page.context().newPage()
  await next.setViewportSize({ width: 1366, height: 768 })
  await next.goto(page.url())
  await byTest(next, ready).first().waitFor()
  await byTest(next, ready).first().evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await screenshot(next, `${name}-1366`)
  await next.close()
}

describe('benefits and loans on a case', () => {
  it('a guide records a start-up subsidy and a loan through to 贴息; breakdowns, dashboard and export show them', async () => {
    const jinsha = await staffToken('jinsha')
    const moneyBefore = await fn<MoneyOutput>(jinsha, 'indices', 'money', { period: MONTH })
    const resident = await residentToken()
    const mine = await fn<{ _id: string }>(resident, 'intent', 'submit', {
      communityId: 'c-jinsha', name: '罗春燕', phone: '13987654329', idCard: idCard('51040219860305123'), gender: 'female', ageBand: '35-44',
      education: 'senior', household: 'rural', targetGroups: ['returning_migrant'], familySituation: '一家四口', skillLevel: 'basic', certificates: [],
      industry: 'catering', projectDescription: '在菜市场旁边开一家米粉店', projectPhase: 'preparing', needs: ['funding'], fundingAmount: 100000,
      contactTime: 'anytime', projectInterestIds: [], consent: true, consentVersion: '2026-01',
    })

    const login = await phone(browser)
    await signInStaff(login, 'jinsha')
    const page = await fresh(login, `${baseUrl()}/#/staff/pages/case/index?id=${encodeURIComponent(mine._id)}`)

    // 享受政策: the policies come with their eligibility; the start-up subsidy fits a returning migrant.
    await byTest(page, 'add-benefit').click()
    await byTest(page, `benefit-policy-${STARTUP}`).click()
    await eventually(() => byTest(page, 'benefit-policy-eligibility').innerText(), (t) => expect(t).toContain('符合：返乡农民工'))
    await byTest(page, 'benefit-amount-input').fill('5000')
    await byTest(page, 'benefit-approved-input').fill('市人社局')
    await byTest(page, 'benefit-doc-input').fill('攀人社发〔2026〕31号')
    await screenshot(page, 'money-benefit-form')
    await byTest(page, 'benefit-save').click()
    await byTest(page, 'benefit').filter({ hasText: '首次创业一次性创业补贴' }).waitFor()
    expect(await byTest(page, 'benefit').first().innerText()).toContain('5,000 元')

    // 创业担保贷款: the application, then each next step the page offers, through to 贴息.
    await byTest(page, 'add-loan').click()
    await byTest(page, `loan-policy-${LOAN}`).click()
    await byTest(page, 'loan-amount-input').fill('100000')
    await byTest(page, 'loan-save').click()
    await byTest(page, 'loan-step').filter({ hasText: '申请' }).waitFor()
    const steps: [string, string, string][] = [
      ['recommended', '金沙社区', '100000'],
      ['guarantee_reviewed', '市创业担保中心', '100000'],
      ['bank_approved', '攀枝花农商银行', '100000'],
      ['disbursed', '攀枝花农商银行', '100000'],
      ['interest', '市财政局', '912.5'],
    ]
    const labels: Record<string, string> = { recommended: '社区推荐', guarantee_reviewed: '担保审核', bank_approved: '银行审批', disbursed: '放款', interest: '贴息' }
    for (const [step, actor, amount] of steps) {
      await byTest(page, 'loan-next').click()
      await byTest(page, `loan-step-${step}`).click()
      await byTest(page, 'loan-actor-input').fill(actor)
      await byTest(page, 'loan-amount-input').fill(amount)
      if (step === 'interest') await screenshot(page, 'money-loan-step-form')
      await byTest(page, 'loan-save').click()
      await byTest(page, 'loan-step').filter({ hasText: labels[step] }).waitFor()
    }
    await eventually(() => byTest(page, 'benefits').innerText(), (t) => expect(t).toMatch(/贴息[\s\S]*912\.5 元/))
    await byTest(page, 'loans').scrollIntoViewIfNeeded()
    await screenshot(page, 'money-case-loans')
    await wide(page, 'money-case-loans', 'loans')

    // The resident sees where the loan stands, and heard of the subsidy and of each step after their application.
    const my = await fn<MineOutput>(resident, 'intent', 'mine', {})
    expect(my.current?.loans.map((l) => [l.step, l.hint])).toEqual([['interest', '已拨付一期贴息']])
    const inbox = await fn<InboxOutput>(resident, 'notify', 'inbox', {})
    const told = inbox.items.filter((m) => m.kind === 'case').map((m) => m.title)
    expect(told).toEqual(expect.arrayContaining(['已为你登记享受政策', ...['社区推荐', '担保审核', '银行审批', '放款', '第 1 期贴息'].map((l) => `你的创业担保贷款：${l}`)]))
    expect(told.filter((t) => t.startsWith('你的创业担保贷款'))).toHaveLength(5)

    // The breakdowns moved by exactly what was recorded.
    const money = await fn<MoneyOutput>(jinsha, 'indices', 'money', { period: MONTH })
    const kind = (m: MoneyOutput, k: string) => m.byKind.find((r) => r.kind === k)!
    expect(kind(money, 'startup_subsidy').amountFen - kind(moneyBefore, 'startup_subsidy').amountFen).toBe(500_000)
    expect(kind(money, 'guaranteed_loan').amountFen - kind(moneyBefore, 'guaranteed_loan').amountFen).toBe(10_000_000)
    expect(kind(money, 'interest_subsidy').amountFen - kind(moneyBefore, 'interest_subsidy').amountFen).toBe(91_250)
    const group = (m: MoneyOutput) => m.byGroup.find((r) => r.key === 'returning_migrant')?.amountFen ?? 0
    expect(group(money) - group(moneyBefore)).toBe(500_000 + 10_000_000 + 91_250)

    // The dashboard shows them, and a figure opens its cases.
    const dash = await fresh(page, `${baseUrl()}/#/staff/pages/dashboard/index`)
    await byTest(dash, 'money-kind').waitFor()
    await eventually(() => byTest(dash, 'money-kind-interest_subsidy').innerText(), (t) => expect(t).toContain(`${(kind(money, 'interest_subsidy').amountFen / 100).toLocaleString('zh-CN')} 元`))
    await byTest(dash, 'money-kind').scrollIntoViewIfNeeded()
    await screenshot(dash, 'money-dashboard-breakdown')
    await wide(dash, 'money-dashboard-breakdown', 'money-kind')
    await byTest(dash, 'money-kind-interest_subsidy').click()
    await byTest(dash, 'drill-title').filter({ hasText: '贴息' }).waitFor()
    await byTest(dash, 'ledger-row').filter({ hasText: '罗春燕' }).first().waitFor()

    // 政策享受率 by target group, from the policies in force: its 应享未享 opens the workers' to-do list.
    const gaps = await fresh(page, `${baseUrl()}/#/staff/pages/dashboard/index`)
    await byTest(gaps, 'money-enjoyment-all').waitFor()
    await eventually(() => byTest(gaps, 'money-enjoyment-all').innerText(), (t) => expect(t).toMatch(/\d+(\.\d)?%（\d+\/\d+）/))
    await byTest(gaps, 'money-enjoyment').scrollIntoViewIfNeeded()
    await screenshot(gaps, 'money-dashboard-enjoyment')
    await wide(gaps, 'money-dashboard-enjoyment', 'money-enjoyment')
    expect(money.enjoyment[0].key).toBe('all')
    if ((await byTest(gaps, 'money-enjoyment-all').innerText()).includes('应享未享')) {
      await byTest(gaps, 'money-enjoyment-all').click()
      await byTest(gaps, 'drill-title').filter({ hasText: '应享未享' }).waitFor()
      await byTest(gaps, 'ledger-row').first().waitFor()
      // The H5 router slides the new page in: shoot once it has settled.
      await gaps.waitForTimeout(800)
      await screenshot(gaps, 'money-enjoyment-drill')
    }

    // The inspector's export carries the benefit and every loan step, and a summary.
    const out = await fn<ExportOutput>(jinsha, 'ledger', 'export', { period: MONTH })
    const res = await fetch(out.url!.startsWith('http') ? out.url! : `${baseUrl()}${out.url}`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    await wb.xlsx.writeFile(join(ARTIFACTS, 'money-ledger.xlsx'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '帮扶台帐', '跟踪服务', '创办实体', '享受政策', '贷款环节', '创业培训'])
    const text = (name: string) => {
      const rows: string[] = []
      wb.getWorksheet(name)!.eachRow((r) => rows.push(JSON.stringify(r.values)))
      return rows.join('\n')
    }
    expect(text('享受政策')).toContain('攀人社发〔2026〕31号')
    expect(text('贷款环节').match(/罗春燕/g)?.length).toBe(6)
    expect(text('汇总')).toContain('贴息')
  })

  it("the policy editor takes a cap in yuan and checks it with the shared schema", async () => {
    const login = await phone(browser)
    await signInStaff(login, 'jinsha')
    const page = await fresh(login, `${baseUrl()}/#/staff/pages/policy-edit/index`)
    await byTest(page, 'field-capFen-input').fill('12.345')
    await byTest(page, 'save-button').click()
    await eventually(() => byTest(page, 'field-capFen-error').innerText(), (t) => expect(t).toBe('上限请填金额（元），最多到分'))
    await page.waitForTimeout(300) // the page scrolls itself to the first error: then bring the cap field up
    await byTest(page, 'field-capFen').evaluate((e) => e.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'money-policy-cap-error')
    await byTest(page, 'field-capFen-input').fill('300000')
    await expect(byTest(page, 'field-capFen-error').count()).resolves.toBe(0)
    await screenshot(page, 'money-policy-cap')
    await wide(page, 'money-policy-cap', 'field-capFen')
  })
})
