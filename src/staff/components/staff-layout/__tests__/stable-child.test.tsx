/**
 * Taro's page hooks (refresh on show, pull-down, load more) run in the page body under
 * `StaffLayout`; they keep working only while that body is mounted once. If the frame moved the
 * body in the tree when the caller's profile arrived, React would mount it a second time and its
 * page hooks would start over (a published survey once did not appear on return to the list).
 */
import * as React from 'react'
import type { Me } from '@shared/contracts/profile'

jest.mock('@tarojs/components', () => {
  const R = jest.requireActual<typeof import('react')>('react')
  const host = (tag: string) => ({ children, className }: Record<string, unknown>) => R.createElement(tag, { className: className as string | undefined }, children as React.ReactNode)
  return { View: host('div'), Text: host('span') }
})
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { redirectTo: () => undefined, reLaunch: () => undefined } }))
jest.mock('../index.scss', () => ({}))
jest.mock('../../../../services/core/session', () => ({ passwordSignIn: true, signOut: async () => undefined }))
jest.mock('../../../../utils/toast', () => ({ confirm: async () => false }))

let arrive: (me: Me) => void = () => undefined
jest.mock('../../../../services/profile/profile', () => ({
  knownMe: null,
  getMe: () => new Promise<Me>((resolve) => (arrive = resolve)),
}))

import StaffLayout from '../index'
import { act } from '../../../../hooks/__tests__/render-hook'

;(globalThis as { React?: typeof React }).React = React
const { createRoot } = require('react-dom/client') as { createRoot: (el: Element) => { render: (node: React.ReactNode) => void; unmount: () => void } }

const STAFF = {
  kind: 'staff',
  staff: { _id: 'st1', name: '张丽', role: 'community_staff', orgId: 'c1', orgName: '金沙社区', orgLevel: 'community' },
} as unknown as Me

it('mounts the page once, before and after the caller’s profile arrives and the navigation is drawn', async () => {
  let mounts = 0
  function Page() {
    React.useEffect(() => {
      mounts++
    }, [])
    return <span>page</span>
  }
  const host = document.createElement('div')
  const root = createRoot(host)
  await act(async () => {
    root.render(
      <StaffLayout page='staffWorkbench'>
        <Page />
      </StaffLayout>,
    )
  })
  expect(mounts).toBe(1)
  expect(host.querySelector('.staff-layout--bare')).not.toBeNull()
  await act(async () => arrive(STAFF))
  // The frame is drawn now (side navigation and menu), and the page was not mounted again.
  expect(host.querySelector('.staff-layout--bare')).toBeNull()
  expect(host.textContent).toContain('工作台')
  expect(mounts).toBe(1)
  await act(async () => root.unmount())
})
