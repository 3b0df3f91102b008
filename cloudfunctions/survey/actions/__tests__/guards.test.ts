import { testExportFiles } from '../../../_shared/testing/export-files'
import type { SurveyDetail, SurveyDraftInput, SurveyOpenOutput, SurveyView } from '../../../_shared/contracts/survey'
import type { EventView } from '../../../_shared/contracts/event'
import type { Level } from '../../../_shared/domain/survey'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import type { Identity } from '../../../_shared/runtime/caller'
import { eventActions } from '../../../event/actions'
import { eventDraft, unrenderedMiniCodes } from '../../../event/actions/__tests__/fixtures'
import { profileActions } from '../../../profile/actions'
import { makeSurveyActions } from '..'
import { fromTemplate } from './fixtures'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'

const surveyActions = makeSurveyActions(testExportFiles().files)

/**
 * Who may answer which survey, beyond one response per person: one per device in the browser
 * build (anonymous tokens are cheap), event surveys only for the event's sign-ups, and a
 * community survey by the community the resident held when it opened.
 */
const STAFF = [{ id: 'a-staff', role: 'community_staff' as const, orgId: 'comm-a' }]
const events = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })

async function setup() {
  const h = await makeHarness(STAFF)
  const publish = async (over: Partial<SurveyDraftInput> = {}) => {
    const s = await h.ok<SurveyView>(surveyActions, staffId('a-staff'), 'save', fromTemplate(over.kind === 'event' ? 'event' : 'service', over))
    return h.ok<SurveyView>(surveyActions, staffId('a-staff'), 'publish', { id: s._id })
  }
  const levels = (s: SurveyView): Level[] => s.questions.map(() => 4 as Level)
  const answer = (who: Identity, s: SurveyView, requestId?: string) =>
    h.call(surveyActions, who, 'answer', { id: s._id, levels: levels(s), comments: [], ...(requestId ? { requestId } : {}) })
  const join = (who: Identity, communityId: string) => h.ok(profileActions, who, 'save', { communityId, targetGroups: [] })
  return { h, publish, answer, join }
}

describe('one response per device in the browser build', () => {
  it('a second anonymous identity on the same device is refused; the first can still change its answer', async () => {
    const { h, publish, answer, join } = await setup()
    const s = await publish()
    const first: Identity = { residentId: 'h5_one', deviceId: 'dev_phone' }
    const second: Identity = { residentId: 'h5_two', deviceId: 'dev_phone' }
    await join(first, 'comm-a')
    await join(second, 'comm-a')
    expect((await answer(first, s)).status).toBe(200)
    const again = await answer(second, s)
    expect(again.status).toBe(409)
    expect(again.body.ok ? '' : again.body.error.message).toContain('每台设备')
    expect((await answer(first, s)).status).toBe(200) // replacing one's own answer is fine
    expect((await answer({ residentId: 'h5_three', deviceId: 'dev_other' }, s)).status).toBe(400) // no community yet: not a device refusal
    const tally = await h.store.collection('surveyTallies').get(s._id)
    expect(tally?.n).toBe(1)
  })

  it('20 parallel submits from one device under 20 tokens: exactly one accepted, nothing identifying stored', async () => {
    const { h, publish, answer, join } = await setup()
    const s = await publish()
    const who = Array.from({ length: 20 }, (_, i): Identity => ({ residentId: `h5_tab_${i}`, deviceId: 'dev_shared' }))
    for (const w of who) await join(w, 'comm-a')
    const replies = await Promise.all(who.map((w, i) => answer(w, s, `req-parallel-${i}`)))
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1)
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19)
    const stored: unknown[] = []
    for await (const b of h.store.collection('surveyResponses').scan(undefined, 100)) stored.push(...b)
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toMatch(/h5_tab_|dev_shared/)
    const slots: unknown[] = []
    for await (const b of h.store.collection('surveyDevices').scan(undefined, 100)) slots.push(...b)
    expect(JSON.stringify(slots)).not.toMatch(/h5_tab_|dev_shared/)
    // The tally and the org's period counters moved once: the 19 refused answers left nothing.
    expect((await h.store.collection('surveyTallies').get(s._id))?.n).toBe(1)
    expect((await reconcileCounters(h.store, { repair: false })).drift).toEqual([])
  })

  it('states the limit on the survey page', async () => {
    const { h, publish, join } = await setup()
    const s = await publish()
    const me: Identity = { residentId: 'h5_reader', deviceId: 'dev_reader' }
    await join(me, 'comm-a')
    const detail = await h.ok<SurveyDetail>(surveyActions, me, 'get', { id: s._id })
    expect(detail.limitNote).toContain('每台设备')
    const wechat = await h.ok<SurveyDetail>(surveyActions, resident('wx_openid_reader'), 'get', { id: s._id })
    expect(wechat.limitNote).toBe('每人只能提交一份，截止前可以修改自己的答案')
  })
})

describe("an event's survey", () => {
  it("is only for the event's sign-ups", async () => {
    const { h, publish, answer } = await setup()
    const ev = await h.ok<EventView>(events, staffId('a-staff'), 'save', eventDraft())
    const s = await publish({ kind: 'event', eventId: ev._id })
    const outsider = resident('r_outsider')
    const refused = await answer(outsider, s)
    expect(refused.status).toBe(403)
    expect((await h.ok<SurveyDetail>(surveyActions, outsider, 'get', { id: s._id })).outOfScope).toBe(true)
    const guest = resident('r_guest')
    await h.ok(events, guest, 'signup', { eventId: ev._id, name: '来宾', phone: '13900000001', requestId: 'request-guest-1' })
    expect((await h.ok<SurveyDetail>(surveyActions, guest, 'get', { id: s._id })).outOfScope).toBe(false)
    expect((await answer(guest, s)).status).toBe(200)
  })
})

describe('community surveys follow the community held when the survey opened', () => {
  it('moving one’s profile to another community does not open that community’s survey', async () => {
    const { h, publish, answer, join } = await setup()
    h.setNow('2026-10-20T02:00:00.000Z')
    const mover = resident('r_mover')
    await join(mover, 'comm-b')
    h.setNow('2026-11-22T02:00:00.000Z')
    const s = await publish() // 甲社区's survey, opened 2026-11-01
    await join(mover, 'comm-a')
    expect((await answer(mover, s)).status).toBe(403)
    // Nor is it offered in the mover's list of open surveys, where it would only say 不在范围.
    expect((await h.ok<SurveyOpenOutput>(surveyActions, mover, 'open', {})).open.map((x) => x._id)).not.toContain(s._id)
    expect((await h.ok<SurveyDetail>(surveyActions, mover, 'get', { id: s._id })).outOfScope).toBe(true)
    // Someone who first chose 甲社区 after it opened is a resident there all the same.
    const newcomer = resident('r_newcomer')
    await join(newcomer, 'comm-a')
    expect((await h.ok<SurveyOpenOutput>(surveyActions, newcomer, 'open', {})).open.map((x) => x._id)).toContain(s._id)
    expect((await answer(newcomer, s)).status).toBe(200)
  })
})
