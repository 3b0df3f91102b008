const pageHooks: Record<string, () => void> = {}
const stopped: number[] = []
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { stopPullDownRefresh: () => stopped.push(1), getStorageSync: () => '', setStorageSync: () => undefined },
  useDidShow: (fn: () => void) => (pageHooks.show = fn),
  usePullDownRefresh: (fn: () => void) => (pageHooks.pullDown = fn),
  useReachBottom: (fn: () => void) => (pageHooks.bottom = fn),
}))

import type { PageOf } from '@shared/contracts/common'
import { useListPage, usePagedList } from '../use-paged-list'
import { act, renderHook } from './render-hook'

/** A server of rows 1..total, `size` a page, that answers from a script of failures. */
function server(total: number, size: number) {
  const calls: (string | null)[] = []
  const failures: unknown[] = []
  const fetchPage = async (after: string | null): Promise<PageOf<number>> => {
    calls.push(after)
    const f = failures.shift()
    if (f) throw f
    const start = after ? Number(after) : 0
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i + 1)
    return { items, next: start + size < total ? String(start + size) : null }
  }
  return { calls, failures, fetchPage }
}

const flush = () => act(async () => undefined)

it('loads the first page, then the next, and says when there is no more', async () => {
  const s = server(5, 2)
  const { result } = await renderHook(() => usePagedList(s.fetchPage, []))
  expect(result.current.status).toBe('ready')
  expect(result.current.items).toEqual([1, 2])
  expect(result.current.hasMore).toBe(true)
  await act(() => result.current.loadMore())
  await act(() => result.current.loadMore())
  expect(result.current.items).toEqual([1, 2, 3, 4, 5])
  expect(result.current.hasMore).toBe(false)
  expect(s.calls).toEqual([null, '2', '4'])
})

it('an empty first page is ready with no rows; a failed one is an error with its cause', async () => {
  const empty = await renderHook(() => usePagedList(server(0, 2).fetchPage, []))
  expect([empty.result.current.status, empty.result.current.items, empty.result.current.hasMore]).toEqual(['ready', [], false])
  const s = server(3, 2)
  const cause = new Error('offline')
  s.failures.push(cause)
  const failed = await renderHook(() => usePagedList(s.fetchPage, []))
  expect(failed.result.current.status).toBe('error')
  expect(failed.result.current.error).toBe(cause)
  await act(() => failed.result.current.refresh())
  expect([failed.result.current.status, failed.result.current.error, failed.result.current.items]).toEqual(['ready', null, [1, 2]])
})

it('keeps the error of a failed next page for the footer, keeps the rows, and clears it on retry', async () => {
  const s = server(5, 2)
  const { result } = await renderHook(() => usePagedList(s.fetchPage, []))
  const cause = { code: 'NETWORK', message: '网络不太好' }
  s.failures.push(cause)
  await act(() => result.current.loadMore())
  expect(result.current.moreFailed).toBe(true)
  expect(result.current.moreError).toBe(cause)
  expect(result.current.items).toEqual([1, 2])
  expect(result.current.status).toBe('ready')
  await act(() => result.current.loadMore())
  expect([result.current.moreFailed, result.current.moreError, result.current.items]).toEqual([false, null, [1, 2, 3, 4]])
})

it('on its page: refreshes quietly when shown again, on pull-down (stopping the spinner), and loads more at the bottom unless the last try failed', async () => {
  const s = server(5, 2)
  let extra = 0
  const { result } = await renderHook(() => {
    const list = usePagedList(s.fetchPage, [])
    useListPage(list, { alsoReload: async () => void extra++ })
    return list
  })
  await act(async () => pageHooks.show()) // the first show is the initial load
  expect(s.calls).toEqual([null])
  await act(async () => pageHooks.show())
  expect([s.calls, extra]).toEqual([[null, null], 1])
  await act(async () => pageHooks.pullDown())
  await flush()
  expect([s.calls.length, extra, stopped.length]).toEqual([3, 2, 1])
  await act(async () => pageHooks.bottom())
  await flush()
  expect(result.current.items).toEqual([1, 2, 3, 4])
  s.failures.push(new Error('down'))
  await act(async () => pageHooks.bottom())
  await flush()
  expect(result.current.moreFailed).toBe(true)
  const before = s.calls.length
  await act(async () => pageHooks.bottom())
  expect(s.calls.length).toBe(before)
})

it('refreshOnShow can decline a show (a page that must not reload yet)', async () => {
  const s = server(3, 2)
  let ready = false
  await renderHook(() => useListPage(usePagedList(s.fetchPage, []), { refreshOnShow: () => ready }))
  await act(async () => pageHooks.show())
  await act(async () => pageHooks.show())
  expect(s.calls).toEqual([null])
  ready = true
  await act(async () => pageHooks.show())
  expect(s.calls).toEqual([null, null])
})
