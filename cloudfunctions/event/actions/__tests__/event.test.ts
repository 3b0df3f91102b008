import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type {
  AttendeesOutput,
  AttendeeView,
  CancelOutput,
  CheckinOutput,
  CodeOutput,
  EventListOutput,
  EventView,
  ExportOutput,
  ResolveOutput,
  SignupOutput,
} from '../../../_shared/contracts/event'
import type { InboxOutput, MarkReadOutput } from '../../../_shared/contracts/notify'
import { REFUSALS, slotOf } from '../../../_shared/domain/event'
import { periodsOf } from '../../../_shared/domain/period'
import { periodCounts } from '../../../_shared/testing/counters'
import { resident, staffId } from '../../../_shared/testing/harness'
import { inboxActions as notifyActions } from '../../../notify/actions'
import { signScene } from '../../../_shared/codes/scene'
import ExcelJS from 'exceljs'
import { eventDraft, eventHarness, NOW, rid } from './fixtures'
import { requestIdOf, signupIdOf } from '../../access'

type H = Awaited<ReturnType<typeof eventHarness>>

const ORIGIN = 'http://127.0.0.1:8080'
const ON_SITE = '2026-11-23T01:10:00.000Z' // 09:10 Shanghai, the event is on

async function createEvent(h: H, over = {}) {
  return h.ok<EventView>(h.actions, staffId('staff-a'), 'save', eventDraft(over))
}

function decode(base64: string | null): string {
  if (base64 === null) throw new Error('expected an inline image')
  const png = PNG.sync.read(Buffer.from(base64, 'base64'))
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code in the image')
  return found.data
}

/** The scene the page reads: from the query after the hash. */
const sceneOf = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '').get('scene') ?? ''

async function checkinScene(h: H, eventId: string): Promise<string> {
  const code = await h.ok<CodeOutput>(h.actions, staffId('staff-a'), 'code', { id: eventId, purpose: 'checkin', origin: ORIGIN })
  return code.scene
}

const person = (i: number) => ({ name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}` })

describe('event codes', () => {
  it('serves PNG codes whose URL carries a short signed scene that resolves to the event', async () => {
    const h = await eventHarness({ renderCodes: true })
    const e = await createEvent(h)
    const poster = await h.ok<CodeOutput>(h.actions, staffId('staff-a'), 'code', { id: e._id, purpose: 'poster', origin: ORIGIN })
    const url = decode(poster.image)
    expect(url).toBe(poster.url)
    // The scene also before the hash, where the runtime sees it and draws the event into the HTML.
    expect(url).toBe(`${ORIGIN}/?s=${encodeURIComponent(poster.scene)}#/pkg-event/pages/event/index?scene=${encodeURIComponent(poster.scene)}`)
    expect(new URL(url).searchParams.get('s')).toBe(poster.scene)
    expect(sceneOf(url)).toBe(poster.scene)
    expect(poster.scene.length).toBeLessThanOrEqual(32)

    const checkin = await h.ok<CodeOutput>(h.actions, staffId('staff-a'), 'code', { id: e._id, purpose: 'checkin', origin: ORIGIN })
    expect(checkin.scene.length).toBeLessThanOrEqual(32)
    expect(sceneOf(decode(checkin.image))).toBe(checkin.scene)
    expect(Date.parse(checkin.rotatesAt ?? '') - Date.parse(NOW)).toBeLessThanOrEqual(30_000)

    const r = await h.ok<ResolveOutput>(h.actions, resident('r1'), 'resolve', { scene: poster.scene })
    expect(r.event._id).toBe(e._id)
    expect(r.scene.kind).toBe('poster')
    expect(r.signup).toEqual({ ok: true })
    expect(r.checkin).toBeNull()
  })

  it('rotates the check-in code every 30 seconds', async () => {
    const h = await eventHarness()
    const e = await createEvent(h)
    const first = await checkinScene(h, e._id)
    h.setNow(new Date(Date.parse(NOW) + 29_000 - (Date.parse(NOW) % 30_000)).toISOString())
    expect(await checkinScene(h, e._id)).toBe(first)
    h.setNow(new Date(Date.parse(NOW) + 30_000).toISOString())
    expect(await checkinScene(h, e._id)).not.toBe(first)
  })

  it('refuses forged, tampered, poster, expired and other-event codes with their reason', async () => {
    const h = await eventHarness()
    const e = await createEvent(h)
    const other = await createEvent(h, { title: '另一场活动：电商直播培训' })
    h.setNow(ON_SITE)
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    const fresh = await checkinScene(h, e._id)
    const tryCheckin = (scene: string) => h.call(h.actions, resident('r1'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: rid() })
    const refusedWith = async (scene: string, message: string) => {
      const res = await tryCheckin(scene)
      expect(res.status).toBe(400)
      expect(res.body.ok ? null : res.body.error).toEqual({ code: 'VALIDATION', message, fields: [{ path: 'scene', message }] })
    }

    // Forged: the right shape, a MAC made without the server's key.
    const [c, code, slot] = fresh.split('.')
    await refusedWith(`${c}.${code}.${slot}.AAAAAAAAAAAA`, REFUSALS.invalid_code)
    // Tampered: a valid code with its slot moved forward (to outlive its rotation).
    await refusedWith(`${c}.${code}.${(parseInt(slot, 36) + 5).toString(36)}.${fresh.split('.')[3]}`, REFUSALS.invalid_code)
    await refusedWith('garbage', REFUSALS.invalid_code)
    // The poster's code opens the event but never checks in.
    const poster = await h.ok<CodeOutput>(h.actions, staffId('staff-a'), 'code', { id: e._id, purpose: 'poster', origin: ORIGIN })
    await refusedWith(poster.scene, REFUSALS.invalid_code)
    // Another event's fresh check-in code.
    await refusedWith(await checkinScene(h, other._id), REFUSALS.other_event)
    // A code from the future was never shown.
    await refusedWith(signScene(h.keyring, { kind: 'checkin', code: e.code, slot: slotOf(new Date(ON_SITE)) + 1 }), REFUSALS.invalid_code)

    // Expired: still fine one rotation later, refused after two (a photo taken home).
    h.setNow(new Date(Date.parse(ON_SITE) + 30_000).toISOString())
    const stillOk = await tryCheckin(fresh)
    expect(stillOk.status).toBe(200)
    const h2 = await eventHarness()
    const e2 = await h2.ok<EventView>(h2.actions, staffId('staff-a'), 'save', eventDraft())
    h2.setNow(ON_SITE)
    await h2.ok(h2.actions, resident('r1'), 'signup', { eventId: e2._id, ...person(1), requestId: rid() })
    const old = await checkinScene(h2, e2._id)
    h2.setNow(new Date(Date.parse(ON_SITE) + 60_000).toISOString())
    const expired = await h2.call(h2.actions, resident('r1'), 'checkin', { mode: 'scan', eventId: e2._id, scene: old, requestId: rid() })
    expect(expired.status).toBe(400)
    expect(expired.body.ok ? '' : expired.body.error.message).toBe(REFUSALS.expired_code)
    // resolve still shows the event, and says why check-in is refused.
    const r = await h2.ok<ResolveOutput>(h2.actions, resident('r1'), 'resolve', { scene: old })
    expect(r.event._id).toBe(e2._id)
    expect(r.checkin).toEqual({ ok: false, reason: 'expired_code', message: REFUSALS.expired_code })
    // resolve refuses a forged scene outright.
    const forged = await h2.call(h2.actions, resident('r1'), 'resolve', { scene: `p.${e2.code}.AAAAAAAAAAAA` })
    expect(forged.status).toBe(400)
  })
})

describe('sign-up and check-in', () => {
  it('signs up in one tap with last time\'s details, checks in once, and a replay says already checked in', async () => {
    const h = await eventHarness()
    const first = await createEvent(h)
    const e = await createEvent(h, { title: '创业担保贷款政策宣讲会' })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: first._id, name: '张三', phone: '13812345678', requestId: rid() })

    const poster = await h.ok<CodeOutput>(h.actions, staffId('staff-a'), 'code', { id: e._id, purpose: 'poster', origin: ORIGIN })
    const r = await h.ok<ResolveOutput>(h.actions, resident('r1'), 'resolve', { scene: poster.scene })
    expect(r.prefill).toEqual({ name: '张三', phone: '13812345678' })
    const s = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...r.prefill!, requestId: rid() })
    expect(s.outcome).toBe('confirmed')
    expect(s.mine.phoneMasked).toBe('138****5678')
    // The answer carries the counts after this sign-up, so the page's places left are not stale.
    expect(s.counts).toMatchObject({ confirmed: 1, waitlisted: 0 })

    const again = await h.call(h.actions, resident('r1'), 'signup', { eventId: e._id, name: '张三', phone: '13812345678', requestId: rid() })
    expect(again.status).toBe(409)
    expect(again.body.ok ? '' : again.body.error.message).toBe(REFUSALS.already_signed_up)

    // Before the event: not yet open for check-in.
    const early = await h.call(h.actions, resident('r1'), 'checkin', { mode: 'scan', eventId: e._id, scene: await checkinScene(h, e._id), requestId: rid() })
    expect(early.status).toBe(409)
    expect(early.body.ok ? '' : early.body.error.message).toBe(REFUSALS.checkin_not_open)

    h.setNow(ON_SITE)
    const scene = await checkinScene(h, e._id)
    const done = await h.ok<CheckinOutput>(h.actions, resident('r1'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: rid() })
    expect(done.outcome).toBe('checked_in')
    expect(done.mine.status).toBe('checked_in')

    const replay = await h.call(h.actions, resident('r1'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: rid() })
    expect(replay.status).toBe(409)
    expect(replay.body.ok ? '' : replay.body.error.message).toBe(REFUSALS.already_checked_in)

    const view = await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })
    expect(view.counts).toEqual({ capacity: 50, confirmed: 1, waitlisted: 0, checkedIn: 1 })
    const month = await periodCounts(h.store, 'comm-a', periodsOf(new Date(ON_SITE)).month)
    expect(month).toMatchObject({ signups: 2, attendance: 1, eventsHeld: 1, residentsReached: 1 })
  })

  it('refuses sign-up outside the window, for a cancelled event, and check-in while waitlisted, each with its reason', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 1, walkIn: false })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    const w = await h.ok<SignupOutput>(h.actions, resident('r2'), 'signup', { eventId: e._id, ...person(2), requestId: rid() })
    expect(w.outcome).toBe('waitlisted')
    expect(w.mine.waitlistAhead).toBe(0)

    h.setNow(ON_SITE)
    const scene = await checkinScene(h, e._id)
    const waiting = await h.call(h.actions, resident('r2'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: rid() })
    expect(waiting.body.ok ? '' : waiting.body.error.message).toBe(REFUSALS.waitlisted)
    const stranger = await h.call(h.actions, resident('r3'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: rid() })
    expect(stranger.body.ok ? '' : stranger.body.error.message).toBe(REFUSALS.no_walk_in)

    h.setNow('2026-11-23T03:10:00.000Z') // 11:10, after sign-up closed
    const late = await h.call(h.actions, resident('r4'), 'signup', { eventId: e._id, ...person(4), requestId: rid() })
    expect(late.body.ok ? '' : late.body.error.message).toBe(REFUSALS.not_open)

    h.setNow(NOW)
    const e2 = await createEvent(h)
    await h.ok(h.actions, staffId('staff-a'), 'cancel', { mode: 'event', eventId: e2._id, reason: '场地临时维修' })
    const onCancelled = await h.call(h.actions, resident('r1'), 'signup', { eventId: e2._id, ...person(1), requestId: rid() })
    expect(onCancelled.status).toBe(409)
    expect(onCancelled.body.ok ? '' : onCancelled.body.error.message).toBe(REFUSALS.cancelled)
  })

  it('lets a walk-in sign up at the venue with the fresh code and checks them in at once', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { signupUntil: '2026-11-22T20:00:00+08:00' })
    h.setNow(ON_SITE)
    const scene = await checkinScene(h, e._id)
    const r = await h.ok<ResolveOutput>(h.actions, resident('walker'), 'resolve', { scene })
    expect(r.signup).toEqual({ ok: true })
    expect(r.checkin).toEqual({ ok: false, reason: 'not_signed_up', message: REFUSALS.not_signed_up })
    const late = await h.call(h.actions, resident('walker'), 'signup', { eventId: e._id, ...person(9), requestId: rid() })
    expect(late.body.ok ? '' : late.body.error.message).toBe(REFUSALS.not_open)
    const s = await h.ok<SignupOutput>(h.actions, resident('walker'), 'signup', { eventId: e._id, ...person(9), scene, requestId: rid() })
    expect(s.outcome).toBe('checked_in')
    expect(s.mine.via).toBe('walk_in')
    const view = await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })
    expect(view.counts).toMatchObject({ confirmed: 1, checkedIn: 1 })
  })

  it('answers a retry from the sign-up it made, and a sign-up stored before requests were kept on it from its request record', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 5 })
    const req = rid()
    const first = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: req })
    const stored = await h.store.collection('eventSignups').get(signupIdOf(h.keyring, e._id, 'r1'))
    expect(stored?.requests).toEqual({ [requestIdOf(h.keyring, 'r1', 'signup', e._id, req)]: 'confirmed' })
    expect(await h.store.collection('eventRequests').count()).toBe(0)
    // An older sign-up: no requests on it, its request in eventRequests.
    const { requests: _r, ...legacy } = stored!
    await h.store.collection('eventSignups').put(legacy)
    await h.store.collection('eventRequests').insert({ _id: requestIdOf(h.keyring, 'r1', 'signup', e._id, req), action: 'signup', eventId: e._id, at: NOW, outcome: 'confirmed' })
    const retried = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: req })
    expect(retried.outcome).toBe(first.outcome)
    // A new request on it is still refused as a second sign-up.
    const again = await h.call(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    expect(again.status).toBe(409)
    const view = await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })
    expect(view.counts).toMatchObject({ confirmed: 1, waitlisted: 0 })
  })

  it('makes a retry with the same request id a no-op for sign-up, cancel and check-in', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 1 })
    const req = rid()
    const a = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: req })
    const b = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: req })
    expect(b.outcome).toBe(a.outcome)
    await h.ok(h.actions, resident('r2'), 'signup', { eventId: e._id, ...person(2), requestId: rid() })

    const cancelReq = rid()
    await h.ok(h.actions, resident('r1'), 'cancel', { mode: 'signup', eventId: e._id, requestId: cancelReq })
    // r2 moved up; r1 signs up again (waitlisted now), then the old cancel is retried.
    const back = await h.ok<SignupOutput>(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    expect(back.outcome).toBe('waitlisted')
    await h.ok(h.actions, resident('r1'), 'cancel', { mode: 'signup', eventId: e._id, requestId: cancelReq })
    // And the very first sign-up request, retried late, does not sign up a second time either.
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: req })
    let view = await h.ok<EventView>(h.actions, resident('r1'), 'get', { id: e._id })
    expect(view.mine?.status).toBe('waitlisted')
    expect(view.counts).toMatchObject({ confirmed: 1, waitlisted: 1 })

    h.setNow(ON_SITE)
    const scene = await checkinScene(h, e._id)
    const checkReq = rid()
    await h.ok(h.actions, resident('r2'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: checkReq })
    const retried = await h.ok<CheckinOutput>(h.actions, resident('r2'), 'checkin', { mode: 'scan', eventId: e._id, scene, requestId: checkReq })
    expect(retried.outcome).toBe('checked_in')
    view = await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })
    expect(view.counts.checkedIn).toBe(1)
    const month = await periodCounts(h.store, 'comm-a', periodsOf(new Date(ON_SITE)).month)
    expect(month).toMatchObject({ signups: 1, attendance: 1, eventsHeld: 1, residentsReached: 2 })
  })

  it('promotes the first waitlisted when someone cancels, and tells them in their inbox', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 2 })
    for (const i of [1, 2, 3, 4, 5]) await h.ok(h.actions, resident(`r${i}`), 'signup', { eventId: e._id, ...person(i), requestId: rid() })
    const r5 = await h.ok<EventView>(h.actions, resident('r5'), 'get', { id: e._id })
    expect(r5.mine).toMatchObject({ status: 'waitlisted', waitlistAhead: 2 })

    const out = await h.ok<CancelOutput>(h.actions, resident('r1'), 'cancel', { mode: 'signup', eventId: e._id, requestId: rid() })
    expect(out.promoted).toBe(1)
    const statuses = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map(async (r) => (await h.ok<EventView>(h.actions, resident(r), 'get', { id: e._id })).mine?.status ?? null))
    expect(statuses).toEqual([null, 'confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    const inbox = await h.ok<InboxOutput>(notifyActions, resident('r3'), 'inbox', {})
    // The waitlist place when they signed up, then the promotion, both opening the event.
    expect(inbox.unreadCount).toBe(2)
    expect(inbox.items.map((m) => m.title).sort()).toEqual(['候补成功，你已报上名', `已排上候补：${e.title}`].sort())
    for (const m of inbox.items) expect(m).toMatchObject({ kind: 'signup', sourceId: e._id, link: `/pkg-event/pages/event/index?id=${e._id}` })

    // Staff raise the capacity: the waitlist moves up in order.
    const current = await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })
    await h.ok(h.actions, staffId('staff-a'), 'save', eventDraft({ id: e._id, version: current.version, capacity: 3 }))
    expect((await h.ok<EventView>(h.actions, resident('r4'), 'get', { id: e._id })).mine?.status).toBe('confirmed')
    expect((await h.ok<EventView>(h.actions, resident('r5'), 'get', { id: e._id })).mine?.status).toBe('waitlisted')
    // Capacity below the confirmed count is refused on the field.
    const tooSmall = await h.call(h.actions, staffId('staff-a'), 'save', eventDraft({ id: e._id, version: current.version + 1, capacity: 1 }))
    expect(tooSmall.status).toBe(400)
    expect(tooSmall.body.ok ? [] : tooSmall.body.error.fields?.map((f) => f.path)).toEqual(['capacity'])
  })
})

describe('staff', () => {
  it('cancels an event and every signed-up or waiting resident finds it in their inbox', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 1 })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    await h.ok(h.actions, resident('r2'), 'signup', { eventId: e._id, ...person(2), requestId: rid() })
    await h.ok(h.actions, resident('r3'), 'signup', { eventId: e._id, ...person(3), requestId: rid() })
    await h.ok(h.actions, resident('r3'), 'cancel', { mode: 'signup', eventId: e._id, requestId: rid() })

    const out = await h.ok<CancelOutput>(h.actions, staffId('staff-a'), 'cancel', { mode: 'event', eventId: e._id, reason: '场地临时维修' })
    expect(out.notified).toBe(2)
    expect(out.event.status).toBe('cancelled')
    // Running it again tells nobody twice.
    expect((await h.ok<CancelOutput>(h.actions, staffId('staff-a'), 'cancel', { mode: 'event', eventId: e._id, reason: '场地临时维修' })).notified).toBe(0)

    const r1 = await h.ok<InboxOutput>(notifyActions, resident('r1'), 'inbox', {})
    // The sign-up's own message, then the cancellation (newest first).
    expect(r1.unreadCount).toBe(2)
    const cancelled = r1.items.find((m) => m.kind === 'event_cancelled')
    expect(cancelled).toMatchObject({ sourceId: e._id, readAt: null })
    expect(cancelled?.body).toContain('场地临时维修')
    expect((await h.ok<InboxOutput>(notifyActions, resident('r3'), 'inbox', {})).items.map((m) => m.kind)).toEqual(['signup'])
    // Another resident cannot mark r1's message read.
    expect((await h.ok<MarkReadOutput>(notifyActions, resident('r2'), 'markRead', { ids: [cancelled?._id ?? ''] })).marked).toBe(0)
    expect(await h.ok<MarkReadOutput>(notifyActions, resident('r1'), 'markRead', { ids: [cancelled?._id ?? ''] })).toEqual({ marked: 1, unreadCount: 1 })
    // Sign-ups of a cancelled event no longer count.
    const month = await periodCounts(h.store, 'comm-a', periodsOf(new Date(NOW)).month)
    expect(month).toMatchObject({ signups: 0 })
    const audit = await h.store.collection('audit').find({ limit: 50 })
    expect(audit.items.filter((a) => a.actorId === 'staff-a' && a.target === e._id && a.result === 'ok').length).toBeGreaterThanOrEqual(2)
  })

  it('lists attendees with masked phones, checks one in by hand, and exports an audited sheet', async () => {
    const h = await eventHarness()
    const e = await createEvent(h, { capacity: 2 })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, name: '=HYPERLINK("x")', phone: '13812345678', requestId: rid() })
    await h.ok(h.actions, resident('r2'), 'signup', { eventId: e._id, ...person(2), requestId: rid() })
    await h.ok(h.actions, resident('r3'), 'signup', { eventId: e._id, ...person(3), requestId: rid() })
    const list = await h.ok<AttendeesOutput>(h.actions, staffId('staff-a'), 'attendees', { eventId: e._id })
    expect(list.items.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    expect(list.items[0].phoneMasked).toBe('138****5678')
    expect(JSON.stringify(list)).not.toContain('13812345678')
    expect(list.counts).toEqual({ capacity: 2, confirmed: 2, waitlisted: 1, checkedIn: 0 })

    h.setNow(ON_SITE)
    const done = await h.ok<AttendeeView>(h.actions, staffId('staff-a'), 'checkin', { mode: 'manual', eventId: e._id, signupId: list.items[1]._id })
    expect(done).toMatchObject({ status: 'checked_in', checkedInBy: 'staff' })
    const waiting = await h.call(h.actions, staffId('staff-a'), 'checkin', { mode: 'manual', eventId: e._id, signupId: list.items[2]._id })
    expect(waiting.body.ok ? '' : waiting.body.error.message).toBe(REFUSALS.waitlisted)

    const file = await h.ok<ExportOutput>(h.actions, staffId('staff-a'), 'export', { eventId: e._id })
    expect(file.rows).toBe(3)
    expect(file.fileName).toMatch(/-报名名单\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(h.exports.read(file) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('报名名单')!
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("x")`)
    expect(sheet.getRow(2).getCell(3).value).toBe('138****5678')
    expect(sheet.getRow(3).getCell(4).value).toBe('已签到')
    const audits = (await h.store.collection('audit').find({ limit: 50 })).items
    expect(audits.some((a) => a.kind === 'export' && a.target === e._id && a.actorId === 'staff-a')).toBe(true)
    expect(audits.some((a) => a.kind === 'write' && a.target === list.items[1]._id && a.actorId === 'staff-a')).toBe(true)
  })

  it('keeps staff to their own org: another community is refused, a street reviewer only reads', async () => {
    const h = await eventHarness()
    const e = await createEvent(h)
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: e._id, ...person(1), requestId: rid() })
    const su = (await h.ok<AttendeesOutput>(h.actions, staffId('staff-a'), 'attendees', { eventId: e._id })).items[0]
    const outsider = staffId('staff-b')
    for (const [action, data] of [
      ['attendees', { eventId: e._id }],
      ['export', { eventId: e._id }],
      ['code', { id: e._id, purpose: 'checkin', origin: ORIGIN }],
      ['code', { id: e._id, purpose: 'poster', origin: ORIGIN }],
      ['save', eventDraft({ id: e._id, version: 1 })],
      ['cancel', { mode: 'event', eventId: e._id, reason: '不该能取消' }],
      ['checkin', { mode: 'manual', eventId: e._id, signupId: su._id }],
    ] as const) {
      const res = await h.call(h.actions, outsider, action, data)
      expect([action, res.status]).toEqual([action, 404])
    }
    expect((await h.ok<EventListOutput>(h.actions, outsider, 'list', { view: 'manage' })).items).toHaveLength(0)

    // The street reviewer above sees it, but may not change it, check in or export.
    const reviewer = staffId('reviewer')
    expect((await h.ok<EventListOutput>(h.actions, reviewer, 'list', { view: 'manage' })).items.map((i) => i._id)).toEqual([e._id])
    await h.ok(h.actions, reviewer, 'attendees', { eventId: e._id })
    for (const [action, data] of [
      ['export', { eventId: e._id }],
      ['save', eventDraft({ id: e._id, version: 1 })],
      ['save', eventDraft()],
      ['cancel', { mode: 'event', eventId: e._id, reason: '不该能取消' }],
      ['code', { id: e._id, purpose: 'checkin', origin: ORIGIN }],
    ] as const) {
      const res = await h.call(h.actions, reviewer, action, data)
      expect([action, res.status]).toEqual([action, 403])
    }
    // Residents cannot use staff actions, nor check others in.
    expect((await h.call(h.actions, resident('r1'), 'attendees', { eventId: e._id })).status).toBe(403)
    expect((await h.call(h.actions, resident('r1'), 'checkin', { mode: 'manual', eventId: e._id, signupId: su._id })).status).toBe(403)
    // Nothing changed.
    expect((await h.ok<EventView>(h.actions, staffId('staff-a'), 'get', { id: e._id })).status).toBe('published')
    const denied = (await h.store.collection('audit').find({ limit: 50 })).items.filter((a) => a.result === 'denied')
    expect(denied.length).toBeGreaterThanOrEqual(6)
  })

  it('answers bad input with the fields in error and writes nothing', async () => {
    const h = await eventHarness()
    const res = await h.call(h.actions, staffId('staff-a'), 'save', {
      ...eventDraft(),
      title: '',
      capacity: 0,
      endAt: '2026-11-23T08:00:00+08:00',
      signupFrom: 'tomorrow',
      policyIds: ['$where'],
    })
    expect(res.status).toBe(400)
    const paths = res.body.ok ? [] : (res.body.error.fields ?? []).map((f) => f.path).sort()
    expect(paths).toEqual(['capacity', 'endAt', 'policyIds.0', 'signupFrom', 'title'].sort())
    const order = await h.call(h.actions, staffId('staff-a'), 'save', eventDraft({ endAt: '2026-11-23T08:00:00+08:00' }))
    expect(order.body.ok ? [] : order.body.error.fields).toEqual([
      { path: 'endAt', message: '结束时间应晚于开始时间' },
      { path: 'signupUntil', message: '报名截止不能晚于活动结束' },
    ])
    const policy = await h.call(h.actions, staffId('staff-a'), 'save', eventDraft({ policyIds: ['pol_missing'] }))
    expect(policy.body.ok ? [] : policy.body.error.fields?.map((f) => f.path)).toEqual(['policyIds.0'])
    const phone = await h.call(h.actions, resident('r1'), 'signup', { eventId: 'ev_x', name: '张', phone: '12345', requestId: 'short' })
    expect(phone.body.ok ? [] : phone.body.error.fields?.map((f) => f.path).sort()).toEqual(['name', 'phone', 'requestId'])
    expect(await h.store.collection('events').count()).toBe(0)
    expect(await h.store.collection('eventSignups').count()).toBe(0)
  })

  it('lists upcoming events of my community chain for residents, with my status', async () => {
    const h = await eventHarness()
    const mine = await createEvent(h)
    const other = await h.ok<EventView>(h.actions, staffId('staff-b'), 'save', eventDraft({ title: '乙社区 创业市集' }))
    const district = await h.ok<EventView>(h.actions, staffId('district'), 'save', eventDraft({ title: '全区创业大赛宣讲', startAt: '2026-11-24T09:00:00+08:00', endAt: '2026-11-24T11:00:00+08:00' }))
    await h.store.collection('profiles').put({ _id: 'r1', communityId: 'comm-a', targetGroups: [], updatedAt: NOW })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: mine._id, ...person(1), requestId: rid() })
    const list = await h.ok<EventListOutput>(h.actions, resident('r1'), 'list', {})
    expect(list.items.map((i) => i._id)).toEqual([mine._id, district._id])
    expect(list.items[0].mine).toBe('confirmed')
    expect(list.items.map((i) => i._id)).not.toContain(other._id)
    h.setNow('2026-11-23T04:00:00.000Z')
    expect((await h.ok<EventListOutput>(h.actions, resident('r1'), 'list', {})).items.map((i) => i._id)).toEqual([district._id])
    expect((await h.ok<EventListOutput>(h.actions, staffId('staff-a'), 'list', { view: 'manage', when: 'past' })).items.map((i) => i._id)).toEqual([mine._id])
  })
})
