const pageHooks: Record<string, () => void> = {}
const stopped: number[] = []
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { stopPullDownRefresh: () => stopped.push(1) },
  useDidShow: (fn: () => void) => (pageHooks.show = fn),
  usePullDownRefresh: (fn: () => void) => (pageHooks.pullDown = fn),
}))

import { usePageLoad } from '../use-page-load'
import { act, renderHook } from './render-hook'

it('loads once on the first show, again on every later show, and on pull-down (then stops the spinner)', async () => {
  let calls = 0
  const { result } = await renderHook(() => usePageLoad(async () => ++calls, []))
  expect(result.current.data).toBe(1)
  // The first show is the initial load: no second read.
  await act(async () => pageHooks.show())
  expect(calls).toBe(1)
  await act(async () => pageHooks.show())
  expect(calls).toBe(2)
  expect(result.current.data).toBe(2)
  expect(stopped).toHaveLength(0)
  await act(async () => pageHooks.pullDown())
  expect(calls).toBe(3)
  expect(result.current.data).toBe(3)
  expect(stopped).toHaveLength(1)
})

it('stops the pull-down spinner when the reload fails, keeping what was shown', async () => {
  let fail = false
  const { result } = await renderHook(() =>
    usePageLoad(async () => {
      if (fail) throw new Error('down')
      return 'first'
    }, []),
  )
  stopped.length = 0
  fail = true
  await act(async () => pageHooks.pullDown())
  expect(stopped).toHaveLength(1)
  expect(result.current.status).toBe('error')
  expect(result.current.data).toBe('first')
})
