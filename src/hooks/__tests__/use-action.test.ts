const toasts: { title: string; icon?: string }[] = []
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showToast: (t: { title: string; icon?: string }) => (toasts.push(t), Promise.resolve()) } }))
jest.mock('../../services/core/cloud', () => jest.requireActual('../../services/core/cloud-core'))

import { ApiError } from '../../services/core/cloud-core'
import { useAction } from '../use-action'
import { act, renderHook } from './render-hook'

beforeEach(() => void toasts.splice(0))

it('hands the answer to `then`, says it is done, and ignores a second tap while the first runs', async () => {
  const seen: string[] = []
  const { result } = await renderHook(() => useAction<string>((r) => void seen.push(r)))
  let release: (v: string) => void = () => undefined
  const calls: number[] = []
  let first: Promise<boolean> = Promise.resolve(false)
  let second = true
  await act(async () => {
    first = result.current.run(() => new Promise<string>((r) => { calls.push(1); release = r }), '已回复')
    second = await result.current.run(async () => (calls.push(2), 'two'), '又回复')
  })
  expect(result.current.busy).toBe(true)
  expect(second).toBe(false)
  await act(async () => {
    release('answer')
    expect(await first).toBe(true)
  })
  expect(calls).toEqual([1])
  expect(seen).toEqual(['answer'])
  expect(toasts.map((t) => t.title)).toEqual(['已回复'])
  expect(result.current.busy).toBe(false)
})

it('says what went wrong and does not call `then` when the work fails', async () => {
  const seen: unknown[] = []
  const { result } = await renderHook(() => useAction((r) => void seen.push(r)))
  let ok = true
  await act(async () => void (ok = await result.current.run(() => Promise.reject(new ApiError('CONFLICT', '已被别人处理')), '已回复')))
  expect(ok).toBe(false)
  expect(seen).toEqual([])
  expect(toasts.map((t) => t.title)).toEqual(['已被别人处理'])
  expect(result.current.busy).toBe(false)
})
