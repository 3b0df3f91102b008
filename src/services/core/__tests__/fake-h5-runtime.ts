/**
 * A fake local runtime for the H5 transport's tests: Taro's storage as a Map and `fetch` answered
 * by `fake.respond`, every request kept in `fake.requests`. Import it before `../cloud.h5`.
 */
export interface FakeRequest {
  url: string
  header: Record<string, string>
  data: unknown
}

export const fake = {
  storage: new Map<string, unknown>(),
  requests: [] as FakeRequest[],
  respond: (_req: FakeRequest): { statusCode: number; data: unknown } => ({ statusCode: 500, data: null }),
  /** Empties storage and the request log. */
  reset(): void {
    fake.storage.clear()
    fake.requests.length = 0
  },
}

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => fake.storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void fake.storage.set(k, v),
    removeStorageSync: (k: string) => void fake.storage.delete(k),
  },
}))

// The local runtime, seen through `fetch`.
global.fetch = (async (url: string, init: { headers: Record<string, string>; body: string }) => {
  const req: FakeRequest = { url, header: init.headers, data: JSON.parse(init.body) }
  fake.requests.push(req)
  const res = fake.respond(req)
  return { status: res.statusCode, json: async () => res.data }
}) as unknown as typeof fetch
