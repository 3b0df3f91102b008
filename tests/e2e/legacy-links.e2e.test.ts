import type { Browser } from 'playwright-core'
import { byTest } from './api'
import { baseUrl, launch, phone } from './browser'

/**
 * Links made before the resident pages moved to subpackages (printed posters, shared links,
 * messages already sent) still open their page: the H5 build rewrites the old hash route
 * (`app.tsx`), keeping the query.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('an old /pages/policy-detail link lands on the policy in pkg-policy, query kept', async () => {
  const page = await phone(browser)
  await page.goto(`${baseUrl()}/#/pages/policy-detail/index?id=pol_demo_jinsha_site`)
  await byTest(page, 'policy-detail').waitFor({ timeout: 30000 })
  expect(page.url()).toContain('#/pkg-policy/pages/policy-detail/index?id=pol_demo_jinsha_site')
  await page.context().close()
})

it('an old /pages/my-case link lands on 我的创业档案 in pkg-me', async () => {
  const page = await phone(browser)
  await page.goto(`${baseUrl()}/#/pages/my-case/index`)
  await page.locator('[data-testid="my-case-empty"]:visible, [data-testid="my-case"]:visible').first().waitFor({ timeout: 30000 })
  expect(page.url()).toContain('#/pkg-me/pages/my-case/index')
  await page.context().close()
})
