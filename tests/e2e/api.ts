import type { Page } from 'playwright-core'
import { baseUrl } from './browser'

/** A visible element by `data-testid` (Taro's H5 router keeps hidden pages in the document). */
export const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

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

/** A demo staff account's token (the browser-test runtime skips the forced password change). */
export const staffToken = async (username: string) => (await post<{ token: string }>('/api/auth/staff', { username, password: 'Demo#2026' })).token

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
