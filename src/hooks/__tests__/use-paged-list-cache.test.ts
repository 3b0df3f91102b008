const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    stopPullDownRefresh: () => undefined,
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => storage.set(k, v),
    removeStorageSync: (k: string) => storage.delete(k),
  },
  useDidShow: () => undefined,
  usePullDownRefresh: () => undefined,
  useReachBottom: () => undefined,
}))

import type { PageOf } from '@shared/contracts/common'
import { usePagedList } from '../use-paged-list'
import { act, renderHook } from './render-hook'

interface Message {
  id: string
  read: boolean
}

it('keeps a replaced row in the offline copy: a read message does not come back 未读 on the next visit', async () => {
  let server: Message[] = [
    { id: 'a', read: false },
    { id: 'b', read: false },
  ]
  // The next fetch hangs, as on a slow network: the page shows the kept copy meanwhile.
  let hang = false
  const fetchPage = (): Promise<PageOf<Message>> => (hang ? new Promise(() => undefined) : Promise.resolve({ items: server.map((m) => ({ ...m })), next: null }))
  const first = await renderHook(() => usePagedList(fetchPage, [], { cacheKey: 'inbox-test' }))
  expect(first.result.current.items.map((m) => m.read)).toEqual([false, false])

  act(() => first.result.current.replace((m) => m.id === 'a', { id: 'a', read: true }))
  server = server.map((m) => (m.id === 'a' ? { ...m, read: true } : m))
  expect(first.result.current.items.map((m) => m.read)).toEqual([true, false])

  hang = true
  const again = await renderHook(() => usePagedList(fetchPage, [], { cacheKey: 'inbox-test' }))
  expect(again.result.current.stale).toBe(true)
  expect(again.result.current.items).toEqual([
    { id: 'a', read: true },
    { id: 'b', read: false },
  ])
})
