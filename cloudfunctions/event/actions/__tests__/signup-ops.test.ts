/**
 * What one sign-up costs in store operations (as CloudBase bills them: one per document call),
 * counted through the real dispatch, and where it touches documents a crowd shares. The event's
 * counts and the org's counters are moved only by single-document writes outside the
 * transaction; the transaction holds only the resident's own documents.
 */
import { countingStore, type OpCount } from '../../../../bench/counting-store'
import type { SignupOutput } from '../../../_shared/contracts/event'
import { dispatch } from '../../../_shared/runtime/dispatch'
import type { Collections } from '../../../_shared/store/collections'
import type { BaseDoc, Store, TxCollection } from '../../../_shared/store/port'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { testExportFiles } from '../../../_shared/testing/export-files'
import { eventActions } from '..'
import { eventDraft, NOW, STAFF, unrenderedMiniCodes } from './fixtures'

const actions = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })

/** Wraps a store so every collection touched inside a transaction is recorded. */
function txTouches(inner: Store<Collections>, touched: Set<string>): Store<Collections> {
  return {
    ...inner,
    collection: inner.collection.bind(inner),
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          collection: (name) => {
            touched.add(name)
            return tx.collection(name) as TxCollection<BaseDoc> as never
          },
        }),
      ),
  }
}

describe('event.signup operations', () => {
  async function setup(capacity: number) {
    const h = await makeHarness(STAFF)
    const ev = await h.ok<{ _id: string }>(actions, staffId('staff-a'), 'save', eventDraft({ capacity }))
    return { h, eventId: ev._id }
  }

  async function signUp(h: Awaited<ReturnType<typeof makeHarness>>, eventId: string, who: string, requestId: string) {
    const n: OpCount = { reads: 0, writes: 0 }
    const touched = new Set<string>()
    const store = txTouches(countingStore(h.store, n), touched)
    const { body } = await dispatch(
      actions,
      { action: 'signup', data: { eventId, name: '王小明', phone: '13900000001', requestId } },
      { store, identity: resident(who), keyring: h.keyring, now: () => new Date(NOW) },
    )
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    return { n, touched, data: body.data as SignupOutput }
  }

  it('a first sign-up: 4 reads (sign-up, event, notice settings, reach) and 6 writes', async () => {
    const { h, eventId } = await setup(2)
    // The month's counter document is created by the org's first count of the month (one write more, once).
    const opening = await signUp(h, eventId, 'r-0', 'req-0000000000')
    expect(opening.n.writes).toBe(7)
    const { n, data } = await signUp(h, eventId, 'r-1', 'req-0000000001')
    expect(data.outcome).toBe('confirmed')
    expect(data.counts).toMatchObject({ confirmed: 2, waitlisted: 0 })
    // Writes: the event (its place), the sign-up, the inbox message (its WeChat delivery is filed
    // later by notify's sendNotices timer), the reach (first time this org reaches the resident),
    // the month and year counters.
    expect(n).toEqual({ reads: 4, writes: 6 })
    expect(n.reads).toBeLessThanOrEqual(4)
  })

  it('a returning resident: one write fewer (already reached)', async () => {
    const { h, eventId } = await setup(5)
    await signUp(h, eventId, 'r-1', 'req-0000000001')
    const other = await h.ok<{ _id: string }>(actions, staffId('staff-a'), 'save', eventDraft({ title: '电商直播培训班', capacity: 5 }))
    const { n } = await signUp(h, other._id, 'r-1', 'req-0000000002')
    expect(n).toEqual({ reads: 4, writes: 5 })
  })

  it('a retried request is answered from the sign-up and writes nothing', async () => {
    const { h, eventId } = await setup(2)
    const first = await signUp(h, eventId, 'r-1', 'req-0000000001')
    const again = await signUp(h, eventId, 'r-1', 'req-0000000001')
    expect(again.data.outcome).toBe(first.data.outcome)
    expect(again.n.writes).toBe(0)
  })

  it('on the CloudBase path, one resident tapping 10 times at once gets one sign-up and gives back the extra places', async () => {
    const { h, eventId } = await setup(3)
    const n: OpCount = { reads: 0, writes: 0 }
    // A wrapper has no `atomically`: the steps run as CloudBase runs them, each on its own.
    const store = countingStore(h.store, n)
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        dispatch(actions, { action: 'signup', data: { eventId, name: '王小明', phone: '13900000001', requestId: 'req-0000000009' } }, { store, identity: resident('r-9'), keyring: h.keyring, now: () => new Date(NOW) }),
      ),
    )
    expect(replies.map((r) => (r.body.ok ? (r.body.data as SignupOutput).outcome : 'refused'))).toEqual(Array(10).fill('confirmed'))
    expect(await h.store.collection('eventSignups').count()).toBe(1)
    expect(await h.store.collection('events').get(eventId)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 })
    expect(await h.store.collection('inbox').count()).toBe(1)
  })

  it('the transaction holds only the resident’s own documents, never the event or the counters', async () => {
    const { h, eventId } = await setup(1)
    const confirmed = await signUp(h, eventId, 'r-1', 'req-0000000001')
    const waitlisted = await signUp(h, eventId, 'r-2', 'req-0000000002')
    expect(waitlisted.data.outcome).toBe('waitlisted')
    for (const { touched } of [confirmed, waitlisted]) {
      expect([...touched].sort()).toEqual(['eventSignups', 'inbox', 'noticeSettings'])
    }
  })
})
