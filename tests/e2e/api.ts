import type { BrowserContext, Page } from 'playwright-core'
import { baseUrl, reopen } from './browser'

/** A visible element by `data-testid` (Taro's H5 router keeps hidden pages in the document). */
export const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

/** Types each value into the field with that test id, in order (a form filled as a person would). */
export async function fillAll(page: Page, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) await byTest(page, id).fill(value)
}

/** POST to the local runtime; the reply's `data` (or the whole body for the auth routes), or throws with the status and body. */
export async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as { data?: T; token?: string }
  if (!res.ok) throw new Error(`${path} ${res.status}: ${JSON.stringify(json)}`)
  return (json.data ?? json) as T
}

/** Calls `<name>.<action>` as the holder of `token`. */
export const fn = <T>(token: string, name: string, action: string, data: unknown) => post<T>(`/api/fn/${name}`, { action, data }, token)

/** The password of every demo staff account. */
export const DEMO_PASSWORD = 'Demo#2026'

/** A demo staff account's token (the browser-test runtime skips the forced password change). */
export const staffToken = async (username: string) => (await post<{ token: string }>('/api/auth/staff', { username, password: DEMO_PASSWORD })).token

/** A new anonymous resident's token. */
export const residentToken = async () => (await post<{ token: string }>('/api/auth/resident', {})).token

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A valid 18-digit ID number from its first 17 digits (GB 11643 check digit). */
export function idCard(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return first17 + '10X98765432'[sum % 11]
}

/**
 * Opens a staff section from the staff navigation: the side navigation on a wide screen, the
 * compact menu (菜单) on a phone.
 */
export async function openSection(page: Page, key: string): Promise<void> {
  if (!(await byTest(page, 'staff-side-nav').count())) await byTest(page, 'staff-menu-button').click()
  await byTest(page, `nav-${key}`).click()
}

/**
 * Makes the page's browser the resident holding `token` from its next load on, as the app stores a
 * signed-in resident (Taro's H5 storage wraps values as { data }).
 */
export async function asResident(page: Page, token: string): Promise<void> {
  await page.addInitScript((t) => {
    localStorage.setItem('cy.token', JSON.stringify({ data: t }))
    localStorage.setItem('cy.token.kind', JSON.stringify({ data: 'resident' }))
    localStorage.setItem('cy.token.resident', JSON.stringify({ data: t }))
  }, token)
}

/** Chooses a community in the community picker (profile, intent, feedback, claim and survey pages). */
export async function pickCommunity(page: Page, orgId: string): Promise<void> {
  await byTest(page, 'community-picker').click()
  await byTest(page, `community-option-${orgId}`).click()
}

/** Signs a demo staff account in on the login page and waits until the workbench it lands on is drawn. */
export async function signInStaff(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/staff/pages/login/index`)
  await byTest(page, 'login-username').fill(username)
  await byTest(page, 'login-password').fill(DEMO_PASSWORD)
  await byTest(page, 'login-button').click()
  await page.waitForURL(/staff\/pages\/(?!login)/)
  // The URL changes before the login page's redirect has finished; a hash change made now can be
  // overtaken by it (the page then stays on the workbench). Wait until the workbench is drawn.
  await byTest(page, 'workbench').waitFor()
}

/** A demo staff account signed in within `context`, on a fresh load of `url` (see `reopen`). */
export async function staffPage(context: BrowserContext, username: string, url: string): Promise<Page> {
  const page = await context.newPage()
  await signInStaff(page, username)
  return reopen(page, url)
}
