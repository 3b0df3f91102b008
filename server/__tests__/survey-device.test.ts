import { reconcileCounters } from '../../cloudfunctions/_shared/runtime/reconcile'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { demoRuntime } from './inject'
import { verifyToken } from '../auth'

/**
 * The outside probe's survey finding, end to end through the browser build's HTTP surface: one
 * person took a fresh anonymous token per answer and was counted 5 times out of 5. Every token
 * the same browser asks for carries the same signed device id, and the answer claims a
 * (survey, device) slot in its transaction, so the device is counted once however many tokens
 * it holds, sequentially or all at once.
 */
const clock = new Date('2026-11-22T02:00:00Z')
const SECRET = Buffer.from('v'.repeat(32))
const { store, app, fn } = demoRuntime(clock, { secret: SECRET, keyring: makeKeyring(Buffer.from('q'.repeat(32))), now: () => clock, residentSessionsPerMinute: 1000 })
const SURVEY = 'svy_demo_jinsha_env_now' // 金沙社区, open 2026-10-01 … 2026-12-31

/** A fresh anonymous session of the browser holding `deviceId` (none: a new browser), with a community chosen. */
async function session(remoteAddress: string, deviceId?: string): Promise<{ token: string; deviceId: string; residentId: string; claimedDevice: string }> {
  const res = await app().inject({ method: 'POST', url: '/api/auth/resident', remoteAddress, payload: deviceId ? { deviceId } : {} })
  expect(res.statusCode).toBe(200)
  const { token, deviceId: kept } = res.json() as { token: string; deviceId: string }
  const who = verifyToken(SECRET, token, clock.getTime())
  if (!who || !('residentId' in who)) throw new Error('no resident identity in the token')
  expect((await fn(token, 'profile', 'save', { communityId: 'c-jinsha', targetGroups: [] })).statusCode).toBe(200)
  // The device id as the server sees it (the token's claim), which is what a leak would store.
  return { token, deviceId: kept, residentId: who.residentId, claimedDevice: who.deviceId ?? '' }
}

async function questionsOf(id: string): Promise<number> {
  return (await store.collection('surveys').get(id))?.questions.length ?? 0
}
const answer = async (token: string, requestId: string) =>
  fn(token, 'survey', 'answer', { id: SURVEY, levels: Array.from({ length: await questionsOf(SURVEY) }, () => 4), comments: [], requestId })
const tallyN = async () => (await store.collection('surveyTallies').get(SURVEY))?.n ?? 0

it('five fresh tokens on one browser, one after another: the first answer counts, the other four get 409 with a plain reason', async () => {
  const first = await session('10.9.0.1')
  const before = await tallyN()
  expect((await answer(first.token, 'req-seq-0')).statusCode).toBe(200)
  for (let i = 1; i < 5; i++) {
    const next = await session('10.9.0.1', first.deviceId)
    expect(next.residentId).not.toBe(first.residentId)
    expect(next.deviceId).toBe(first.deviceId)
    const res = await answer(next.token, `req-seq-${i}`)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toBe('这台设备已经提交过这份问卷，每台设备、每人只能填写一次')
  }
  expect((await tallyN()) - before).toBe(1)
  // Another browser is another respondent.
  const other = await session('10.9.0.2')
  expect((await answer(other.token, 'req-other-0')).statusCode).toBe(200)
  expect((await tallyN()) - before).toBe(2)
})

it('20 tokens of one browser answering at once: exactly one accepted, counters exact, nothing stored names the device or a resident', async () => {
  const first = await session('10.9.1.1')
  const tabs = [first, ...(await Promise.all(Array.from({ length: 19 }, () => session('10.9.1.1', first.deviceId))))]
  expect(new Set(tabs.map((t) => t.residentId)).size).toBe(20)
  const before = await tallyN()
  const replies = await Promise.all(tabs.map((t, i) => answer(t.token, `req-par-${i}`)))
  expect(replies.filter((r) => r.statusCode === 200)).toHaveLength(1)
  expect(replies.filter((r) => r.statusCode === 409)).toHaveLength(19)
  expect((await tallyN()) - before).toBe(1)
  expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
  const stored: unknown[] = []
  for await (const b of store.collection('surveyResponses').scan(undefined, 500)) stored.push(...b)
  for await (const b of store.collection('surveyDevices').scan(undefined, 500)) stored.push(...b)
  const text = JSON.stringify(stored)
  for (const t of tabs) expect(text).not.toContain(t.residentId)
  expect(first.claimedDevice).not.toBe('')
  expect(text).not.toContain(first.claimedDevice)
})
