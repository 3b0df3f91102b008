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

  it('a first sign-up: 4 reads (sign-up, event, notice settings, reach) and 5 writes', async () => {
    const { h, eventId } = await setup(2)
    // The org's year document already exists here (the harness counts its staff on it), so even
    // the org's first sign-up of the month writes no new counter document (before: 7 writes, the
    // month document's insert). Only an org's first count of a year inserts it (once a year).
    const opening = await signUp(h, eventId, 'r-0', 'req-0000000000')
    expect(opening.n).toEqual({ reads: 4, writes: 5 })
    const { n, data } = await signUp(h, eventId, 'r-1', 'req-0000000001')
    expect(data.outcome).toBe('confirmed')
    expect(data.counts).toMatchObject({ confirmed: 2, waitlisted: 0 })
    // Writes: the event (its place), the sign-up, the inbox message (its WeChat delivery is filed
    // later by notify's sendNotices timer), the reach (first time this org reaches the resident),
    // the year counter document (the month's part is a field of it, moved by the same `inc`).
    expect(n).toEqual({ reads: 4, writes: 5 })
  })

  it('a returning resident: one write fewer (already reached)', async () => {
    const { h, eventId } = await setup(5)
    await signUp(h, eventId, 'r-1', 'req-0000000001')
    const other = await h.ok<{ _id: string }>(actions, staffId('staff-a'), 'save', eventDraft({ title: '电商直播培训班', capacity: 5 }))
    const { n } = await signUp(h, other._id, 'r-1', 'req-0000000002')
    expect(n).toEqual({ reads: 4, writes: 4 })
  })

  it('waitlisted: 4 reads and at most 5 writes, the place in line from the claim (no count of the people ahead)', async () => {
    const { h, eventId } = await setup(1)
    await signUp(h, eventId, 'r-0', 'req-0000000000')
    const first = await signUp(h, eventId, 'r-1', 'req-0000000001')
    const second = await signUp(h, eventId, 'r-2', 'req-0000000002')
    expect([first.data.outcome, second.data.outcome]).toEqual(['waitlisted', 'waitlisted'])
    expect([first.data.mine.waitlistAhead, second.data.mine.waitlistAhead]).toEqual([0, 1])
    // Writes: the event, the sign-up, the inbox message, the reach, the year counter (residents reached).
    expect(second.n).toEqual({ reads: 4, writes: 5 })
    // A returning resident on the waitlist: no reach write.
    const other = await h.ok<{ _id: string }>(actions, staffId('staff-a'), 'save', eventDraft({ title: '电商直播培训班', capacity: 1 }))
    await signUp(h, other._id, 'r-0', 'req-0000000003')
    const back = await signUp(h, other._id, 'r-2', 'req-0000000004')
    expect(back.data.outcome).toBe('waitlisted')
    expect(back.data.mine.waitlistAhead).toBe(0)
    expect(back.n).toEqual({ reads: 4, writes: 3 })
    // The place in line the claim gave is the one a count gives (the event page's later reads count).
    const view = await h.ok<{ mine: { waitlistAhead: number | null } }>(actions, resident('r-2'), 'get', { id: eventId })
    expect(view.mine.waitlistAhead).toBe(1)
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
