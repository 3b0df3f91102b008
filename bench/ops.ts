/**
 * Store operations per action, for every action of every function the local runtime serves
 * (server/functions.ts). Setup data is made by the real actions, in one story: residents join a
 * community, staff publish a policy (pushed to subscribers, shared), a project, a survey and an
 * event; residents sign up, check in and register intents that staff work through the ledger, a
 * training course, a mentor and a site; a worker registers a walk-in resident (代登记) whom a
 * resident then claims with the code; the street approves a baseline; every role opens its
 * workbench; a complaint goes round the feedback loop; the community's evaluation goes from draft
 * to selection, and the city extends a deadline, awards the title with a certificate, revokes it
 * and reopens the application; a case is anonymised and a resident deletes their data.
 * Counts are what CloudBase bills: one per document call, one per query page; caller resolution
 * and audit writes included. Rows marked `setup` in the code are dropped from the table.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { surveyTemplate } from '../cloudfunctions/_shared/domain/survey-templates'
import { outboxNotifier } from '../cloudfunctions/_shared/notifier/outbox'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'
import type { Identity } from '../cloudfunctions/_shared/runtime/caller'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { draft, TEST_ORGS, testStaff, testStaffMember } from '../cloudfunctions/_shared/testing/harness'
import { eventActions } from '../cloudfunctions/event/actions'
import { eventDraft } from '../cloudfunctions/event/actions/__tests__/fixtures'
import { localMiniCodes } from '../cloudfunctions/_shared/codes/local'
import type { MiniCodePort } from '../cloudfunctions/_shared/codes/port'
import { localShareCodes, type ShareCodePort } from '../cloudfunctions/share/codes'
import { shareActions } from '../cloudfunctions/share/actions'
import { trainingActions } from '../cloudfunctions/training/actions'
import { makeEvaluationActions } from '../cloudfunctions/evaluation/actions'
import { makeFeedbackActions } from '../cloudfunctions/feedback/actions'
import { ID_B, ID_C, registration } from '../cloudfunctions/intent/actions/__tests__/fixtures'
import { makeIntentActions } from '../cloudfunctions/intent/actions'
import type { ClaimCodeMessage } from '../cloudfunctions/_shared/notifier/claim-code'
import type { LedgerRegisterInput } from '../cloudfunctions/_shared/contracts/intent'
import { makeLedgerActions } from '../cloudfunctions/ledger/actions'
import { notifyActions } from '../cloudfunctions/notify/actions'
import { noticeTemplateFromEnv, policyTemplateFromEnv, type Timer } from '../cloudfunctions/notify/deps'
import { DEFAULT_RUBRIC_ITEMS } from '../cloudfunctions/_shared/domain/review-rubric'
import { localExportFiles, localExportParts } from '../server/downloads'
import { makeSurveyActions } from '../cloudfunctions/survey/actions'
import { localPhotoFiles, savePhoto } from '../server/photos'
import { FUNCTIONS } from '../server/functions'
import { countingStore, type OpCount, type RecordedQuery } from './counting-store'

const NOW = '2026-11-22T02:00:00.000Z' // 10:00 Shanghai; the fixture event is tomorrow 09:00–11:30
const ON_SITE = '2026-11-23T01:10:00.000Z' // 09:10 Shanghai, the event is on
const ORIGIN = 'http://127.0.0.1:8080'

const STAFF = testStaff('a-staff', 'a-lead', 'b-lead', 'reviewer', 'district', 'city', 'admin')

export interface OpsRow {
  key: string
  fn: string
  action: string
  caller: string
  note: string
  reads: number
  writes: number
}

export interface OpsResult {
  rows: string[]
  counted: OpsRow[]
  covered: number
  total: number
  notDriven: string[]
  /** Cases (帮扶台帐) in the store at the end: the story's own plus the bulk copies. */
  storedCases: number
}

/**
 * Records that are not the story's own, put straight into the store before the drive: `extra`
 * residents, each with one feedback item and one past event sign-up, in the other community (comm-b) so none of them is in
 * the pages the story reads. An action whose counts move with `extra` reads per record.
 */
export async function seedBulk(raw: ReturnType<typeof openSqliteStore<Collections>>, extra: number): Promise<void> {
  if (extra <= 0) return
  const at = '2026-10-01T02:00:00.000Z'
  const comm = TEST_ORGS.find((o) => o._id === 'comm-b')
  if (!comm) throw new Error('comm-b missing from TEST_ORGS')
  await raw.transaction(async (tx) => {
    const profiles = tx.collection('profiles')
    const feedback = tx.collection('feedback')
    const signups = tx.collection('eventSignups')
    for (let i = 0; i < extra; i++) {
      const id = `bulk-${i.toString(36).padStart(6, '0')}`
      await profiles.insert({ _id: id, communityId: comm._id, targetGroups: ['graduate'], updatedAt: at, communityHistory: [{ communityId: comm._id, since: at }] })
      await feedback.insert({
        _id: `fb-${id}`, residentId: id, anonymous: false, contactName: '', communityId: comm._id, communityPath: comm.path, communityName: comm.name,
        kind: 'suggestion', text: '希望多办几场培训', photos: [], subjectKind: null, subjectId: null, subjectTitle: '', caseId: null,
        status: 'closed', assigneeId: '', assigneeName: '', messages: [], events: [], createdAt: at, firstDueDate: '2026-10-08', dueDate: '2026-10-08',
        firstAnsweredAt: at, answeredAt: at, closedAt: at, closedBy: 'staff', resolution: 'resolved', resolutionNote: '', rating: null, ratingComment: '', ratedAt: '',
        reopenCount: 0, updatedAt: at, version: 1,
      } as never)
      // a past sign-up to an event whose document is gone: only a per-record read could meet it
      await signups.insert({
        _id: `su-${id}`, eventId: 'bulk-event', orgId: comm._id, residentId: id, name: '居民', phoneMasked: '139****0000', phoneSealed: '', status: 'checked_in',
        seq: i + 1, via: 'online', createdAt: at, updatedAt: at, confirmedAt: at, checkedInAt: at, checkedInBy: 'scan', cancelledAt: null,
      } as never)
    }
  })
}

/**
 * `extra` cases (帮扶台帐) in comm-b beside the bulk residents: one registration made by the real
 * action, then copied under the bulk residents' ids, so every list, drill-down, export and
 * workbench line of an office above comm-b has `extra` more cases it could (wrongly) read one by one.
 */
export async function seedBulkCases(raw: ReturnType<typeof openSqliteStore<Collections>>, fns: Record<string, ActionMap>, keyring: ReturnType<typeof makeKeyring>, extra: number): Promise<void> {
  if (extra <= 0) return
  const { body } = await dispatch(fns.intent, { action: 'submit', data: registration({ communityId: 'comm-b', name: '赵大勇', phone: '13700000000', idCard: ID_C }) }, { fn: 'intent', store: raw, identity: { residentId: 'bulk-template' }, keyring, now: () => new Date('2026-10-01T02:00:00.000Z') })
  if (!body.ok) throw new Error(`bulk case template refused: ${JSON.stringify(body.error)}`)
  const tmpl = await raw.collection('cases').get((body.data as { _id: string })._id)
  if (!tmpl) throw new Error('bulk case template missing')
  await raw.transaction(async (tx) => {
    const intents = tx.collection('cases')
    for (let i = 0; i < extra; i++) {
      const id = `bulk-${i.toString(36).padStart(6, '0')}`
      await intents.insert({ ...tmpl, _id: `case-${id}`, residentId: id })
    }
  })
}

/**
 * The code ports the drive binds (event, training and share codes); the local runtime's by default.
 * Codes touch no store, so another port leaves every count as it is (the unit test passes ports
 * that render small images: its subject is the counts, not the pictures).
 */
export interface OpsCodePorts {
  mini: MiniCodePort
  share: ShareCodePort
}

/**
 * The local runtime's code ports, asked for the smallest image (a width below the code's own
 * size gives one pixel a module): the same URL, checks and QR encoding, without encoding 560 px
 * PNGs, which took half of this file's time. Codes touch no store, so the counts are the same.
 */
export const SMALL_CODES: OpsCodePorts = {
  mini: { make: (request) => localMiniCodes().make({ ...request, width: 1 }) },
  share: { make: (request) => localShareCodes().make({ ...request, width: 1 }) },
}

export async function opsPerAction(opts: { extra?: number; codes?: OpsCodePorts; queries?: RecordedQuery[] } = {}): Promise<OpsResult> {
  const codes = opts.codes ?? { mini: localMiniCodes(), share: localShareCodes() }
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-ops-'))
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  for (const org of TEST_ORGS) await raw.collection('orgs').insert(org)
  await seedBulk(raw, opts.extra ?? 0)
  for (const s of STAFF) await raw.collection('staff').insert(testStaffMember(s))
  const n: OpCount = { reads: 0, writes: 0, queries: opts.queries }
  const store = countingStore(raw, n)
  const keyring = makeKeyring(Buffer.from('bench-master-secret-bench-master-secret'))
  let clock = new Date(NOW)
  const exports = localExportFiles(() => join(dir, 'exports'))
  const exportParts = localExportParts(() => join(dir, 'export-parts'))
  const photos = () => join(dir, 'feedback-photos')
  // The sender's pauses between messages move a fake clock instead of waiting: the counts are the same.
  let senderMs = Date.parse(NOW)
  const instant: Timer = { now: () => senderMs, sleep: async (ms) => void (senderMs += ms) }
  // As server/functions.ts builds them, with this run's folders (and no real waiting) in place of the runtime's.
  // Claim codes are kept here instead of printed, so the story can type the code back.
  const claimCodes: ClaimCodeMessage[] = []
  const fns: Record<string, ActionMap> = {
    ...FUNCTIONS,
    intent: makeIntentActions({ claimCodes: () => ({ templateId: null, send: async (m) => (claimCodes.push(m), { ok: true }) }) }),
    event: eventActions({ codes: codes.mini, files: () => exports }),
    training: trainingActions({ codes: codes.mini }),
    share: shareActions({ codes: codes.share }),
    survey: makeSurveyActions(() => exports),
    ledger: makeLedgerActions(() => exports, { parts: () => exportParts }),
    notify: notifyActions({
      notifier: (st) => outboxNotifier(st),
      template: policyTemplateFromEnv({}, 'local-policy-reminder'),
      noticeTemplate: noticeTemplateFromEnv({}, 'local-progress-notice'),
      pace: { perSecond: 20, budgetMs: 15_000 },
      timer: instant,
    }),
    feedback: makeFeedbackActions(() => localPhotoFiles(photos)),
    evaluation: makeEvaluationActions(() => exports, { photos: () => localPhotoFiles(photos) }),
  }
  await seedBulkCases(raw, fns, keyring, opts.extra ?? 0)
  const rows = ['| function.action | caller | case | store reads | store writes |', '|---|---|---|---:|---:|']
  const done = new Set<string>()
  let rid = 0
  const req = () => `bench-req-${(rid++).toString(36).padStart(6, '0')}`

  /** Runs one action, counted, and records it; `note` says which case it is. */
  async function op<T = unknown>(fn: string, action: string, who: Identity, data: unknown, note = ''): Promise<T> {
    n.reads = 0
    n.writes = 0
    n.action = `${fn}.${action}`
    const { status, body } = await dispatch(fns[fn], { action, data }, { fn, store, identity: who, keyring, now: () => clock })
    if (!body.ok) throw new Error(`${fn}.${action} (${note}) failed with ${status}: ${JSON.stringify(body.error)}`)
    const label = 'staffId' in who ? `staff (${who.staffId})` : 'residentId' in who ? 'resident' : 'wechat user'
    rows.push(`| ${fn}.${action} | ${label} | ${note} | ${n.reads} | ${n.writes} |`)
    done.add(`${fn}.${action}`)
    return body.data as T
  }
  /** Names the last row's case by what the action answered. */
  const relabel = (note: string) => {
    const cells = rows[rows.length - 1].split(' | ')
    cells[2] = note
    rows[rows.length - 1] = cells.join(' | ')
  }
  const r = (id: string): Identity => ({ residentId: id })
  const s = (id: string): Identity => ({ staffId: id })

  // profile
  for (const id of ['r1', 'r2', 'r3']) await op('profile', 'save', r(id), { communityId: 'comm-a', targetGroups: ['graduate'] }, id === 'r1' ? 'first save' : 'setup')
  rows.splice(rows.length - 2, 2)
  await op('profile', 'get', r('r1'), {})
  await op('profile', 'get', s('a-staff'), {}, 'staff')

  // org
  await op('org', 'tree', r('r1'), {})
  const bing = await op<{ _id: string }>('org', 'saveOrg', s('admin'), { name: '丙社区', level: 'community', parentId: 'street' }, 'create')
  const inv = await op<{ code: string }>('org', 'invite', s('a-lead'), { role: 'community_staff', orgId: 'comm-a', label: '新来的 张老师' })
  const bound = await op<{ staffId: string }>('org', 'bind', r('h5_newcomer'), { code: inv.code, name: '张老师', username: 'zhanglaoshi', password: 'Zhang2026ok' }, 'H5 account')
  await op('org', 'staff', s('a-lead'), {})
  await op('org', 'revoke', s('a-lead'), { staffId: bound.staffId })
  await op('org', 'audit', s('admin'), {})
  await op('org', 'setup', s('a-staff'), {}, 'none recorded yet')
  await op('org', 'saveSetup', s('a-staff'), {
    groupName: '甲社区创建创业型社区工作领导小组', members: [{ name: '张主任', role: '组长', unit: '社区党委书记' }, { name: '李专干', role: '成员', unit: '专职创业服务' }],
    partners: ['区就业训练中心'], liaisons: ['街道 王副主任'], computers: 2, printers: 1,
    plan: { title: '2026 年创建工作计划', date: '2026-02-01', summary: '全年开展培训 4 期，帮扶创业 20 人' }, publicity: null, version: 0,
  }, 'first save')
  await op('org', 'setup', s('reviewer'), { orgId: 'comm-a' }, 'street reads comm-a')

  // policy
  await op('policy', 'list', r('r1'), { limit: 20 }, '{"limit":20}')
  const pol = await op<{ _id: string }>('policy', 'save', s('a-staff'), draft(), 'create')
  await op('policy', 'publish', s('a-staff'), { id: pol._id })
  await op('policy', 'list', r('r1'), { forMe: true, keyword: '补贴' }, '{"forMe":true,"keyword":"补贴"}')
  await op('policy', 'list', s('a-staff'), { view: 'manage' }, '{"view":"manage"}')
  await op('policy', 'get', r('r1'), { id: pol._id })

  // project
  const prj = await op<{ _id: string; version: number }>('project', 'save', s('a-staff'), {
    title: '社区早餐店', industry: 'catering', investment: '1to5',
    description: '面向上班族的早餐店，包子豆浆，投资小见效快', contactName: '王经理', contactPhone: '0812-3335123',
  }, 'create')
  await op('project', 'save', s('a-staff'), {
    id: prj._id, version: prj.version, title: '社区早餐店（升级版）', industry: 'catering', investment: '1to5',
    description: '面向上班族的早餐店，包子豆浆，投资小见效快', contactName: '王经理', contactPhone: '0812-3335123',
  }, 'edit')
  await op('project', 'list', r('r1'), { communityId: 'comm-a' }, 'resident view')
  await op('project', 'list', s('a-staff'), { view: 'manage' }, 'manage view')
  await op('project', 'get', r('r1'), { id: prj._id }, 'resident')
  await op('project', 'archive', s('a-staff'), { id: prj._id })
  await op('project', 'restore', s('a-staff'), { id: prj._id })

  // survey
  const t = surveyTemplate('service')
  const svy = await op<{ _id: string }>('survey', 'save', s('a-staff'), {
    template: t.key, title: t.title, kind: t.kind, period: '2026-Q4', opensOn: '2026-11-01', closesOn: '2026-12-20', intro: t.intro,
    dimensions: t.dimensions.map((d) => ({ ...d })), questions: t.questions.map((q) => ({ ...q })),
  }, 'create from template')
  await op('survey', 'publish', s('a-staff'), { id: svy._id })
  await op('survey', 'open', r('r1'), {})
  await op('survey', 'get', r('r1'), { id: svy._id }, 'resident')
  await op('survey', 'answer', r('r1'), { id: svy._id, levels: t.questions.map(() => 5), comments: [{ question: t.questions[0].id, text: '服务很好' }] }, `${t.questions.length} questions`)
  await op('survey', 'list', s('a-staff'), {})
  await op('survey', 'results', s('a-staff'), { id: svy._id })
  await op('survey', 'export', s('a-staff'), { id: svy._id })
  await op('survey', 'close', s('a-staff'), { id: svy._id })

  // event: capacity 2, three residents → one waitlisted, promoted when a place is given back
  const ev = await op<{ _id: string }>('event', 'save', s('a-staff'), eventDraft({ capacity: 2 }), 'create')
  await op('event', 'list', r('r1'), {}, 'resident view')
  await op('event', 'list', s('a-staff'), { view: 'manage' }, 'manage view')
  await op('event', 'get', r('r1'), { id: ev._id }, 'resident')
  const poster = await op<{ scene: string }>('event', 'code', s('a-staff'), { id: ev._id, purpose: 'poster', origin: ORIGIN }, 'poster PNG')
  await op('event', 'resolve', r('r1'), { scene: poster.scene }, 'poster scene')
  for (const [i, id] of ['r1', 'r2', 'r3'].entries()) {
    await op('event', 'signup', r(id), { eventId: ev._id, name: `居民${i + 1}`, phone: `1390000000${i + 1}`, requestId: req() }, i < 2 ? 'confirmed' : 'waitlisted')
  }
  rows.splice(rows.length - 3, 1)
  await op('event', 'cancel', r('r1'), { mode: 'signup', eventId: ev._id, requestId: req() }, 'resident gives back a place (waitlist promoted)')
  clock = new Date(ON_SITE)
  const code = await op<{ scene: string }>('event', 'code', s('a-staff'), { id: ev._id, purpose: 'checkin', origin: ORIGIN }, 'check-in PNG')
  await op('event', 'checkin', r('r2'), { mode: 'scan', eventId: ev._id, scene: code.scene, requestId: req() }, 'scan')
  const att = await op<{ items: { _id: string; status: string }[] }>('event', 'attendees', s('a-staff'), { eventId: ev._id })
  const r3 = att.items.find((a) => a.status === 'confirmed')
  if (!r3) throw new Error('no confirmed attendee to check in by hand')
  await op('event', 'checkin', s('a-staff'), { mode: 'manual', eventId: ev._id, signupId: r3._id }, 'manual')
  await op('event', 'export', s('a-staff'), { eventId: ev._id })
  clock = new Date(NOW)
  const ev2 = await op<{ _id: string }>('event', 'save', s('a-staff'), eventDraft({ title: '电商直播培训班', capacity: 50 }), 'setup')
  rows.pop()
  await op('event', 'signup', r('r1'), { eventId: ev2._id, name: '居民1', phone: '13900000001', requestId: req() }, 'setup')
  rows.pop()
  await op('event', 'cancel', s('a-staff'), { mode: 'event', eventId: ev2._id, reason: '场地临时维修' }, 'staff cancel event (1 signed up)')

  await op('event', 'mine', r('r2'), {}, 'checked in once')
  // notify: r3 was promoted from the waitlist, r1 told of the cancellation
  const box = await op<{ items: { _id: string }[] }>('notify', 'inbox', r('r1'), {})
  await op('notify', 'markRead', r('r1'), { ids: box.items.map((m) => m._id).slice(0, 1) }, box.items.length ? '1 id' : '')
  await op('notify', 'markRead', r('r1'), { all: true }, 'all (none left unread)')

  // Subscriptions to policy reminders, and a push of the published policy to the community.
  const tmpl = 'local-policy-reminder'
  await op('notify', 'preferences', r('r1'), {}, 'not subscribed yet')
  await op('notify', 'subscribe', r('r1'), { categories: ['startup_subsidy'], targetGroups: [], channel: 'weapp', accepted: [tmpl] }, 'weapp, 1 consent')
  await op('notify', 'subscribe', r('r2'), { categories: [], targetGroups: ['graduate'], channel: 'h5' }, 'setup')
  rows.pop()
  await op('notify', 'subscribe', r('r3'), { categories: [], targetGroups: [], channel: 'weapp', accepted: [tmpl] }, 'setup')
  rows.pop()
  const pushed = await op<{ recipients: number; sent: number }>('notify', 'push', s('a-staff'), { policyId: pol._id, communityIds: ['comm-a'] }, 'policy to comm-a')
  relabel(`policy to comm-a: ${pushed.recipients} recipients, ${pushed.sent} sent`)
  await op('notify', 'pushStatus', s('a-staff'), { policyId: pol._id }, '1 push, none opened yet')
  const pushedBox = await op<{ items: { _id: string; pushId?: string }[] }>('notify', 'inbox', r('r1'), {}, 'setup')
  rows.pop()
  await op('notify', 'markRead', r('r1'), { ids: pushedBox.items.filter((m) => m.pushId).map((m) => m._id) }, 'opens the pushed policy (push funnel moves)')
  await op('notify', 'pushStatus', s('a-staff'), { policyId: pol._id }, '1 push, 1 opened: one more read per resident who opened')
  await op('notify', 'preferences', r('r1'), {}, 'subscribed')
  await op('notify', 'notices', r('r1'), {})
  await op('notify', 'consentNotices', r('r1'), { accepted: ['local-progress-notice'] }, '1 consent')
  await op('notify', 'setNotice', r('r2'), { kind: 'signup', on: false }, 'signup notices off')

  // share: r1 shares the policy, r2 arrives through the link, staff read the count
  const ref = await op<{ ref: string }>('share', 'ref', r('r1'), {})
  await op('share', 'code', r('r1'), { kind: 'policy', id: pol._id, origin: ORIGIN }, 'poster PNG')
  await op('share', 'arrive', r('r2'), { kind: 'policy', id: pol._id, ref: ref.ref }, 'counted')
  await op('share', 'counts', s('a-staff'), { kind: 'policy', ids: [pol._id] }, '1 id')

  // intent + ledger
  const mine = await op<{ _id: string }>('intent', 'submit', r('r1'), registration({ projectInterestIds: [prj._id] }), 'new registration')
  await op('intent', 'mine', r('r1'), {})
  const other = await op<{ _id: string }>('intent', 'submit', r('r2'), registration({ name: '李大山', phone: '13812345679', idCard: ID_B, needs: ['site', 'training'] }), 'setup')
  rows.pop()
  await op('ledger', 'accept', s('a-staff'), { id: other._id }, 'setup')
  rows.pop()
  await op('ledger', 'list', s('a-staff'), {})
  await op('ledger', 'get', s('a-staff'), { id: mine._id })
  await op('ledger', 'accept', s('a-staff'), { id: mine._id })
  await op('ledger', 'addFollowUp', s('a-staff'), { id: mine._id, kind: 'project', date: '2026-11-22', note: '电话沟通，推荐早餐店项目', outcome: '有意向', visibleToResident: true, nextFollowUpDate: '2026-12-01', projectId: prj._id }, 'project recommended')
  await op('ledger', 'setStage', s('a-staff'), { id: mine._id, stage: 'trained', note: '参加了创业培训' })
  await op('ledger', 'recordVenture', s('a-staff'), { id: mine._id, name: '张小梅早餐店', kind: 'individual', registrationDate: '2026-11-20', jobsCreated: 2, status: 'operating', closureDate: '' })
  await op('ledger', 'recordBenefit', s('a-staff'), { id: mine._id, policyId: pol._id, policyTitle: '', kind: 'startup_subsidy', amountFen: (5000) * 100, approvedBy: '区人社局', documentNo: '东人社发〔2026〕12号', overrideReason: '街道会议同意', date: '2026-11-21', note: '' }, 'first benefit of an entrepreneur (its 政策享受率 stock in the same counter write)')
  await op('ledger', 'recordBenefit', s('a-staff'), { id: mine._id, policyId: pol._id, policyTitle: '', kind: 'rent_subsidy', amountFen: (1200) * 100, approvedBy: '街道', documentNo: '', overrideReason: '街道会议同意', date: '2026-11-21', note: '' }, 'another benefit')
  await op('ledger', 'eligiblePolicies', s('a-staff'), { id: mine._id })
  const loanPol = await op<{ _id: string }>('policy', 'save', s('a-staff'), draft({ title: '创业担保贷款', category: 'guaranteed_loan', targetGroups: ['returning_migrant'] }), 'setup')
  rows.pop()
  await op('policy', 'publish', s('a-staff'), { id: loanPol._id }, 'setup')
  rows.pop()
  const loan = await op<{ loans: { id: string }[] }>('ledger', 'loanStep', s('a-staff'), { id: mine._id, expect: 0, policyId: loanPol._id, step: 'applied', date: '2026-11-21', actor: '居民本人', amountFen: 10_000_000, documentNo: '' }, '申请')
  // Issue 22: a benefit or loan step at most 2 reads + 3 writes of its own (the rows add the caller's
  // 2 reads and the audit write), the resident's notice (an inbox message the sendNotices timer turns
  // into the WeChat delivery) included; an entrepreneur's first (eligible) benefit adds the year document.
  const loanSteps = [['recommended', '社区推荐', 10_000_000], ['guarantee_reviewed', '担保审核', 10_000_000], ['bank_approved', '银行审批', 10_000_000], ['disbursed', '放款 (adds the first eligible benefit: stock in the same counter write)', 10_000_000], ['interest', '贴息 (adds a benefit)', 150_000], ['repaid', '还清', 0]] as const
  for (const [i, [step, label, amountFen]] of loanSteps.entries()) {
    await op('ledger', 'loanStep', s('a-staff'), { id: mine._id, loanId: loan.loans[0].id, expect: i + 1, step, date: '2026-11-21', actor: '社区', amountFen, documentNo: '' }, label)
  }
  await op('ledger', 'gaps', s('a-staff'), { kind: 'unbenefited' })
  await op('ledger', 'reveal', s('a-lead'), { id: mine._id, field: 'idCard' })
  await op('ledger', 'export', s('a-staff'), {}, '2 rows')
  await op('ledger', 'list', s('district'), {}, 'district: first page over its communities')
  const exportJob = await op<{ _id: string }>('ledger', 'exportJob', s('a-staff'), {}, 'first call of the job')
  await op('ledger', 'continueJob', s('a-staff'), { id: exportJob._id })
  await op('ledger', 'job', s('a-staff'), { id: exportJob._id })
  // 挂帮: the street's reviewer pairs with the case, follows it up, and later ends it
  await op('ledger', 'pair', s('reviewer'), { caseId: mine._id, reason: '返乡创业带动就业多，重点扶持', pairedOn: '2026-11-20' })
  await op('ledger', 'pairFollowUp', s('reviewer'), { caseId: mine._id, kind: 'guidance', date: '2026-11-21', note: '到店走访，了解资金缺口', outcome: '协调担保贷款', nextFollowUpDate: '2026-12-05' })
  await op('ledger', 'paired', s('reviewer'), {})
  await op('ledger', 'unpair', s('reviewer'), { caseId: mine._id, reason: '已正常经营，转社区日常跟踪', unpairedOn: '2026-11-22' })
  // 代登记: a walk-in resident registered by the worker (consent on paper), then claimed in the app by r3
  const { consent: _consent, consentVersion: _cv, communityId: _cid, ...answers } = registration({ name: '王秀英', phone: '13987654321' })
  const walkIn: LedgerRegisterInput = { ...answers, idCard: ID_C, consent: { method: 'paper', at: '2026-11-22', note: '同意书存社区档案柜 2026-031 号' } }
  await op('ledger', 'register', s('a-staff'), walkIn, 'walk-in resident, paper consent')
  await op('intent', 'claimStart', r('r3'), { communityId: 'comm-a', phone: '13987654321' }, 'phone on a case registered on behalf: code sent')
  await op('intent', 'claimConfirm', r('r3'), { communityId: 'comm-a', phone: '13987654321', code: claimCodes.at(-1)?.code ?? '' }, 'right code: case linked, no counter moves')
  await op('intent', 'claimChannel', r('r3'), {}, 'template to allow first')

  // training: a course of three sessions, the first on now; r1 completes it (two sessions), which trains the case
  const course = await op<{ _id: string; version: number }>('training', 'save', s('a-staff'), {
    title: 'SYB 创业培训第 3 期', kind: 'syb', description: '创办你的企业：市场评估、企业构思、财务计划，十个学时。', place: '甲社区服务中心三楼', provider: '区就业训练中心',
    sessions: [
      { title: '第一课 评价你是否适合创业', startAt: '2026-11-22T01:30:00Z', endAt: '2026-11-22T03:30:00Z' },
      { title: '第二课 建立一个好的企业构思', startAt: '2026-11-22T06:00:00Z', endAt: '2026-11-22T08:00:00Z' },
      { title: '第三课 评估你的市场', startAt: '2026-11-23T01:30:00Z', endAt: '2026-11-23T03:30:00Z' },
    ],
    capacity: 30, requiredSessions: 2, subsidyAmount: 800, policyId: null, enrolUntil: '2026-11-23T00:00:00Z',
  }, 'create (3 sessions)')
  await op('training', 'list', r('r1'), {}, 'resident view')
  await op('training', 'list', s('a-staff'), { view: 'manage' }, 'manage view')
  await op('training', 'get', r('r1'), { id: course._id }, 'resident')
  await op('training', 'enrol', r('r1'), { courseId: course._id, name: '张小梅', phone: '13812345678' })
  await op('training', 'enrol', r('r2'), { courseId: course._id, name: '李大山', phone: '13812345679' }, 'setup')
  rows.pop()
  await op('training', 'cancel', r('r2'), { courseId: course._id })
  const session0 = await op<{ scene: string }>('training', 'code', s('a-staff'), { id: course._id, session: 0, origin: ORIGIN }, 'session 1 PNG')
  await op('training', 'checkin', r('r1'), { mode: 'scan', scene: session0.scene, requestId: req() }, 'scan, session 1 of 2 needed')
  const trainees = await op<{ items: { _id: string }[] }>('training', 'enrolments', s('a-staff'), { courseId: course._id })
  await op('training', 'checkin', s('a-staff'), { mode: 'manual', courseId: course._id, enrolmentId: trainees.items[0]._id, session: 1 }, 'manual, completes: case trained + subsidy')

  // service: a mentor for r1's case and a session request; a site r1 is placed on and r2 is declined;
  // a guide, a story, the hotline and search
  const mentor = await op<{ _id: string }>('service', 'saveMentor', s('a-staff'), { name: '刘建国', field: 'entrepreneur', specialty: '餐饮门店经营', organisation: '建国餐饮有限公司', phone: '13800001111', availability: '每周三下午', active: true }, 'create')
  await op('service', 'mentors', s('a-staff'), { view: 'manage' }, 'manage view')
  await op('service', 'assignMentor', s('a-staff'), { intentId: mine._id, mentorId: mentor._id })
  await op('service', 'requestMentor', r('r1'), { topic: '店面选址和租金怎么谈', preferredTime: '周三下午' })
  const asked = await op<{ _id: string }[]>('service', 'mentorRequests', s('a-staff'), { intentId: mine._id })
  await op('service', 'closeMentorRequest', s('a-staff'), { id: asked[0]._id, status: 'scheduled' })
  const site = await op<{ _id: string }>('service', 'saveSite', s('a-staff'), {
    name: '甲社区创业孵化基地', kind: 'incubator', address: '甲社区幸福路 8 号', capacity: 20, vacancies: 1, conditions: '登记创业意向的本社区居民，前两年免租',
    industries: [], contactName: '周主任', contactPhone: '0812-3335000', active: true,
  }, 'create')
  await op('service', 'sites', r('r1'), {}, 'resident view (matching)')
  await op('service', 'site', r('r1'), { id: site._id }, 'resident')
  const app1 = await op<{ _id: string }>('service', 'applySite', r('r1'), { siteId: site._id, note: '早餐店需要 20 平米带水电的门面' })
  const app2 = await op<{ _id: string }>('service', 'applySite', r('r2'), { siteId: site._id, note: '想做网店，需要一个工位' }, 'setup')
  rows.pop()
  await op('service', 'siteApplications', s('a-staff'), { status: 'pending' }, 'pending')
  await op('service', 'placeSite', s('a-staff'), { id: app1._id, reply: '12 月 1 日起入驻 A-3 号位' }, 'last vacancy, site follow-up on the case')
  await op('service', 'declineSite', s('a-staff'), { id: app2._id, reply: '工位已满，推荐区创业园' })
  const guide = await op<{ _id: string }>('service', 'saveGuide', s('a-staff'), {
    title: '一次性创业补贴申请指南', topic: 'subsidy', summary: '首次创业并正常经营 6 个月可申请', steps: [{ title: '社区初审', detail: '带材料到社区创业服务站' }],
    materials: ['身份证', '营业执照'], where: '区就业服务中心一楼 3 号窗口', duration: '15 个工作日', policyIds: [pol._id], published: true,
  }, 'create, 1 policy linked')
  await op('service', 'guides', r('r1'), { policyId: pol._id }, 'for a policy')
  await op('service', 'guide', r('r1'), { id: guide._id })
  const story = await op<{ _id: string }>('service', 'saveStory', s('a-staff'), {
    title: '返乡开起早餐店', person: '张女士', business: '幸福早餐店', summary: '从推车到门店', body: '张女士返乡后在社区帮助下申请了创业补贴，开起了早餐店，带动三位邻居就业。',
    policyIds: [pol._id], helpUsed: ['一对一指导'], consentHow: '本人签署书面同意书', consentDate: '2026-11-20',
  }, 'create')
  await op('service', 'stories', r('r1'), {}, 'resident view')
  await op('service', 'story', r('r1'), { id: story._id })
  await op('service', 'saveHotline', s('a-staff'), { phone: '0812-3331234', hours: '工作日 8:30–17:30', address: '甲社区服务站' })
  await op('service', 'hotline', r('r1'), {})
  await op('service', 'search', r('r1'), { q: '补贴' }, 'all kinds')

  // feedback: a complaint with a photo about r1's case, worked through by staff, rated, reopened, closed
  const photo = await savePhoto(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]), 'png', photos)
  const fb = await op<{ _id: string }>('feedback', 'submit', r('r1'), {
    kind: 'policy_complaint', communityId: 'comm-a', text: '创业补贴一直没有发下来，窗口让我跑了三次', contactName: '张小梅', photos: [photo], subject: { kind: 'case', id: mine._id },
  }, '1 photo, about my case')
  await op('feedback', 'list', s('a-staff'), {}, 'community inbox')
  await op('feedback', 'get', s('a-staff'), { id: fb._id }, 'staff')
  await op('feedback', 'reply', s('a-staff'), { id: fb._id, text: '先核实窗口记录', internal: true }, 'internal note')
  await op('feedback', 'assign', s('a-staff'), { id: fb._id, staffId: 'a-lead' })
  await op('feedback', 'reply', s('a-lead'), { id: fb._id, text: '已约好周三上午专人帮你办理' }, 'answer (resident told)')
  await op('feedback', 'mine', r('r1'), {})
  await op('feedback', 'get', r('r1'), { id: fb._id }, 'resident')
  await op('feedback', 'close', r('r1'), { id: fb._id, rating: 2, comment: '太慢了' }, 'resident rates')
  await op('feedback', 'reopen', r('r1'), { id: fb._id, text: '周三去了还是没办成' })
  await op('feedback', 'close', s('a-lead'), { id: fb._id, resolution: 'resolved', note: '已发放' }, 'staff close')
  await op('feedback', 'stats', s('a-staff'), {}, 'community')
  await op('feedback', 'stats', s('reviewer'), {}, 'street')
  // indices: a community dashboard is one read beside caller resolution; upper levels grow with communities
  await op('indices', 'saveBaseline', s('a-staff'), { period: '2026', workingAge: 400, employed: 250 })
  await op('indices', 'approveBaseline', s('reviewer'), { communityId: 'comm-a', period: '2026' }, 'street approves comm-a')
  await op('indices', 'dashboard', s('a-staff'), { period: '2026-M11' }, 'community (own)')
  await op('indices', 'dashboard', s('district'), { period: '2026-M11' }, 'district (2 communities)')
  await op('indices', 'rollup', s('district'), { period: '2026-M11', sortBy: 'activity' }, 'district → streets')
  await op('indices', 'trend', s('a-staff'), { period: '2026-M11', key: 'activity' })
  await op('indices', 'drilldown', s('a-staff'), { period: '2026', key: 'assistanceCoverage', side: 'den' }, '1 case')
  await op('indices', 'money', s('a-staff'), { period: '2026' })
  await op('indices', 'moneyCases', s('a-staff'), { period: '2026', metric: 'mo_ln_applied' }, '1 case')
  const recon = await op<{ _id: string }>('indices', 'reconcile', s('admin'), { repair: false }, 'dry run, whole store')
  await op('indices', 'continueJob', s('admin'), { id: recon._id })
  await op('indices', 'job', s('admin'), { id: recon._id })
  // 工作台: each line one count (or the counter documents) of the list it opens, per role
  await op('workbench', 'summary', s('a-staff'), {}, 'community (8 lines)')
  await op('workbench', 'summary', s('reviewer'), {}, 'street (2 communities)')
  await op('workbench', 'summary', s('district'), {}, 'district (2 communities)')
  await op('workbench', 'summary', s('city'), {}, 'city (2 communities)')
  // targets: the city sets seed 001's 私营企业 increase and splits it down to the communities
  await op('indices', 'setTarget', s('city'), { index: 'newEnterprises', year: 2026, value: 49, source: 'seed-001' })
  await op('indices', 'splitTarget', s('city'), { index: 'newEnterprises', year: 2026, orgId: 'city', shares: [{ orgId: 'dist', value: 49 }] }, 'city → 1 district')
  await op('indices', 'splitTarget', s('district'), { index: 'newEnterprises', year: 2026, orgId: 'dist', shares: [{ orgId: 'street', value: 49 }] }, 'setup')
  rows.pop()
  await op('indices', 'splitTarget', s('reviewer'), { index: 'newEnterprises', year: 2026, orgId: 'street', shares: [{ orgId: 'comm-a', value: 30 }, { orgId: 'comm-b', value: 15 }, { orgId: bing._id, value: 4 }] }, 'street → 3 communities')
  await op('indices', 'targets', s('a-staff'), { year: 2026 }, 'community')
  await op('indices', 'targets', s('city'), { year: 2026 }, 'city with its children')
  await op('indices', 'setLocalAverage', s('city'), { year: 2026, percent: 12.5 }, 'entered')
  // 督查: the city gives the district a task due before today, the district reports, the city reminds, scores and adjusts
  const task = await op<{ _id: string; version: number; ownerKey: string }>('duty', 'save', s('city'), {
    year: 2026, text: '完成辖区创业型社区创建摸底', ownerOrgId: 'dist', deadline: '2026-11-10', measure: '摸底表报市创建办', weight: 5, schedule: { every: 2, unit: 'week' },
  }, 'create')
  await op('duty', 'board', s('city'), { year: 2026 }, 'city (1 task)')
  await op('duty', 'remind', s('city'), { id: task._id }, 'overdue task')
  const reported = await op<{ version: number }>('duty', 'report', s('district'), { id: task._id, text: '已完成 2 个街道的摸底', percent: 60, figures: [{ label: '已摸底社区', value: 12, unit: '个' }] }, '1 figure')
  await op('duty', 'edit', s('city'), {
    id: task._id, version: reported.version, text: '完成辖区创业型社区创建摸底', ownerOrgId: 'dist', deadline: '2026-11-30', measure: '摸底表报市创建办', weight: 5, schedule: { every: 2, unit: 'week' }, reason: '区里申请延期，领导小组同意',
  }, 'new deadline')
  await op('duty', 'scores', s('city'), { year: 2026 }, 'districts and streets: targets + tasks')
  await op('duty', 'adjust', s('city'), { year: 2026, ownerKey: task.ownerKey, score: 80, reason: '摸底质量较好，酌情加分' })
  // evaluation: the city sets this year's deadlines after today, then comm-a's application walks draft →
  // submit → street review → district certification → the city's spot check (sample, calls,
  // questionnaire, conclusion) → selection
  const A = 'comm-a:2026'
  type App = { version: number; sample?: { intentIds: string[] } | null }
  await op('evaluation', 'deadlines', s('city'), { year: 2026, set: { apply: '2026-11-30', review: '2026-12-10', certify: '2026-12-20', spotCheck: '2026-12-31' } }, 'city sets')
  await op('evaluation', 'deadlines', s('a-lead'), { year: 2026 }, 'read')
  const opened = await op<App & { report: { sections: { criterion: string; text: string }[] } }>('evaluation', 'draft', s('a-lead'), { year: 2026 }, 'open, filled from the ledger (2 cases)')
  const edited = await op<App>('evaluation', 'draft', s('a-lead'), {
    year: 2026, version: opened.version, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '甲社区 2300 户，创业服务站 1 个' },
    report: { sections: opened.report.sections.map((x) => ({ ...x, text: `${x.text} 每周二开放创业服务站。` })), summary: '五项标准基本达到，下一步扩大场地。' },
  }, 'edit form and report')
  const submitted = await op<App>('evaluation', 'submit', s('a-lead'), { id: A, version: edited.version })
  await op('evaluation', 'list', s('reviewer'), { year: 2026 }, 'street (2 communities)')
  await op('evaluation', 'get', s('reviewer'), { id: A })
  await op('evaluation', 'documents', s('reviewer'), { id: A }, '.xlsx')
  const passed = await op<App>('evaluation', 'review', s('reviewer'), { id: A, version: submitted.version, decision: 'pass', opinion: '材料齐全，同意上报' }, 'pass')
  await op('evaluation', 'certify', s('district'), { id: A, version: passed.version, decision: 'certify', opinion: '达到创建标准，予以认定' }, 'certify')
  const sampled = await op<App>('evaluation', 'sample', s('city'), { id: A, seed: '20261122', size: 2 }, '2 of 2 cases')
  const [first, second] = sampled.sample?.intentIds ?? []
  await op('evaluation', 'revealPhone', s('city'), { id: A, intentId: first })
  await op('evaluation', 'recordCall', s('city'), { id: A, intentId: first, reached: true, confirms: true, satisfaction: 5, remarks: '确认得到一对一指导' }, 'reached')
  await op('evaluation', 'recordCall', s('city'), { id: A, intentId: second, reached: false, remarks: '无人接听' }, 'not reached')
  rows.pop()
  await op('evaluation', 'spotCheck', s('city'), { id: A, step: 'questionnaire', closesOn: '2026-12-25' }, 'questionnaire: a survey and an inbox message per ledger resident (2)')
  const checkedIn = await op<App>('evaluation', 'get', s('city'), { id: A }, 'setup')
  rows.pop()
  const checked = await op<App>('evaluation', 'spotCheck', s('city'), { id: A, step: 'conclude', version: checkedIn.version, methods: ['site_visit', 'ledger_check', 'phone'], findings: '台帐完整，回访情况基本属实' }, 'conclude')
  await op('evaluation', 'ranking', s('city'), { year: 2026 })
  await op('evaluation', 'select', s('city'), { id: A, version: checked.version, opinion: '抽查结果优秀，评为示范社区' })
  // 评审内容 and scores: the district defines its rubric from seed 000's ten items, the street scores comm-a
  await op('evaluation', 'defineRubric', s('district'), { year: 2026, items: DEFAULT_RUBRIC_ITEMS.map((i) => ({ ...i, indices: [...i.indices] })) }, 'seed 000 items')
  await op('evaluation', 'rubric', s('reviewer'), { year: 2026 })
  await op('evaluation', 'scoreSheet', s('reviewer'), { communityId: 'comm-a', year: 2026 })
  await op('evaluation', 'score', s('reviewer'), { communityId: 'comm-a', year: 2026, submit: true, items: DEFAULT_RUBRIC_ITEMS.map((i) => ({ key: i.key, score: i.max - 2, comment: '' })) }, 'street submits 10 items')
  await op('evaluation', 'reopenScore', s('district'), { communityId: 'comm-a', year: 2026, level: 'street', reason: '第三项评分依据不足' })
  await op('evaluation', 'scoreRanking', s('district'), { year: 2026 })
  await op('evaluation', 'closeRubric', s('district'), { year: 2026, closed: true })
  // 简报 upward, and the district's 认定 report to the city
  const brief = await op<{ id: string }>('report', 'send', s('a-staff'), { kind: 'experience', title: '早餐店一条街的做法', body: '社区联合街道为 6 户返乡创业人员统一办理证照，集中扶持。', toOrgId: 'street' }, 'to the street')
  await op('report', 'targets', s('a-staff'), {})
  await op('report', 'list', s('reviewer'), { box: 'inbox', unread: true }, 'unread inbox')
  await op('report', 'get', s('reviewer'), { id: brief.id }, 'first read (receipt)')
  await op('report', 'comment', s('reviewer'), { id: brief.id, text: '做法很好，请继续' })
  await op('report', 'markGood', s('reviewer'), { id: brief.id, note: '各社区可借鉴' })
  await op('report', 'forward', s('reviewer'), { id: brief.id }, 'street → district')
  await op('report', 'list', s('b-lead'), { box: 'good' }, '好经验 for every community')
  await op('report', 'send', s('district'), { kind: 'certification', title: '2026 年创业型社区认定情况', body: '本区 2026 年认定创业型社区 1 个，材料附后。', toOrgId: 'city', year: 2026 }, '认定报告 to the city')
  // 表彰: the district names the entrepreneur, records consent; the city publishes the year's list
  await op('report', 'honorCandidates', s('district'), { kind: 'entrepreneur', keyword: '' }, 'entrepreneurs in scope')
  const honor = await op<{ id: string }>('report', 'honorSave', s('district'), { year: 2026, kind: 'entrepreneur', subjectId: mine._id, citation: '返乡开办早餐店，带动邻居三人就业。', storyId: story._id }, 'with a story')
  await op('report', 'honorConsent', s('district'), { id: honor.id, consent: true, how: '本人书面同意' })
  await op('report', 'honors', s('city'), { year: 2026 })
  await op('report', 'honorClose', s('city'), { year: 2026, closed: true }, 'publish the year')
  await op('evaluation', 'extend', s('city'), { year: 2026, step: 'apply', until: '2026-12-10', communityId: 'comm-b', reason: '社区换届，材料晚交' }, 'one community (later steps move)')
  await op('evaluation', 'remindBehind', s('city'), { year: 2026 }, 'those behind on the earliest step')
  const certificate = await savePhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(400, 2)]), 'jpeg', photos)
  await op('evaluation', 'award', s('city'), { id: A, date: '2026-11-22', documentNo: '攀创办〔2026〕12 号', certificate }, 'with a certificate scan')
  await op('evaluation', 'certificate', s('district'), { id: A }, 'the scan as a temporary link')
  await op('evaluation', 'revoke', s('city'), { id: A, date: '2026-11-22', documentNo: '攀创办〔2026〕15 号', reason: '动态管理复查不达标' })
  await op('evaluation', 'reopen', s('city'), { id: A, reason: '整改后重新申报' }, 'selected → back to the community')
  clock = new Date('2026-11-23T02:00:00.000Z') // a week before the apply deadline: comm-b's lead has not applied
  const reminded = await op<{ sent: number }>('evaluation', 'remind', s('admin'), {})
  relabel(`all levels: ${reminded.sent} reminder(s) sent`)
  clock = new Date(NOW)

  await op('survey', 'census', r('r1'), { year: 2026 }, 'public result')
  await op('indices', 'closeTargetYear', s('city'), { year: 2026, closed: true })
  await op('intent', 'withdraw', r('r1'), { id: mine._id })
  await op('policy', 'archive', s('a-staff'), { id: pol._id })

  // Retention, then r1 takes out their data and deletes it.
  const dry = await op<{ due: number }>('maintenance', 'retention', s('admin'), {})
  relabel(`dry run, default period: ${dry.due} due`)
  clock = new Date('2027-01-01T02:00:00.000Z')
  const swept = await op<{ anonymised: number }>('maintenance', 'retention', s('admin'), { days: 30, dryRun: false })
  relabel(`30 days: ${swept.anonymised} withdrawn case(s) anonymised`)
  await op('profile', 'exportMine', r('r2'), {}, 'resident with a case, signup, course, site application')
  await op('profile', 'deleteMine', r('r2'), { confirm: '删除' }, 'the same resident')
  await op('profile', 'exportMine', r('r3'), {}, 'resident with one signup and a claimed case')

  const notDriven: string[] = []
  let total = 0
  for (const [fn, actions] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(actions)) {
      total++
      if (!done.has(`${fn}.${action}`)) notDriven.push(`${fn}.${action}`)
    }
  }
  const storedCases = await raw.collection('cases').count()
  await raw.close()
  rmSync(dir, { recursive: true, force: true })
  // `rows` is the table the story kept (setup rows spliced out, cases relabelled): `counted` follows it.
  const kept = rows.slice(2).map((line) => {
    const [fnAction, caller, note, reads, writes] = line.slice(2, -2).split(' | ')
    const [fn, action] = fnAction.split('.')
    return { fn, action, caller, note, reads: Number(reads), writes: Number(writes) }
  })
  const seen = new Map<string, number>()
  for (const row of kept) {
    const base = `${row.fn}.${row.action} | ${row.caller} | ${row.note}`
    const k = (seen.get(base) ?? 0) + 1
    seen.set(base, k)
    Object.assign(row, { key: k > 1 ? `${base} #${k}` : base })
  }
  return { rows, counted: kept as OpsRow[], covered: total - notDriven.length, total, notDriven, storedCases }
}

/**
 * Actions that answer one page of a list: their reads may follow the data up to one page (a
 * query page is one read whatever it holds, but a page can load its items' documents).
 */
export const PAGED = new Set<string>([])

/**
 * Whole-store maintenance scans, which exist to read every record (reconcile recounts every
 * counter from the documents): one read per batch of `batch` documents, so they grow by design.
 * Listed, not fixed; the guard allows them one read per batch of the added records and no more.
 */
export const SCANS = new Map<string, { batch: number }>([['indices.reconcile', { batch: 500 }]])

export interface OpsCompare {
  rows: string[]
  grows: string[]
  pages: string[]
  small: OpsResult
  large: OpsResult
  sizes: [number, number]
}

/** The same drive at two sizes of bulk data, side by side; `grows` names rows whose counts moved. */
export async function opsAtTwoSizes(small: number, large: number, opts: { codes?: OpsCodePorts } = {}): Promise<OpsCompare> {
  const a = await opsPerAction({ extra: small, codes: opts.codes })
  const b = await opsPerAction({ extra: large, codes: opts.codes })
  const byKey = new Map(b.counted.map((r) => [r.key, r]))
  const rows = [
    `| function.action | caller | case | reads @${small} | writes @${small} | reads @${large} | writes @${large} | grows? |`,
    '|---|---|---|---:|---:|---:|---:|---|',
  ]
  const grows: string[] = []
  const pages: string[] = []
  for (const r of a.counted) {
    const o = byKey.get(r.key)
    if (!o) throw new Error(`row ${r.key} is missing at ${large} records`)
    const moved = o.reads !== r.reads || o.writes !== r.writes
    const name = `${r.fn}.${r.action}`
    const scan = SCANS.get(name)
    // the bulk adds four documents per record (a profile, a case, a feedback item, a sign-up)
    const scanOk = scan && o.writes === r.writes && o.reads - r.reads <= Math.ceil((4 * (large - small)) / scan.batch) + 2
    const paged = PAGED.has(name) || Boolean(scanOk)
    const flag = !moved ? '' : scanOk ? `scans (1 read / ${scan.batch} docs)` : paged ? 'pages' : '**GROWS**'
    if (moved) (paged ? pages : grows).push(`${r.key}: ${r.reads}/${r.writes} → ${o.reads}/${o.writes}`)
    rows.push(`| ${r.fn}.${r.action} | ${r.caller} | ${r.note} | ${r.reads} | ${r.writes} | ${o.reads} | ${o.writes} | ${flag} |`)
  }
  return { rows, grows, pages, small: a, large: b, sizes: [small, large] }
}

if (require.main === module) {
  const small = Number(process.env.OPS_SMALL ?? 1_000)
  const large = Number(process.env.OPS_LARGE ?? 100_000)
  const t0 = performance.now()
  void opsAtTwoSizes(small, large).then((c) => {
    process.stdout.write(`${c.rows.join('\n')}\n\n`)
    process.stdout.write(`${c.small.covered}/${c.small.total} actions driven; ${c.rows.length - 2} rows; ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
    process.stdout.write(`grows with data (${c.grows.length}):\n${c.grows.map((g) => `  ${g}`).join('\n')}\n`)
    process.stdout.write(`pages (${c.pages.length}):\n${c.pages.map((g) => `  ${g}`).join('\n')}\n`)
  }, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
    process.exitCode = 1
  })
}
