/**
 * The browser build's toasts (src/utils/toast.h5.ts): each call is handed to Taro's calls once
 * their chunk has loaded; a failed load (offline) is not remembered, so the next call tries again.
 */
const calls: string[] = []
let failLoads = 0

jest.mock('../toast-now', () => {
  if (failLoads > 0) {
    failLoads--
    throw new Error('ChunkLoadError: offline')
  }
  return {
    toastSuccess: (t: string) => calls.push(`success:${t}`),
    toastText: (t: string) => calls.push(`text:${t}`),
    confirm: async (t: string, c: string, ok: string) => {
      calls.push(`confirm:${t}:${c}:${ok}`)
      return true
    },
  }
})

const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  jest.resetModules()
  calls.length = 0
  failLoads = 0
})

it('hands each toast and confirm to Taro once the code has loaded', async () => {
  const toast = await import('../toast.h5')
  toast.toastText('网络不可用')
  toast.toastSuccess('已保存')
  await expect(toast.confirm('发布', '确定发布吗', '发布')).resolves.toBe(true)
  await flush()
  expect(calls).toEqual(['text:网络不可用', 'success:已保存', 'confirm:发布:确定发布吗:发布'])
})

it('does not remember a failed load: the next toast loads the code again', async () => {
  failLoads = 1
  const toast = await import('../toast.h5')
  await toast.preloadToasts() // fails quietly
  toast.toastText('第一次')
  await flush()
  await flush()
  expect(calls).toEqual(['text:第一次'])
})

it('a confirm whose code cannot load rejects instead of answering for the user', async () => {
  failLoads = 1
  const toast = await import('../toast.h5')
  await expect(toast.confirm('退出', '确定退出吗', '退出')).rejects.toThrow('offline')
})
