import { testExportFiles } from '../../../_shared/testing/export-files'
import type { EventView } from '../../../_shared/contracts/event'
import type { CaseView, MyCase } from '../../../_shared/contracts/intent'
import { DELETE_CONFIRM_WORD, type DeleteMineOutput, type MyDataExport } from '../../../_shared/contracts/profile'
import type { InboxMessage } from '../../../_shared/domain/inbox'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { eventActions } from '../../../event/actions'
import { eventDraft, unrenderedMiniCodes } from '../../../event/actions/__tests__/fixtures'
import { intentActions } from '../../../intent/actions'
import { ID_A, ID_B, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { profileActions } from '..'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localPhotoFiles } from '../../../../server/photos'
import { makeFeedbackActions } from '../../../feedback/actions'
import { notifyActions } from '../../../notify/actions'
import { realTimer } from '../../../notify/deps'
import { fileDeliveries } from '../../../notify/notice-sender'
import { pagePath } from '../../../_shared/domain/pages'

const STAFF = testStaff('a-staff', 'a-lead', 'admin')
const ledger = makeLedgerActions(() => {
  throw new Error('no exports in these tests')
})
const events = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })

let rq = 0
const rid = () => `req-mydata-${(rq++).toString(36)}-abcdef`

function message(residentId: string, title: string): InboxMessage {
  return { _id: `ib_${residentId}_${title}`, residentId, kind: 'system', title, body: `${title}的内容`, link: null, sourceId: null, createdAt: '2026-11-22T02:00:00.000Z', readAt: null }
}

/**
 * r1 (张小梅) and r2 (李大山) both live in 甲社区: each has a profile, a registration through the
 * real intent action, sign-ups and inbox messages. r1's case has a guidance follow-up, a venture
 * and a benefit, so it moves several counters.
 */
async function setup() {
  const h = await makeHarness(STAFF)
  await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-a', targetGroups: ['returning_migrant'] })
  await h.ok(profileActions, resident('r2'), 'save', { communityId: 'comm-a', targetGroups: ['graduate'] })
  const mine = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
  await h.ok<MyCase>(intentActions, resident('r2'), 'submit', registration({ idCard: ID_B, name: '李大山', phone: '13900001111', familySituation: '独自在城里打工' }))
  await h.ok(ledger, staffId('a-staff'), 'addFollowUp', {
    id: mine._id,
    kind: 'guidance',
    date: '2026-11-22',
    note: '上门一对一指导，讲解了开店流程',
    outcome: '准备申请贷款',
    visibleToResident: false,
    nextFollowUpDate: '2026-12-06',
  })
  await h.ok(ledger, staffId('a-staff'), 'recordVenture', { id: mine._id, name: '小梅早餐店', kind: 'individual', registrationDate: '2026-11-20', jobsCreated: 3, status: 'operating', closureDate: '' })
  await h.ok(ledger, staffId('a-staff'), 'recordBenefit', { id: mine._id, policyId: null, policyTitle: '一次性创业补贴', kind: 'startup_subsidy', amountFen: (5000) * 100, approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: '2026-11-21', note: '已到账' })

  // Today's afternoon talk (over by tomorrow) and a workshop next week with one place.
  const today = await h.ok<EventView>(events, staffId('a-staff'), 'save', eventDraft({
    title: '今天下午的政策宣讲',
    startAt: '2026-11-22T14:00:00+08:00',
    endAt: '2026-11-22T16:00:00+08:00',
    signupUntil: '2026-11-22T13:00:00+08:00',
  }))
  const workshop = await h.ok<EventView>(events, staffId('a-staff'), 'save', eventDraft({
    title: '下周的开店工作坊',
    capacity: 1,
    startAt: '2026-11-28T09:00:00+08:00',
    endAt: '2026-11-28T11:00:00+08:00',
    signupUntil: '2026-11-27T18:00:00+08:00',
  }))
  await h.ok(events, resident('r1'), 'signup', { eventId: today._id, name: '张小梅', phone: '13812345678', requestId: rid() })
  await h.ok(events, resident('r1'), 'signup', { eventId: workshop._id, name: '张小梅', phone: '13812345678', requestId: rid() })
  await h.ok(events, resident('r2'), 'signup', { eventId: workshop._id, name: '李大山', phone: '13900001111', requestId: rid() })

  for (const t of ['第一条', '第二条']) await h.store.collection('inbox').insert(message('r1', t))
  await h.store.collection('inbox').insert(message('r2', '给李大山的'))
  // A pass of notify's sendNotices timer: each notice's WeChat delivery record is filed.
  await fileDeliveries(h.store, 50)
  return { h, caseId: mine._id, today, workshop }
}

async function allCounters(h: Awaited<ReturnType<typeof makeHarness>>) {
  const out: unknown[] = []
  for await (const batch of h.store.collection('counters').scan(undefined)) out.push(...batch)
  return out
}

describe('profile.exportMine', () => {
  it('exports everything held about me — my own ID number and phone in the clear — and nothing of anyone else', async () => {
    const { h } = await setup()
    // Identity-like input is ignored: the server decides whose data this is.
    const data = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', { residentId: 'r2', openid: 'r2' })
    expect(data.profile).toMatchObject({ communityId: 'comm-a', communityName: '甲社区', targetGroups: ['returning_migrant'] })
    expect(data.intents).toHaveLength(1)
    expect(data.intents[0]).toMatchObject({
      name: '张小梅',
      idCard: ID_A,
      phone: '13812345678',
      familySituation: '家里四口人，孩子上小学，丈夫在外打工',
      stage: 'started',
    })
    // Staff notes about me are mine to see, without staff ids.
    expect(data.intents[0].followUps[0]).toMatchObject({ note: '上门一对一指导，讲解了开店流程' })
    expect(data.intents[0].followUps[0]).not.toHaveProperty('byId')
    expect(data.intents[0].ventures.map((v) => v.name)).toEqual(['小梅早餐店'])
    expect(data.intents[0].benefits.map((b) => b.amountFen)).toEqual([5000 * 100])
    expect(data.eventSignups.map((s) => [s.eventTitle, s.status, s.phone]).sort()).toEqual([
      ['下周的开店工作坊', 'confirmed', '13812345678'],
      ['今天下午的政策宣讲', 'confirmed', '13812345678'],
    ])
    // Two messages filed by hand, and what the case and the sign-ups told me.
    expect(data.inbox.map((m) => m.title).sort()).toEqual(['你的创业意向已受理', '已为你登记享受政策', '报名成功：下周的开店工作坊', '报名成功：今天下午的政策宣讲', '第一条', '第二条'].sort())
    // The harness dispatches without a function name, so actions read `?.submit` here.
    expect(data.activity.some((a) => a.action.endsWith('.submit') && a.result === 'ok')).toBe(true)
    expect(data.notes.join('')).toContain('问卷答案匿名保存，不含你的身份')

    const text = JSON.stringify(data)
    for (const other of [ID_B, '李大山', '13900001111', '独自在城里打工', '给李大山的', 'Sealed', 'idCardHash']) expect(text).not.toContain(other)
    // The export itself is audited.
    const audit = await h.store.collection('audit').find({ limit: 100 })
    expect(audit.items.filter((a) => a.action.endsWith('.exportMine') && a.kind === 'export' && a.actorId === 'r1')).toHaveLength(1)
  })

  it('exports my notices (each inbox item with the page it opens), my notice switches and their WeChat deliveries', async () => {
    const { h } = await setup()
    const notify = notifyActions({
      notifier: () => {
        throw new Error('nothing is sent in this test')
      },
      template: null,
      noticeTemplate: null,
      pace: { perSecond: 10, budgetMs: 1000 },
      timer: realTimer,
    })
    // Before I touch a switch: every notice kind on, policy reminders off (never subscribed).
    const before = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(before.notices.switches.map((x) => [x.kind, x.on])).toEqual([['case', true], ['site', true], ['feedback', true], ['signup', true], ['policy', false]])
    expect(before.notices.switchesUpdatedAt).toBeNull()
    await h.ok(notify, resident('r1'), 'setNotice', { kind: 'feedback', on: false })
    const data = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(data.notices.switches.find((x) => x.kind === 'feedback')).toEqual({ kind: 'feedback', label: '意见反馈的回复', on: false })
    expect(data.notices.switchesUpdatedAt).not.toBeNull()
    // The case notice in the inbox opens my case, and its WeChat delivery is exported beside it.
    const accepted = data.inbox.find((m) => m.title === '你的创业意向已受理')
    expect(accepted).toMatchObject({ kind: 'case', link: `/${pagePath('myCase')}` })
    expect(data.notices.deliveries.map((d) => [d.kind, d.title, d.page]).sort()).toEqual(
      data.inbox.filter((m) => m.kind !== 'system').map((m) => [m.kind, m.title, (m.link ?? '').slice(1)]).sort(),
    )
    expect(data.notices.deliveries.length).toBeGreaterThanOrEqual(3)
    // My switch is mine: r2's export still has every notice kind on.
    const r2 = await h.ok<MyDataExport>(profileActions, resident('r2'), 'exportMine', {})
    expect(r2.notices.switches.filter((x) => x.kind !== 'policy').every((x) => x.on)).toBe(true)
  })

  it('a resident with nothing stored gets an empty document; staff cannot export anyone’s data', async () => {
    const { h } = await setup()
    const empty = await h.ok<MyDataExport>(profileActions, resident('r9'), 'exportMine', {})
    expect(empty).toMatchObject({ profile: null, intents: [], eventSignups: [], inbox: [], notices: { switchesUpdatedAt: null, deliveries: [] } })
    for (const who of ['a-lead', 'admin']) {
      expect((await h.call(profileActions, staffId(who), 'exportMine', { residentId: 'r1' })).status).toBe(403)
      expect((await h.call(profileActions, staffId(who), 'deleteMine', { confirm: '删除', residentId: 'r1' })).status).toBe(403)
    }
    expect((await h.call(profileActions, null, 'exportMine', {})).status).toBe(401)
    expect(await h.store.collection('profiles').get('r1')).not.toBeNull()
  })
})

describe('profile.deleteMine', () => {
  it('refuses without the typed confirmation (400 on confirm) and changes nothing', async () => {
    const { h } = await setup()
    const before = JSON.stringify(await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {}))
    for (const data of [{}, { confirm: '' }, { confirm: '删' }, { confirm: 'delete' }, { confirm: true }]) {
      const res = await h.call(profileActions, resident('r1'), 'deleteMine', data)
      expect(res.status).toBe(400)
      expect(res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)).toEqual(['confirm'])
    }
    const after = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(JSON.stringify({ ...after, activity: [], exportedAt: '' })).toBe(JSON.stringify({ ...JSON.parse(before), activity: [], exportedAt: '' }))
  })

  it('deletes my profile, messages and upcoming sign-ups, anonymises my case and past sign-ups, keeps every counter, and a second call is harmless', async () => {
    const { h, caseId, today, workshop } = await setup()
    h.setNow('2026-11-23T02:00:00.000Z') // the afternoon talk is over; the workshop is next week
    const counters = await allCounters(h)
    const r2Before = await h.ok<MyDataExport>(profileActions, resident('r2'), 'exportMine', {})
    expect(r2Before.eventSignups[0].status).toBe('waitlisted')

    const out = await h.ok<DeleteMineOutput>(profileActions, resident('r1'), 'deleteMine', { confirm: ' 删除 ', residentId: 'r2' })
    // Six messages (two by hand, four notices) and the four notices' WeChat delivery records.
    expect(out).toEqual({ profileDeleted: true, intentsAnonymised: 1, signupsDeleted: 1, signupsAnonymised: 1, inboxDeleted: 6, remindersDeleted: 4, serviceRecordsAnonymised: 0 })

    expect(await h.store.collection('profiles').get('r1')).toBeNull()
    const stored = await h.store.collection('cases').get(caseId)
    expect(stored).toMatchObject({
      residentId: '',
      name: '已删除',
      phoneSealed: '',
      phoneMasked: '',
      idCardSealed: '',
      idCardMasked: '',
      idCardHash: '',
      familySituation: '',
      certificates: [],
      projectDescription: '',
      // What the counters count stays.
      status: 'accepted',
      stage: 'started',
      askedHelp: true,
    })
    expect(stored?.anonymisedAt).toBe('2026-11-23T02:00:00.000Z')
    expect(stored?.ventures.map((v) => [v.jobsCreated, v.status])).toEqual([[3, 'operating']])
    expect(stored?.benefits.map((b) => b.amountFen)).toEqual([5000 * 100])
    expect(stored?.followUps.map((f) => [f.kind, f.note])).toEqual([['guidance', '']])
    const storedText = JSON.stringify(stored)
    for (const gone of [ID_A, '13812345678', '张小梅', '小梅早餐店', '丈夫在外打工', '早餐店']) expect(storedText).not.toContain(gone)
    // Slots are freed: nothing claims my ID number or me any more.
    const slots = await h.store.collection('caseSlots').find({ limit: 100 })
    expect(slots.items.filter((s) => s.intentId === caseId)).toEqual([])

    // The past talk keeps its count without me; the workshop place went to r2, who was told.
    const talk = await h.store.collection('eventSignups').find({ where: { op: 'eq', field: 'eventId', value: today._id }, limit: 10 })
    expect(talk.items).toHaveLength(1)
    expect(talk.items[0]).toMatchObject({ residentId: '', name: '已删除', phoneSealed: '', phoneMasked: '', status: 'confirmed' })
    const ws = await h.store.collection('events').get(workshop._id)
    expect(ws).toMatchObject({ confirmedCount: 1, waitlistCount: 0 })
    const r2After = await h.ok<MyDataExport>(profileActions, resident('r2'), 'exportMine', {})
    expect(r2After.eventSignups[0].status).toBe('confirmed')
    expect(r2After.inbox.map((m) => m.title)).toContain('候补成功，你已报上名')
    expect(r2After.intents[0]).toMatchObject({ name: '李大山', idCard: ID_B })
    expect(r2After.profile?.communityName).toBe('甲社区')

    // Counters: the case's contributions stay; my released place was filled from the waitlist.
    expect(await allCounters(h)).toEqual(counters)

    const empty = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(empty).toMatchObject({ profile: null, intents: [], eventSignups: [], inbox: [] })

    const again = await h.ok<DeleteMineOutput>(profileActions, resident('r1'), 'deleteMine', { confirm: '删除' })
    expect(again).toEqual({ profileDeleted: false, intentsAnonymised: 0, signupsDeleted: 0, signupsAnonymised: 0, inboxDeleted: 0, remindersDeleted: 0, serviceRecordsAnonymised: 0 })
    expect(await allCounters(h)).toEqual(counters)
    expect((await h.store.collection('cases').get(caseId))?.version).toBe(stored?.version)
  })

  it('the anonymised case stays in the ledger read-only, and I may register again', async () => {
    const { h, caseId } = await setup()
    await h.ok(profileActions, resident('r1'), 'deleteMine', { confirm: '删除' })
    const view = await h.ok<CaseView>(ledger, staffId('a-lead'), 'get', { id: caseId })
    expect(view).toMatchObject({ name: '已删除', canWrite: false, canRevealIdCard: false, stage: 'started' })
    const follow = await h.call(ledger, staffId('a-staff'), 'setStage', { id: caseId, stage: 'operating', note: '' })
    expect(follow.status).toBe(409)
    const reveal = await h.call(ledger, staffId('a-lead'), 'reveal', { id: caseId, field: 'idCard' })
    expect(reveal.status).toBe(409)
    // The freed slots let the same person register again.
    const again = await h.call<MyCase>(intentActions, resident('r1'), 'submit', registration())
    expect(again.status).toBe(200)
  })
})

describe('我的数据 covers feedback and the service records', () => {
  it('exports my feedback with the replies I was sent, never the staff-internal notes', async () => {
    const h = await makeHarness(STAFF)
    const dir = mkdtempSync(join(tmpdir(), 'my-data-photos-'))
    const fb = makeFeedbackActions(() => localPhotoFiles(() => dir))
    const item = await h.ok<{ _id: string }>(fb, resident('r1'), 'submit', { kind: 'service_complaint', communityId: 'comm-a', text: '窗口让我跑了三次还没办好' })
    await h.ok(fb, resident('r2'), 'submit', { kind: 'suggestion', communityId: 'comm-a', text: '希望周末也能办理业务' })
    await h.ok(fb, staffId('a-staff'), 'reply', { id: item._id, text: '先核实窗口记录（内部）', internal: true })
    await h.ok(fb, staffId('a-staff'), 'reply', { id: item._id, text: '已约好周三上午专人帮你办理' })
    const mine = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(mine.feedback).toHaveLength(1)
    expect(mine.feedback[0]).toMatchObject({ kind: 'service_complaint', text: '窗口让我跑了三次还没办好', status: 'answered' })
    expect(mine.feedback[0].replies.map((r) => r.text)).toEqual(['已约好周三上午专人帮你办理'])
    expect(JSON.stringify(mine)).not.toContain('内部')
    expect(JSON.stringify(mine)).not.toContain('周末')
    expect(mine).toMatchObject({ courseEnrolments: [], mentorRequests: [], siteApplications: [] })

    // Deleting my data strips my words and identity from the item; the community keeps its answer and the counts.
    const before = await h.store.collection('counters').find({ limit: 100 })
    const gone = await h.ok<DeleteMineOutput>(profileActions, resident('r1'), 'deleteMine', { confirm: DELETE_CONFIRM_WORD })
    expect(gone.serviceRecordsAnonymised).toBe(1)
    const stored = await h.store.collection('feedback').get(item._id)
    expect(stored).toMatchObject({ residentId: '', text: '（居民已删除个人数据）', status: 'answered' })
    expect(JSON.stringify(stored)).not.toContain('跑了三次')
    expect((await h.store.collection('counters').find({ limit: 100 })).items).toEqual(before.items)
    expect((await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})).feedback).toEqual([])
    expect((await h.ok<DeleteMineOutput>(profileActions, resident('r1'), 'deleteMine', { confirm: DELETE_CONFIRM_WORD })).serviceRecordsAnonymised).toBe(0)
  })
})
