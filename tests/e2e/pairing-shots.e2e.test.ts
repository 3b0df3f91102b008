import type { Browser } from 'playwright-core'
import { baseUrl, launch } from './browser'
import { byTest, fn, post, signInStaff } from './api'

/**
 * 挂帮 in the browser: 炳草岗街道's demo leader finds the workbench line 我挂帮的创业者, opens the
 * list and the paired case, where the pairing and her follow-up (marked 挂帮) show. Screenshots at
 * 390×844 and 1366×768 into /work/shots/census.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('the leader’s workbench line, the paired list and the case with the pairing and her follow-up', async () => {
  const token = (await post<{ token: string }>('/api/auth/staff', { username: 'bingcaogang', password: 'Demo#2026' })).token
  const paired = await fn<{ items: { caseId: string; name: string }[] }>(token, 'ledger', 'paired', {})
  expect(paired.items).toHaveLength(1)
  for (const [w, h, tag] of [[390, 844, 'phone'], [1366, 768, 'desktop']] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' })
    const page = await context.newPage()
    await signInStaff(page, 'bingcaogang')
    const list = await context.newPage()
    await list.goto(`${baseUrl()}/#/staff/pages/ledger/index?tab=paired`)
    await byTest(list, 'paired-list').waitFor()
    await expect(byTest(list, 'paired-row').first().innerText()).resolves.toContain(paired.items[0].name)
    await list.screenshot({ path: `/work/shots/census/paired-list-${tag}.png` })
    const casePage = await context.newPage()
    await casePage.goto(`${baseUrl()}/#/staff/pages/case/index?id=${paired.items[0].caseId}`)
    await byTest(casePage, 'pairings').waitFor()
    await expect(byTest(casePage, 'pairing').first().innerText()).resolves.toContain('炳草岗街道')
    await byTest(casePage, 'pairings').scrollIntoViewIfNeeded()
    await casePage.screenshot({ path: `/work/shots/census/case-pairing-${tag}.png` })
    await context.close()
  }
})
