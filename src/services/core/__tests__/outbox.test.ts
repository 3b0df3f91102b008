/**
 * The outbox behind sign-ups and survey answers: one request id for every retry, the request
 * kept in storage until the server answers, and reused by the next send after the app closed.
 */
const storage = new Map<string, unknown>()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
  },
}))

import { ApiError, ErrorCodes } from '../cloud-core'
import { pendingSend, sendReliably } from '../outbox'

const lost = () => new ApiError(ErrorCodes.network, '网络不太好')
const NO_WAIT = [0, 0, 0]

beforeEach(() => storage.clear())

describe('outbox', () => {
  it('retries a lost request with the same id, says it is waiting once, and forgets it when answered', async () => {
    const ids: string[] = []
    let waiting = 0
    const out = await sendReliably(
      'signup.ev1',
      { eventId: 'ev1' },
      async (_input, requestId) => {
        ids.push(requestId)
        if (ids.length < 3) throw lost()
        return 'confirmed'
      },
      { delays: NO_WAIT, onWaiting: () => waiting++ },
    )
    expect(out).toBe('confirmed')
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(1)
    expect(waiting).toBe(1)
    expect(pendingSend('signup.ev1')).toBeNull()
  })

  it('keeps the request when the network never comes back, and the next send reuses its id', async () => {
    const ids: string[] = []
    await expect(
      sendReliably('survey.s1', { id: 's1' }, async (_i, requestId) => {
        ids.push(requestId)
        throw lost()
      }, { delays: NO_WAIT }),
    ).rejects.toMatchObject({ code: ErrorCodes.network })
    expect(pendingSend<{ id: string }>('survey.s1')).toMatchObject({ requestId: ids[0], input: { id: 's1' } })
    // The app reopened: the same request goes out under the same id.
    await sendReliably('survey.s1', { id: 's1' }, async (_i, requestId) => {
      ids.push(requestId)
      return true
    })
    expect(new Set(ids).size).toBe(1)
    expect(pendingSend('survey.s1')).toBeNull()
  })

  it('does not retry a refusal, and drops the kept request', async () => {
    let calls = 0
    await expect(
      sendReliably('signup.ev2', { eventId: 'ev2' }, async () => {
        calls++
        throw new ApiError(ErrorCodes.conflict, '你已报名')
      }, { delays: NO_WAIT }),
    ).rejects.toMatchObject({ message: '你已报名' })
    expect(calls).toBe(1)
    expect(pendingSend('signup.ev2')).toBeNull()
  })
})
