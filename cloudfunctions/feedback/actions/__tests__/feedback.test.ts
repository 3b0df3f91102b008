import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PageOf } from '../../../_shared/contracts/common'
import type { FeedbackStatsOutput, MyFeedbackRow, MyFeedbackView, StaffFeedbackRow, StaffFeedbackView } from '../../../_shared/contracts/feedback'
import type { AuditEntry } from '../../../_shared/domain/audit'
import { type Counter, sumContributions } from '../../../_shared/domain/counter'
import { addWorkingDays, type Feedback, PHOTO_MAX_BYTES } from '../../../_shared/domain/feedback'
import { periodsOf } from '../../../_shared/domain/period'
import { COUNTER_SOURCES, type CounterSource } from '../../../_shared/runtime/counter-sources'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { dayInstant } from '../../../_shared/runtime/counters'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { registration } from '../../../intent/actions/__tests__/fixtures'
import { localPhotoFiles, savePhoto } from '../../../../server/photos'
import { makeFeedbackActions } from '..'
import { fakeJpeg, fakePng } from '../../../_shared/testing/images'

const PNG = fakePng()
const JPEG = fakeJpeg()

const STAFF = [
  { id: 'a1', role: 'community_staff' as const, orgId: 'comm-a' },
  { id: 'a2', role: 'community_lead' as const, orgId: 'comm-a' },
  { id: 'b1', role: 'community_staff' as const, orgId: 'comm-b' },
  { id: 'st', role: 'street_reviewer' as const, orgId: 'street' },
  { id: 'ci', role: 'city_officer' as const, orgId: 'city' },
]

async function setup() {
  const h = await makeHarness(STAFF)
  const dir = mkdtempSync(join(tmpdir(), 'fb-photos-'))
  const files = localPhotoFiles(() => dir)
  const fb = makeFeedbackActions(() => files)
  const upload = (bytes: Buffer, type: 'png' | 'jpeg' = 'png') => savePhoto(bytes, type, () => dir)
  const submit = (who: string, over: Record<string, unknown> = {}) =>
    h.ok<MyFeedbackView>(fb, resident(who), 'submit', { kind: 'service_complaint', communityId: 'comm-a', text: '窗口工作人员让我跑了三次还没办好', ...over })
  const counters = async (orgId: string, period: string) => (await h.store.collection('counters').get(`${orgId}:${period}`)) ?? ({} as Partial<Counter>)
  return { h, fb, dir, upload, submit, counters }
}

describe('feedback status machine', () => {
  it('received → in progress → answered → closed by a rating, reopened within 7 days, not after', async () => {
    const { h, fb, submit } = await setup()
    const item = await submit('r1', { contactName: '李大山' })
    expect(item.status).toBe('received')

    const noted = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'reply', { id: item._id, text: '先核实窗口记录', internal: true })
    expect(noted.status).toBe('in_progress')
    // The resident does not see internal notes.
    let mine = await h.ok<MyFeedbackView>(fb, resident('r1'), 'get', { id: item._id })
    expect(mine.replies).toEqual([])
    expect(mine.canRate).toBe(false)

    h.setNow('2026-11-23T03:00:00.000Z')
    const answered = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'reply', { id: item._id, text: '已约好周三上午专人帮你办理' })
    expect(answered.status).toBe('answered')
    mine = await h.ok<MyFeedbackView>(fb, resident('r1'), 'get', { id: item._id })
    expect(mine.replies.map((r) => r.text)).toEqual(['已约好周三上午专人帮你办理'])
    expect(mine.canRate).toBe(true)
    // The resident is told in their inbox.
    const inbox = await h.store.collection('inbox').find({ limit: 10 })
    expect(inbox.items.map((m) => [m.residentId, m.title])).toEqual([['r1', '社区回复了你的反馈']])

    // A rating needs a score; then it closes the item.
    const noScore = await h.call(fb, resident('r1'), 'close', { id: item._id })
    expect(noScore.status).toBe(400)
    expect(!noScore.body.ok && noScore.body.error.fields).toEqual([{ path: 'rating', message: '请选择评分' }])
    const rated = await h.ok<MyFeedbackView>(fb, resident('r1'), 'close', { id: item._id, rating: 2, comment: '太慢了' })
    expect(rated).toMatchObject({ status: 'closed', rating: 2, canRate: false, canReopen: true })
    const twice = await h.call(fb, resident('r1'), 'close', { id: item._id, rating: 5 })
    expect(twice.status).toBe(409)

    // Reopened on day 6: back in progress with a fresh deadline, and staff may answer again.
    h.setNow('2026-11-29T03:00:00.000Z')
    const reopened = await h.ok<MyFeedbackView>(fb, resident('r1'), 'reopen', { id: item._id, text: '周三去了还是没办成' })
    expect(reopened.status).toBe('in_progress')
    expect(reopened.dueDate).toBe(addWorkingDays('2026-11-29', 3))
    expect(reopened.replies.map((r) => r.byName)).toEqual(['a1', '我'])
    const again = await h.call(fb, resident('r1'), 'reopen', { id: item._id, text: '再试一次' })
    expect(again.status).toBe(409)

    await h.ok(fb, staffId('a2'), 'reply', { id: item._id, text: '已经办好，请查收' })
    await h.ok(fb, staffId('a2'), 'close', { id: item._id, resolution: 'resolved' })
    // Rating the new answer replaces the old one even after staff closed it.
    const rerated = await h.ok<MyFeedbackView>(fb, resident('r1'), 'close', { id: item._id, rating: 5 })
    expect(rerated).toMatchObject({ status: 'closed', rating: 5, resolution: 'resolved' })

    // Eight days after closing the window is shut.
    h.setNow('2026-12-08T03:00:00.000Z')
    const late = await h.call(fb, resident('r1'), 'reopen', { id: item._id, text: '又出问题了' })
    expect(late.status).toBe(409)
    expect(!late.body.ok && late.body.error.message).toContain('已超过 7 天')
  })

  it('staff must pick a resolution to close, and cannot reply to a closed item', async () => {
    const { h, fb, submit } = await setup()
    const item = await submit('r1')
    const bare = await h.call(fb, staffId('a1'), 'close', { id: item._id })
    expect(bare.status).toBe(400)
    expect(!bare.body.ok && bare.body.error.fields?.[0].path).toBe('resolution')
    await h.ok(fb, staffId('a1'), 'close', { id: item._id, resolution: 'duplicate', note: '与上一条重复' })
    const reply = await h.call(fb, staffId('a1'), 'reply', { id: item._id, text: '补充一句' })
    expect(reply.status).toBe(409)
    // Closed without an answer, the resident may still reopen within 7 days, but has nothing to rate.
    const rate = await h.call(fb, resident('r1'), 'close', { id: item._id, rating: 3 })
    expect(rate.status).toBe(409)
    expect((await h.ok<MyFeedbackView>(fb, resident('r1'), 'get', { id: item._id })).canReopen).toBe(true)
  })
})

describe('deadlines and overdue flags', () => {
  it('counts working days, flags overdue items and lists them under the overdue filter', async () => {
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-25') // Friday → Wednesday
    expect(addWorkingDays('2026-11-22', 3)).toBe('2026-11-25') // Sunday → Wednesday
    expect(addWorkingDays('2026-11-23', 10)).toBe('2026-12-07')
    const { h, fb, submit } = await setup()
    h.setNow('2026-11-20T02:00:00.000Z') // Friday 10:00 in Shanghai
    const complaint = await submit('r1')
    const question = await submit('r2', { kind: 'consultation', text: '一次性创业补贴什么时候能申请？' })
    expect(complaint.dueDate).toBe('2026-11-25')
    expect(question.dueDate).toBe('2026-11-27')

    h.setNow('2026-11-25T15:00:00.000Z') // Wednesday 23:00: still on time
    let overdue = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', { overdue: true })
    expect(overdue.items).toEqual([])

    h.setNow('2026-11-26T01:00:00.000Z') // Thursday 09:00
    overdue = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', { overdue: true })
    expect(overdue.items.map((i) => [i._id, i.overdue, i.ageDays])).toEqual([[complaint._id, true, 5]])
    const all = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', {})
    expect(all.items.find((i) => i._id === question._id)?.overdue).toBe(false)
    const byKind = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', { kind: 'consultation' })
    expect(byKind.items.map((i) => i._id)).toEqual([question._id])

    // The dashboard's view of the scope flags it too.
    const stats = await h.ok<FeedbackStatsOutput>(fb, staffId('a1'), 'stats', {})
    expect(stats.counts).toMatchObject({ received: 2, overdue: 1, total: 2 })
    expect(stats.overdueItems.map((i) => i._id)).toEqual([complaint._id])

    // Answered late: the item is no longer overdue, and the answer does not count as on time.
    await h.ok(fb, staffId('a1'), 'reply', { id: complaint._id, text: '抱歉回复晚了' })
    await h.ok(fb, staffId('a1'), 'reply', { id: question._id, text: '明年一月开始受理' })
    overdue = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', { overdue: true })
    expect(overdue.items).toEqual([])
    const year = periodsOf(new Date('2026-11-26T01:00:00.000Z')).year
    const c = (await h.store.collection('counters').get(`comm-a:${year}`)) as Counter
    expect([c.feedbackAnswered, c.feedbackAnsweredOnTime]).toEqual([2, 1])
  })
})

describe('anonymity and scope', () => {
  it('anonymous items carry no identity in the staff list, item, stats or audit', async () => {
    const { h, fb, submit } = await setup()
    const anon = await submit('resident-secret-id', { anonymous: true, contactName: '张秘密' })
    expect(anon.contactName).toBe('')
    h.setNow('2026-11-22T03:00:00.000Z') // newest first: a later item, so the order is fixed
    const named = await submit('r2', { contactName: '王小明', kind: 'suggestion', text: '希望多办几场电商培训' })
    const list = await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a1'), 'list', {})
    expect(list.items.map((i) => [i._id, i.from])).toEqual([
      [named._id, '王小明'],
      [anon._id, '匿名居民'],
    ])
    await h.ok(fb, staffId('a1'), 'reply', { id: anon._id, text: '收到，我们会核实' })
    const view = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'get', { id: anon._id })
    const stats = await h.ok<FeedbackStatsOutput>(fb, staffId('st'), 'stats', {})
    for (const out of [list, view, stats]) {
      const json = JSON.stringify(out)
      expect(json).not.toContain('resident-secret-id')
      expect(json).not.toContain('张秘密')
    }
    expect(view).toMatchObject({ from: '匿名居民', caseId: null })
    expect(JSON.stringify(view)).not.toContain('residentId')
  })

  it('an anonymous item cannot name the case; a named complaint links to the resident’s own case', async () => {
    const { h, fb, submit } = await setup()
    const myCase = await h.ok<{ _id: string }>(intentActions, resident('r1'), 'submit', registration())
    const refused = await h.call(fb, resident('r1'), 'submit', {
      kind: 'policy_complaint', communityId: 'comm-a', text: '创业补贴一直没有发下来', anonymous: true, subject: { kind: 'case', id: myCase._id },
    })
    expect(refused.status).toBe(400)
    expect(!refused.body.ok && refused.body.error.fields?.[0].path).toBe('subject')
    const someoneElse = await h.call(fb, resident('r2'), 'submit', {
      kind: 'policy_complaint', communityId: 'comm-a', text: '创业补贴一直没有发下来', subject: { kind: 'case', id: myCase._id },
    })
    expect(someoneElse.status).toBe(400)
    const linked = await submit('r1', { kind: 'policy_complaint', text: '创业补贴一直没有发下来', subject: { kind: 'case', id: myCase._id } })
    const view = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'get', { id: linked._id })
    expect(view).toMatchObject({ caseId: myCase._id, subjectKind: 'case', subjectTitle: '我的创业档案' })
  })

  it('residents see only their own items; staff only their community’s; the level above only counts', async () => {
    const { h, fb, submit } = await setup()
    const a = await submit('r1')
    const b = await submit('r2', { communityId: 'comm-b' })
    expect((await h.call(fb, resident('r2'), 'get', { id: a._id })).status).toBe(404)
    expect((await h.ok<PageOf<MyFeedbackRow>>(fb, resident('r2'), 'mine', {})).items.map((i) => i._id)).toEqual([b._id])
    expect((await h.call(fb, staffId('b1'), 'get', { id: a._id })).status).toBe(404)
    expect((await h.call(fb, staffId('b1'), 'reply', { id: a._id, text: '越权回复' })).status).toBe(404)
    expect((await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('b1'), 'list', {})).items.map((i) => i._id)).toEqual([b._id])
    // Street and city staff cannot open items or the inbox.
    expect((await h.call(fb, staffId('st'), 'get', { id: a._id })).status).toBe(403)
    expect((await h.call(fb, staffId('ci'), 'list', {})).status).toBe(403)
    // Residents cannot answer or assign; staff cannot submit.
    expect((await h.call(fb, resident('r1'), 'reply', { id: a._id, text: '自问自答' })).status).toBe(403)
    expect((await h.call(fb, staffId('a1'), 'submit', { kind: 'suggestion', communityId: 'comm-a', text: '工作人员不能提交' })).status).toBe(403)
    // Assignment only to a colleague of the item's community.
    const wrong = await h.call(fb, staffId('a1'), 'assign', { id: a._id, staffId: 'b1' })
    expect(wrong.status).toBe(400)
    expect(!wrong.body.ok && wrong.body.error.fields?.[0].path).toBe('staffId')
    const assigned = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'assign', { id: a._id, staffId: 'a2' })
    expect(assigned).toMatchObject({ status: 'in_progress', assigneeName: 'a2' })
    expect(assigned.colleagues.map((c) => c._id).sort()).toEqual(['a1', 'a2'])
    expect((await h.ok<PageOf<StaffFeedbackRow>>(fb, staffId('a2'), 'list', { mine: true })).items.map((i) => i._id)).toEqual([a._id])
    // The street sees both communities' counts; a community only its own; nobody outside their scope.
    const street = await h.ok<FeedbackStatsOutput>(fb, staffId('st'), 'stats', {})
    expect(street.counts.total).toBe(2)
    expect(street.communities.map((c) => [c.orgId, c.counts.total]).sort()).toEqual([
      ['comm-a', 1],
      ['comm-b', 1],
    ])
    expect((await h.ok<FeedbackStatsOutput>(fb, staffId('b1'), 'stats', {})).counts.total).toBe(1)
    expect((await h.call(fb, staffId('b1'), 'stats', { orgId: 'comm-a' })).status).toBe(404)
  })

  it('audits every staff action', async () => {
    const { h, fb, submit } = await setup()
    const a = await submit('r1')
    await h.ok(fb, staffId('a1'), 'assign', { id: a._id, staffId: 'a2' })
    await h.ok(fb, staffId('a2'), 'reply', { id: a._id, text: '内部备注', internal: true })
    await h.ok(fb, staffId('a2'), 'reply', { id: a._id, text: '已处理' })
    await h.ok(fb, staffId('a2'), 'close', { id: a._id, resolution: 'resolved' })
    await h.call(fb, staffId('b1'), 'close', { id: a._id, resolution: 'resolved' })
    const audit = (await h.store.collection('audit').find({ limit: 50 })).items as AuditEntry[]
    const staffRows = audit.filter((e) => e.actorRole !== 'resident').map((e) => [e.action.replace(/^.*\./, ''), e.actorId, e.target, e.result]).sort()
    expect(staffRows).toEqual(
      [
        ['assign', 'a1', a._id, 'ok'],
        ['close', 'a2', a._id, 'ok'],
        ['close', 'b1', a._id, 'denied'],
        ['reply', 'a2', a._id, 'ok'],
        ['reply', 'a2', a._id, 'ok'],
      ].sort(),
    )
  })
})

describe('photos', () => {
  it('accepts up to three JPEG/PNG/WebP uploads within the size limit and shows them through links', async () => {
    const { h, fb, upload, submit } = await setup()
    const refs = [await upload(PNG), await upload(JPEG, 'jpeg')]
    const item = await submit('r1', { photos: refs })
    expect(item.photos).toHaveLength(2)
    expect(item.photos[0].url).toMatch(/^\/api\/uploads\/feedback-photo\/[A-Za-z0-9_-]{22}\.png\?exp=\d+&sig=/)
    const staffView = await h.ok<StaffFeedbackView>(fb, staffId('a1'), 'get', { id: item._id })
    expect(staffView.photoCount).toBe(2)
  })

  it('refuses a file that is not an image, one too large, a missing upload and a fourth photo, naming the field', async () => {
    const { h, fb, dir, upload } = await setup()
    const good = await upload(PNG)
    // A text file renamed .jpg: the magic bytes, not the name, decide.
    writeFileSync(join(dir, 'AAAAAAAAAAAAAAAAAAAAAA.jpg'), 'just some text, not a photo')
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]))
    const base = { kind: 'suggestion', communityId: 'comm-a', text: '附上照片说明情况' }
    const cases: [string[], string, string][] = [
      [[good, 'local:AAAAAAAAAAAAAAAAAAAAAA.jpg'], 'photos.1', 'JPG、PNG 或 WebP'],
      [[big], 'photos.0', '不能超过 2 MB'],
      [['local:BBBBBBBBBBBBBBBBBBBBBB.png'], 'photos.0', '没有上传成功'],
      [['https://evil.example/x.png'], 'photos.0', '没有上传成功'],
      [[good, good, good, good], 'photos', '最多 3 张'],
    ]
    for (const [photos, path, message] of cases) {
      const r = await h.call(fb, resident('r1'), 'submit', { ...base, photos })
      expect({ photos, status: r.status }).toEqual({ photos, status: 400 })
      const field = !r.body.ok ? r.body.error.fields?.find((f) => f.path === path) : undefined
      expect({ photos, message: field?.message }).toEqual({ photos, message: expect.stringContaining(message) })
    }
    // Nothing was written.
    expect(await h.store.collection('feedback').count()).toBe(0)
  })

  it('refuses text that is too short or too long', async () => {
    const { h, fb } = await setup()
    for (const text of ['太慢', 'x'.repeat(1001)]) {
      const r = await h.call(fb, resident('r1'), 'submit', { kind: 'suggestion', communityId: 'comm-a', text })
      expect(r.status).toBe(400)
      expect(!r.body.ok && r.body.error.fields?.[0].path).toBe('text')
    }
  })
})

describe('indices', () => {
  async function recount(h: Awaited<ReturnType<typeof makeHarness>>): Promise<Map<string, Map<string, number>>> {
    const source = COUNTER_SOURCES.find((s) => s.collection === 'feedback')!
    const out = new Map<string, Map<string, number>>()
    for await (const batch of h.store.collection('feedback').scan(undefined)) {
      for (const f of batch as Feedback[]) {
        const counted = (source.counted as (doc: Feedback, prepared: undefined) => ReturnType<CounterSource['counted']>)(f, undefined)
        if (counted) sumContributions(counted.contributions, 1, out)
      }
    }
    return out
  }

  it('moves received, answered on time, ratings and the unresolved-complaint stock, matching a recount', async () => {
    const { h, fb, submit, counters } = await setup()
    const c1 = await submit('r1')
    await submit('r2', { kind: 'consultation', text: '场地补贴怎么申请？' })
    let m = await counters('comm-a', '2026-M11')
    expect(m).toMatchObject({ feedbackReceived: 2, feedbackReceived_service_complaint: 1, feedbackReceived_consultation: 1, complaintsUnresolved: 1 })

    await h.ok(fb, staffId('a1'), 'reply', { id: c1._id, text: '已经处理' })
    await h.ok(fb, resident('r1'), 'close', { id: c1._id, rating: 4 })
    m = await counters('comm-a', '2026-M11')
    expect(m).toMatchObject({ feedbackAnswered: 1, feedbackAnsweredOnTime: 1, feedbackRatingSum: 4, feedbackRatings: 1, complaintsUnresolved: 0 })

    // Reopened in December: the complaint is unresolved again (the −1 of closing is taken back).
    h.setNow('2026-11-28T03:00:00.000Z')
    await h.ok(fb, resident('r1'), 'reopen', { id: c1._id, text: '还是不行' })
    m = await counters('comm-a', '2026-M11')
    expect(m.complaintsUnresolved).toBe(1)
    h.setNow('2026-12-01T03:00:00.000Z')
    await h.ok(fb, staffId('a1'), 'reply', { id: c1._id, text: '再次处理好了' })
    await h.ok(fb, staffId('a1'), 'close', { id: c1._id, resolution: 'resolved' })
    expect((await counters('comm-a', '2026-M12')).complaintsUnresolved).toBe(-1)
    // First answer counted once; the year's stock is back to zero.
    expect(await counters('comm-a', '2026')).toMatchObject({ feedbackAnswered: 1, complaintsUnresolved: 0, feedbackReceived: 2 })

    const stats = await h.ok<FeedbackStatsOutput>(fb, staffId('ci'), 'stats', {})
    expect(stats.indices).toMatchObject({ period: '2026', received: 2, answered: 1, answeredOnTime: 1, onTimeRate: 100, averageRating: 4, complaintsUnresolved: 0 })

    // What the writes left equals a recount from the raw items, per month.
    const recounted = await recount(h)
    for (const month of ['2026-M11', '2026-M12']) {
      const doc = await counters('comm-a', month)
      const expected: Record<string, number> = {}
      for (const [date, day] of recounted) {
        if (periodsOf(dayInstant(date)).month !== month) continue
        for (const [metric, n] of day) expected[metric] = (expected[metric] ?? 0) + n
      }
      const actual = Object.fromEntries(Object.entries(doc).filter(([k, v]) => k.startsWith('feedback') || k === 'complaintsUnresolved' ? v !== 0 : false))
      expect({ month, actual }).toEqual({ month, actual: expected })
    }
    // And the whole-store reconciliation agrees with every counter the writes left.
    expect((await reconcileCounters(h.store, { repair: false })).drift).toEqual([])
  })
})
