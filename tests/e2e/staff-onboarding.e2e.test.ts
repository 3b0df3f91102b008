import type { Browser, Page } from 'playwright-core'
import { openSection } from './api'
import { baseUrl, eventually, launch, phone, screenshot } from './browser'
import { startRuntime } from './runtime'

/**
 * Staff onboarding in the browser build: a community lead issues an invitation, the new
 * colleague redeems it and chooses an account, signs in with it later, and the lead sees it all
 * in the audit log. Then: a seeded account must replace its initial password at first sign-in.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/#/staff/pages/login/index`)
  await byTest(page, 'login-username').fill(username)
  await byTest(page, 'login-password').fill(password)
  await byTest(page, 'login-button').click()
}

describe('staff onboarding', () => {
  it('walks an invitation from issue to a working staff sign-in', async () => {
    const lead = await phone(browser)
    await signIn(lead, baseUrl(), 'jinsha-lead', 'Demo#2026')
    await byTest(lead, 'workbench-list').waitFor()
    await openSection(lead, 'team')
    await byTest(lead, 'invite-card').waitFor()
    await eventually(() => byTest(lead, 'invite-org').innerText(), (v) => expect(v).toContain('金沙社区'))
    await byTest(lead, 'invite-label').fill('金沙社区 张丽')
    await byTest(lead, 'invite-button').click()
    const code = (await byTest(lead, 'invite-code').innerText()).trim()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    await lead.waitForTimeout(500)
    await screenshot(lead, 'staff-team-invite')

    const newcomer = await phone(browser)
    await newcomer.goto(`${baseUrl()}/#/staff/pages/login/index`)
    await byTest(newcomer, 'to-bind').first().click()
    await byTest(newcomer, 'bind-code').fill(code.toLowerCase())
    await byTest(newcomer, 'bind-name').fill('张丽')
    await byTest(newcomer, 'bind-username').fill('zhangli')
    await byTest(newcomer, 'bind-password').fill('short')
    await byTest(newcomer, 'bind-button').click()
    await eventually(() => byTest(newcomer, 'bind-password-field').getAttribute('data-invalid'), (v) => expect(v).toBe('true'))
    await screenshot(newcomer, 'staff-bind')
    await byTest(newcomer, 'bind-password').fill('ZhangLi2026')
    await byTest(newcomer, 'bind-button').click()
    await byTest(newcomer, 'workbench-list').waitFor()

    // Later, on another device: the new account signs in with what it chose.
    const later = await phone(browser)
    await signIn(later, baseUrl(), 'zhangli', 'ZhangLi2026')
    await byTest(later, 'workbench-list').waitFor()
    expect(await later.locator('.workbench__title').innerText()).toContain('张丽')

    // The code was single-use.
    const again = await phone(browser)
    await again.goto(`${baseUrl()}/#/staff/pages/bind/index`)
    await byTest(again, 'bind-code').fill(code)
    await byTest(again, 'bind-name').fill('冒用者')
    await byTest(again, 'bind-username').fill('intruder')
    await byTest(again, 'bind-password').fill('Intruder2026')
    await byTest(again, 'bind-button').click()
    await eventually(() => byTest(again, 'bind-code-field').innerText(), (v) => expect(v).toContain('邀请码无效'))

    // The lead's audit log shows the invitation and the redemption.
    await lead.reload()
    await byTest(lead, 'team-tab-audit').click()
    await eventually(() => byTest(lead, 'audit-list').innerText(), (v) => {
      expect(v).toContain('org.invite')
    })
    await screenshot(lead, 'staff-audit')
  })

  it('lets the admin add a unit to the org tree and rename it', async () => {
    const admin = await phone(browser)
    await signIn(admin, baseUrl(), 'admin', 'Demo#2026')
    await byTest(admin, 'workbench-list').waitFor()
    await openSection(admin, 'team')
    await byTest(admin, 'team-tab-orgs').click()
    await eventually(() => byTest(admin, 'org-parent').innerText(), (v) => expect(v).toContain('攀枝花市'))
    await byTest(admin, 'org-name').fill('仁和区')
    await byTest(admin, 'org-add-button').click()
    const row = byTest(admin, 'org-row').filter({ hasText: '仁和区' })
    await row.waitFor()
    await row.locator('[data-testid="org-rename"]').click()
    await byTest(admin, 'org-rename-input').fill('仁和区（试点）')
    await byTest(admin, 'org-rename-save').click()
    await byTest(admin, 'org-row').filter({ hasText: '仁和区（试点）' }).waitFor()
    await admin.waitForTimeout(600)
    await screenshot(admin, 'staff-org-tree')
  })

  it('makes a seeded account replace its initial password before anything else', async () => {
    const runtime = await startRuntime({}) // the default: seeded passwords must be changed
    try {
      const page = await phone(browser)
      await signIn(page, runtime.url, 'xinhua', 'Demo#2026')
      await byTest(page, 'change-password').waitFor()
      await byTest(page, 'new-password').fill('XinHua2026ok')
      await byTest(page, 'confirm-password').fill('XinHua2026ok')
      await screenshot(page, 'staff-change-password')
      await byTest(page, 'change-password-button').click()
      await byTest(page, 'workbench-list').waitFor()
      const res = await fetch(`${runtime.url}/api/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'xinhua', password: 'Demo#2026' }),
      })
      expect(res.status).toBe(401)
    } finally {
      runtime.child.kill('SIGTERM')
    }
  })
})
