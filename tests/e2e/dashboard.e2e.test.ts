import type { Browser, Page } from 'playwright-core'
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/indices'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'
import { shanghaiDate } from '../../cloudfunctions/_shared/domain/time'
import { baseUrl, eventually, launch, phone, screenshot, toTop } from './browser'
import { byTest, fn, idCard, post, signInStaff, staffToken } from './api'

/**
 * Issue 6 end to end: what the ledger writes shows on the 指标看板 of the community at once, and
 * summed on the district's, with the baseline entered on the page and the drill-down to the cases.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const MONTH = periodsOf(new Date()).month
const TODAY = shanghaiDate(new Date())

const dashboard = (token: string, data: object) => fn<DashboardOutput>(token, 'indices', 'dashboard', data)
const index = (d: DashboardOutput, key: string) => d.indices.find((i) => i.key === key)!


/** A fresh tab on the dashboard (Taro's H5 router keeps earlier pages in the DOM). */
async function openDashboard(page: Page, width = 390): Promise<Page> {
  const tab = await page.context().newPage()
  await tab.setViewportSize({ width, height: width > 500 ? 900 : 844 })
  await tab.goto(`${baseUrl()}/#/staff/pages/dashboard/index`)
  await byTest(tab, 'index-cards').waitFor()
  return tab
}

describe('the indices dashboard', () => {
  let jinsha: string
  let district: string
  let before: DashboardOutput
  let districtBefore: DashboardOutput

  beforeAll(async () => {
    jinsha = await staffToken('jinsha')
    district = await staffToken('dongqu')
    before = await dashboard(jinsha, { period: MONTH })
    districtBefore = await dashboard(district, { period: MONTH })
    // Two residents register in 金沙; staff guide one, record her shop and a start-up subsidy.
    const cases: string[] = []
    for (const [n, needs] of [[1, ['funding']], [2, ['site']]] as const) {
      const resident = (await post<{ token: string }>('/api/auth/resident', {})).token
      const mine = await fn<{ _id: string }>(resident, 'intent', 'submit', {
        communityId: 'c-jinsha',
        name: n === 1 ? '刘晓霞' : '何志军',
        phone: `1398765432${n}`,
        idCard: idCard(`5104021988070${n}123`),
        gender: n === 1 ? 'female' : 'male',
        ageBand: '35-44',
        education: 'senior',
        household: 'rural',
        targetGroups: ['returning_migrant'],
        familySituation: '夫妻两人带一个孩子',
        skillLevel: 'basic',
        certificates: [],
        industry: 'catering',
        projectDescription: '在菜市场旁边开一家米粉店',
        projectPhase: 'preparing',
        needs,
        fundingAmount: needs[0] === 'funding' ? 30000 : null,
        contactTime: 'anytime',
        projectInterestIds: [],
        consent: true,
        consentVersion: '2026-01',
      })
      cases.push(mine._id)
    }
    await fn(jinsha, 'ledger', 'addFollowUp', { id: cases[0], kind: 'guidance', date: TODAY, note: '上门一对一指导', outcome: '', visibleToResident: true, nextFollowUpDate: '' })
    await fn(jinsha, 'ledger', 'recordVenture', { id: cases[0], name: '晓霞米粉店', kind: 'individual', registrationDate: TODAY, jobsCreated: 2, status: 'operating', closureDate: '' })
    await fn(jinsha, 'ledger', 'recordBenefit', { id: cases[0], policyId: null, policyTitle: '一次性创业补贴', kind: 'startup_subsidy', amountFen: (5000) * 100, approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: TODAY, note: '' })
  })

  it('shows community staff what the ledger wrote, takes the baseline on the page, and drills down to the cases', async () => {
    const after = await dashboard(jinsha, { period: MONTH })
    expect(index(after, 'assistanceCoverage').denominator).toBe((index(before, 'assistanceCoverage').denominator ?? 0) + 2)
    expect(index(after, 'assistanceCoverage').numerator).toBe(index(before, 'assistanceCoverage').numerator + 1)
    expect(index(after, 'newIndividual').numerator).toBe(index(before, 'newIndividual').numerator + 1)
    expect(after.benefits.find((b) => b.kind === 'startup_subsidy')!.amount).toBe(before.benefits.find((b) => b.kind === 'startup_subsidy')!.amount + 5000)

    const page = await phone(browser)
    await signInStaff(page, 'jinsha')
    const tab = await openDashboard(page)
    await expect(byTest(tab, 'dash-org').textContent()).resolves.toContain('金沙社区')
    const cov = index(after, 'assistanceCoverage')
    await expect(byTest(tab, 'num-assistanceCoverage').textContent()).resolves.toContain(String(cov.numerator))
    await expect(byTest(tab, 'den-assistanceCoverage').textContent()).resolves.toContain(String(cov.denominator))
    await expect(byTest(tab, 'index-assistanceCoverage').getAttribute('data-light')).resolves.toBe(cov.light)

    // No baseline yet: the activity index says so instead of a number.
    await expect(byTest(tab, 'value-activity').textContent()).resolves.toBe('—')
    await byTest(tab, 'baseline-workingAge').locator('input').fill('200')
    await byTest(tab, 'baseline-employed').locator('input').fill('120')
    await byTest(tab, 'baseline-save').click()
    const engaged = index(after, 'activity').numerator
    await eventually(
      () => byTest(tab, 'value-activity').textContent(),
      (text) => expect(text).toBe(`${((Math.round((engaged / 200) * 1000) / 10)).toFixed(1)}%`),
    )
    await expect(byTest(tab, 'den-activity').textContent()).resolves.toContain('200')
    await toTop(tab)
    await tab.waitForTimeout(2200) // the 已保存 toast fades
    await screenshot(tab, 'dashboard-community-phone')
    await tab.screenshot({ path: `${__dirname}/artifacts/dashboard-community-phone-full.png`, fullPage: true })
    const wide = await openDashboard(page, 1280)
    await wide.waitForTimeout(500)
    await screenshot(wide, 'dashboard-community-desktop')
    await wide.close()

    // The numerator of 帮扶覆盖率 opens the ledger narrowed to the guided cases.
    await byTest(tab, 'num-assistanceCoverage').click()
    await byTest(tab, 'drill-title').waitFor()
    await expect(byTest(tab, 'drill-title').textContent()).resolves.toContain('帮扶覆盖率')
    await eventually(
      () => byTest(tab, 'ledger-row').count(),
      (n) => expect(n).toBe(cov.numerator),
    )
    await expect(tab.locator('[data-testid="ledger-list"]:visible').textContent()).resolves.toContain('刘晓霞')
    await expect(tab.locator('[data-testid="ledger-list"]:visible').textContent()).resolves.not.toContain('何志军')
    await page.context().close()
  })

  it('sums the communities for the district office and ranks its streets', async () => {
    const after = await dashboard(district, { period: MONTH })
    for (const key of ['assistanceCoverage', 'newIndividual', 'policyEnjoyment']) {
      const parts = await Promise.all(['c-jinsha', 'c-xinhua', 'c-changshou', 'c-wushisi'].map((orgId) => dashboard(district, { period: MONTH, orgId })))
      expect(index(after, key).numerator).toBe(parts.reduce((n, d) => n + index(d, key).numerator, 0))
    }
    expect(index(after, 'assistanceCoverage').numerator).toBe(index(districtBefore, 'assistanceCoverage').numerator + 1)

    const page = await phone(browser)
    await signInStaff(page, 'dongqu')
    const tab = await openDashboard(page, 1280)
    await expect(byTest(tab, 'dash-org').textContent()).resolves.toContain('东区')
    await expect(byTest(tab, 'num-assistanceCoverage').textContent()).resolves.toContain(String(index(after, 'assistanceCoverage').numerator))
    await eventually(
      () => byTest(tab, 'child-row').count(),
      (n) => expect(n).toBe(2),
    )
    const names = await tab.locator('[data-testid="child-row"]:visible .dash__org-link').allTextContents()
    expect(names.sort()).toEqual(['大渡口街道', '炳草岗街道'])
    await tab.waitForTimeout(500)
    await screenshot(tab, 'dashboard-district-desktop')
    await tab.screenshot({ path: `${__dirname}/artifacts/dashboard-district-full.png`, fullPage: true })
    // Opening a street shows the street's own sum.
    await tab.locator('[data-testid="child-row"][data-org="s-bcg"]:visible .dash__org-link').click()
    await eventually(
      () => byTest(tab, 'dash-org').textContent(),
      (t) => expect(t).toContain('炳草岗街道'),
    )
    await page.context().close()
  })
})
