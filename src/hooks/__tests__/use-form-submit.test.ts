const toasts: { title: string; icon?: string }[] = []
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showToast: (t: { title: string; icon?: string }) => (toasts.push(t), Promise.resolve()) } }))
jest.mock('../../services/core/cloud', () => jest.requireActual('../../services/core/cloud-core'))

import * as v from 'valibot'
import { text } from '@shared/contracts/common'
import { ApiError } from '../../services/core/cloud-core'
import { useFormSubmit } from '../use-form-submit'
import { act, renderHook } from './render-hook'

const schema = v.object({ title: text('标题', 2, 20), contact: v.object({ phone: v.pipe(v.string(), v.regex(/^1\d{10}$/, '请填写 11 位手机号')) }) })
const good = { title: '创业补贴', contact: { phone: '13800000000' } }

beforeEach(() => void toasts.splice(0))

it('refuses input the shared schema refuses: messages on the fields, the first in a toast, nothing sent', async () => {
  const sent: unknown[] = []
  const { result } = await renderHook(() => useFormSubmit({ schema, submit: async (value) => void sent.push(value) }))
  let outcome: unknown
  await act(async () => void (outcome = await result.current.run({ title: 'x', contact: { phone: '12' } })))
  expect(sent).toEqual([])
  expect(outcome).toEqual({ ok: false, invalid: true, error: null })
  expect(Object.keys(result.current.errors).sort()).toEqual(['contact.phone', 'title'])
  expect(result.current.errors['contact.phone']).toBe('请填写 11 位手机号')
  expect(toasts).toEqual([{ title: result.current.errors.title, icon: 'none', duration: 2500 }])
  act(() => result.current.clear('contact'))
  expect(Object.keys(result.current.errors)).toEqual(['title'])
})

it('refuses what the cross-field rules refuse, on the fields, before sending', async () => {
  const sent: unknown[] = []
  const problems = (value: v.InferOutput<typeof schema>) => (value.title.includes('测试') ? [{ path: 'title', message: '标题不能含“测试”' }] : [])
  const { result } = await renderHook(() => useFormSubmit({ schema, problems, submit: async (value) => void sent.push(value) }))
  let outcome: unknown
  await act(async () => void (outcome = await result.current.run({ ...good, title: '测试政策' })))
  expect(outcome).toEqual({ ok: false, invalid: true, error: null })
  expect(sent).toEqual([])
  expect(result.current.errors).toEqual({ title: '标题不能含“测试”' })
  expect(toasts.map((t) => t.title)).toEqual(['标题不能含“测试”'])
  await act(async () => void (outcome = await result.current.run(good)))
  expect(sent).toHaveLength(1)
})

it('sends the checked value, toasts, then navigates with the result', async () => {
  const went: string[] = []
  const { result } = await renderHook(() =>
    useFormSubmit({ schema, submit: async (value) => ({ _id: `p_${value.title}` }), successToast: '已保存', then: (r) => void went.push(r._id) }),
  )
  await act(async () => void (await result.current.run({ ...good, title: '  创业补贴 ' })))
  expect(toasts.map((t) => [t.title, t.icon])).toEqual([['已保存', 'success']])
  expect(went).toEqual(['p_创业补贴'])
  expect(result.current.busy).toBeNull()
})

it('puts the server’s field messages on the fields and says what happened', async () => {
  const { result } = await renderHook(() =>
    useFormSubmit({ schema, submit: async () => Promise.reject(new ApiError('VALIDATION', '标题已被使用', [{ path: 'title', message: '标题已被使用' }])) }),
  )
  await act(async () => void (await result.current.run(good)))
  expect(result.current.errors).toEqual({ title: '标题已被使用' })
  expect(toasts.map((t) => t.title)).toEqual(['标题已被使用'])
})

it('save-and-publish: publishes after saving; a failed publish is reported as saved-but-not-published', async () => {
  const steps: string[] = []
  let failPublish = false
  const reported: { saved: boolean; mode: string }[] = []
  const { result } = await renderHook(() =>
    useFormSubmit<typeof schema, { status: string }, 'save' | 'publish'>({
      schema,
      submit: async () => (steps.push('save'), { status: 'draft' }),
      publish: async () => {
        steps.push('publish')
        if (failPublish) throw new ApiError('CONFLICT', '已下架')
        return { status: 'published' }
      },
      successToast: (r) => (r.status === 'published' ? '已发布' : '已保存'),
      onError: (_e, context) => void reported.push(context),
    }),
  )
  await act(async () => void (await result.current.run(good, 'save')))
  await act(async () => void (await result.current.run(good, 'publish')))
  expect(steps).toEqual(['save', 'save', 'publish'])
  expect(toasts.map((t) => t.title)).toEqual(['已保存', '已发布'])
  failPublish = true
  await act(async () => void (await result.current.run(good, 'publish')))
  expect(reported).toEqual([{ saved: true, mode: 'publish' }])
})

it('ignores a second submit while the first is on its way, and shows which one is busy', async () => {
  let release = () => undefined as void
  const sent: string[] = []
  const { result } = await renderHook(() =>
    useFormSubmit<typeof schema, void, 'save' | 'publish'>({ schema, submit: (_v, mode) => (sent.push(mode), new Promise<void>((r) => (release = r))) }),
  )
  let first: Promise<unknown> = Promise.resolve()
  await act(async () => void (first = result.current.run(good, 'publish')))
  expect(result.current.busy).toBe('publish')
  await act(async () => void (await result.current.run(good, 'save')))
  expect(sent).toEqual(['publish'])
  await act(async () => {
    release()
    await first
  })
  expect(result.current.busy).toBeNull()
})

it('offline: says so, keeps the typed values in the form (nothing cleared), and a later tap sends them', async () => {
  let online = false
  const sent: unknown[] = []
  const { result } = await renderHook(() =>
    useFormSubmit({
      schema,
      submit: async (value) => {
        if (!online) throw new ApiError('NETWORK', '网络不太好，请检查网络后重试')
        sent.push(value)
        return value
      },
    }),
  )
  let outcome: { ok: boolean } | undefined
  await act(async () => void (outcome = await result.current.run(good)))
  expect(outcome?.ok).toBe(false)
  expect(toasts.map((t) => t.title)).toEqual(['没有连上网络，填写的内容还在，联网后再点一次'])
  expect(result.current.errors).toEqual({})
  online = true
  await act(async () => void (outcome = await result.current.run(good)))
  expect(outcome?.ok).toBe(true)
  expect(sent).toEqual([good])
})
