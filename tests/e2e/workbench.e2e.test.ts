import type { Browser, Page } from 'playwright-core'
import { pageRoute, type StaffPageKey } from '../../cloudfunctions/_shared/domain/pages'
import { byTest, openSection, signInStaff } from './api'
import { baseUrl, eventually, launch, shot } from './browser'

/**
 * Issue 20, 工作台 and navigation: each of the four roles signs in at 1366×768 and at 390×844,
 * lands on its workbench, reaches every section it may use from the staff navigation (side
 * navigation on the desktop, the 菜单 on a phone), never sees the resident tab bar, and sees no
 * button its role cannot use. Screenshots of the workbench and the navigation at both sizes go
 * to the artifacts folder (and to SHOTS_DIR when set).
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const SIZES = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const

/** Every staff section, in navigation order (from ROLE_PERMISSIONS; see sections.ts). */
const EVERY: [string, StaffPageKey][] = [
  ['workbench', 'staffWorkbench'],
  ['dashboard', 'staffDashboard'],
  ['ledger', 'ledger'],
  ['feedback', 'feedbackInbox'],
  ['events', 'staffEvents'],
  ['surveys', 'staffSurveys'],
  ['policies', 'staffPolicies'],
  ['evaluation', 'evaluation'],
  ['projects', 'projects'],
  ['services', 'staffServiceResources'],
  ['reports', 'staffReports'],
  ['team', 'staffTeam'],
]
const EVERY_SECTION = EVERY.map(([key]) => key)
/** Every section but those named. */
const allBut = (...left: string[]) => EVERY.filter(([key]) => !left.includes(key))

/** The sections each role may use, in navigation order. */
const ROLES: { username: string; role: string; sections: [string, StaffPageKey][] }[] = [
  { username: 'jinsha', role: 'community_staff', sections: allBut('team') },
  { username: 'bingcaogang', role: 'street_reviewer', sections: allBut('projects', 'services') },
  { username: 'dongqu', role: 'district_officer', sections: EVERY },
  { username: 'city', role: 'city_officer', sections: EVERY },
]

/** The resident tab bar (components/tab-bar, drawn on tab pages): never on a staff page. */
async function tabBarShown(page: Page): Promise<boolean> {
  return (await page.locator('[data-testid="resident-tab-bar"]:visible').count()) > 0
}

async function signIn(page: Page, username: string): Promise<void> {
  await signInStaff(page, username)
  await byTest(page, 'workbench-list').waitFor()
}

describe('the staff desk', () => {
  for (const r of ROLES) {
    for (const size of SIZES) {
      it(`${r.role} at ${size.width}×${size.height}: lands on the workbench and reaches every permitted section from the navigation`, async () => {
        const context = await browser.newContext({
          viewport: { width: size.width, height: size.height },
          deviceScaleFactor: size.name === 'phone' ? 2 : 1,
          isMobile: size.name === 'phone',
          hasTouch: size.name === 'phone',
          locale: 'zh-CN',
        })
        const page = await context.newPage()
        await signIn(page, r.username)
        await page.waitForTimeout(400)
        await shot(page, `workbench-${r.role}-${size.name}`)

        // The navigation that fits the screen, with exactly the role's sections.
        if (size.name === 'desktop') {
          await byTest(page, 'staff-side-nav').waitFor()
          expect(await byTest(page, 'staff-menu-button').count()).toBe(0)
        } else {
          expect(await byTest(page, 'staff-side-nav').count()).toBe(0)
          await byTest(page, 'staff-menu-button').click()
          await byTest(page, 'staff-menu-panel').waitFor()
          await shot(page, `workbench-menu-${r.role}-${size.name}`)
        }
        const shown = await page.locator('[data-testid^="nav-"]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
        expect(shown.filter((id) => id && EVERY_SECTION.includes(id.slice(4)))).toEqual(r.sections.map(([key]) => `nav-${key}`))
        if (size.name === 'phone') await byTest(page, 'staff-menu-button').click()
        expect(await tabBarShown(page)).toBe(false)

        for (const [key, home] of r.sections.slice(1)) {
          await openSection(page, key)
          await page.waitForURL(new RegExp(pageRoute(home).replace(/\//g, '\\/')))
          // The current section is marked: in the side navigation, or named by the phone's bar.
          if (size.name === 'desktop') await eventually(() => byTest(page, `nav-${key}`).getAttribute('data-current'), (v) => expect([key, v]).toEqual([key, 'true']))
          else {
            await eventually(() => byTest(page, 'staff-menu').getAttribute('data-section'), (v) => expect([key, v]).toEqual([key, key]))
            await byTest(page, 'staff-menu-button').click()
            expect([key, await byTest(page, `nav-${key}`).getAttribute('data-current')]).toEqual([key, 'true'])
            await byTest(page, 'staff-menu-button').click()
          }
          expect([key, await tabBarShown(page)]).toEqual([key, false])

          // Buttons the role cannot use are not there (the server refuses them anyway).
          if (key === 'policies') {
            await page.locator('[data-testid="policy-row"]:visible').first().waitFor()
            const writes = r.role !== 'street_reviewer'
            expect(['new-policy', await byTest(page, 'new-policy-button').count()]).toEqual(['new-policy', writes ? 1 : 0])
            expect(['row-edit', (await byTest(page, 'row-edit').count()) > 0]).toEqual(['row-edit', writes])
            if (r.role === 'street_reviewer' && size.name === 'desktop') await shot(page, 'nav-policies-street_reviewer-desktop')
          }
          if (key === 'events' && r.role === 'street_reviewer') expect(await byTest(page, 'new-event-button').count()).toBe(0)
          if (key === 'surveys' && r.role === 'street_reviewer') expect(await byTest(page, 'new-survey-button').count()).toBe(0)
          if (key === 'dashboard' && size.name === 'desktop') {
            // The trend chart's canvas takes its container's width, not echarts' 100×100.
            const canvas = page.locator('.trend-chart canvas:visible').first()
            await canvas.waitFor()
            await eventually(() => canvas.boundingBox(), (box) => expect(box?.width ?? 0).toBeGreaterThan(300))
          }
        }

        // Every line of the workbench opens its list.
        await openSection(page, 'workbench')
        await byTest(page, 'workbench-list').waitFor()
        const first = page.locator('[data-testid^="workbench-item-"]:visible').first()
        await first.click()
        await page.waitForURL((u) => !u.hash.includes('workbench'))
        await context.close()
      })
    }
  }

  it('links a survey to an event by picking it from a list', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await signIn(page, 'jinsha')
    await page.goto(`${baseUrl()}/#/${pageRoute('eventEdit')}`)
    await byTest(page, 'survey-picker').waitFor()
    await byTest(page, 'survey-svy_demo_jinsha_env_now').click()
    await eventually(() => byTest(page, 'survey-svy_demo_jinsha_env_now').getAttribute('data-active'), (v) => expect(v).toBe('true'))
    expect(await byTest(page, 'survey-none').getAttribute('data-active')).toBe('false')
    expect(await page.locator('[data-testid="field-surveyId-input"]').count()).toBe(0)
    await context.close()
  })
})
