/**
 * Store operations per action, for every action of every function the local runtime serves
 * (server/functions.ts). Setup data is made by the real actions, in one story: a resident joins a
 * community, staff publish a policy, a project, a survey and an event, residents sign up, check
 * in and register an intent that staff then work through the ledger. Counts are what CloudBase
 * bills: one per document call, one per query page; caller resolution and audit writes included.
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
import { draft, TEST_ORGS } from '../cloudfunctions/_shared/testing/harness'
import { eventActions } from '../cloudfunctions/event/actions'
import { eventDraft } from '../cloudfunctions/event/actions/__tests__/fixtures'
import { localMiniCodes } from '../cloudfunctions/event/codes-local'
import { makeEvaluationActions } from '../cloudfunctions/evaluation/actions'
import { makeFeedbackActions } from '../cloudfunctions/feedback/actions'
import { ID_B, registration } from '../cloudfunctions/intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../cloudfunctions/ledger/actions'
import { notifyActions } from '../cloudfunctions/notify/actions'
import { policyTemplateFromEnv, type Timer } from '../cloudfunctions/notify/deps'
import { localExportFiles } from '../server/downloads'
import { localPhotoFiles, savePhoto } from '../server/photos'
import { FUNCTIONS } from '../server/functions'
import { countingStore, type OpCount } from './counting-store'

const NOW = '2026-11-22T02:00:00.000Z' // 10:00 Shanghai; the fixture event is tomorrow 09:00–11:30
const ON_SITE = '2026-11-23T01:10:00.000Z' // 09:10 Shanghai, the event is on
const ORIGIN = 'http://127.0.0.1:8080'

const STAFF = [
  { id: 'a-staff', role: 'community_staff', orgId: 'comm-a' },
  { id: 'a-lead', role: 'community_lead', orgId: 'comm-a' },
  { id: 'reviewer', role: 'street_reviewer', orgId: 'street' },
  { id: 'district', role: 'district_officer', orgId: 'dist' },
  { id: 'city', role: 'city_officer', orgId: 'city' },
  { id: 'admin', role: 'admin', orgId: 'city' },
] as const

export interface OpsResult {
  rows: string[]
  covered: number
  total: number
  notDriven: string[]
}

export async function opsPerAction(): Promise<OpsResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-ops-'))
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  for (const org of TEST_ORGS) await raw.collection('orgs').insert(org)
  for (const s of STAFF) {
    await raw.collection('staff').insert({
      _id: s.id, name: s.id, role: s.role, orgId: s.orgId, openid: `wx-${s.id}`, username: s.id, passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z',
    })
  }
  const n: OpCount = { reads: 0, writes: 0 }
  const store = countingStore(raw, n)
  const keyring = makeKeyring(Buffer.from('bench-master-secret-bench-master-secret'))
  let clock = new Date(NOW)
  const exports = localExportFiles(() => join(dir, 'exports'))
  const photos = () => join(dir, 'feedback-photos')
  // The sender's pauses between messages move a fake clock instead of waiting: the counts are the same.
  let senderMs = Date.parse(NOW)
  const instant: Timer = { now: () => senderMs, sleep: async (ms) => void (senderMs += ms) }
  // As server/functions.ts builds them, with this run's folders (and no real waiting) in place of the runtime's.
  const fns: Record<string, ActionMap> = {
    ...FUNCTIONS,
    event: eventActions({ codes: localMiniCodes() }),
    ledger: makeLedgerActions(() => exports),
    notify: notifyActions({
      notifier: (st) => outboxNotifier(st),
      template: policyTemplateFromEnv({}, 'local-policy-reminder'),
      pace: { perSecond: 20, budgetMs: 15_000 },
      timer: instant,
    }),
    feedback: makeFeedbackActions(() => localPhotoFiles(photos)),
    evaluation: makeEvaluationActions(() => exports),
  }
  const rows = ['| function.action | caller | case | store reads | store writes |', '|---|---|---|---:|---:|']
  const done = new Set<string>()
  let rid = 0
  const req = () => `bench-req-${(rid++).toString(36).padStart(6, '0')}`

  /** Runs one action, counted, and records it; `note` says which case it is. */
  async function op<T = unknown>(fn: string, action: string, who: Identity, data: unknown, note = ''): Promise<T> {
    n.reads = 0
    n.writes = 0
    const { status, body } = await dispatch(fns[fn], { action, data }, { fn, store, identity: who, keyring, now: () => clock })
    if (!body.ok) throw new Error(`${fn}.${action} (${note}) failed with ${status}: ${JSON.stringify(body.error)}`)
    const label = 'staffId' in who ? `staff (${who.staffId})` : 'residentId' in who ? 'resident' : 'wechat user'
    rows.push(`| ${fn}.${action} | ${label} | ${note} | ${n.reads} | ${n.writes} |`)
    done.add(`${fn}.${action}`)
    return body.data as T
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
  await op('org', 'saveOrg', s('admin'), { name: '丙社区', level: 'community', parentId: 'street' }, 'create')
  const inv = await op<{ code: string }>('org', 'invite', s('a-lead'), { role: 'community_staff', orgId: 'comm-a', label: '新来的 张老师' })
  const bound = await op<{ staffId: string }>('org', 'bind', r('h5_newcomer'), { code: inv.code, name: '张老师', username: 'zhanglaoshi', password: 'Zhang2026ok' }, 'H5 account')
  await op('org', 'staff', s('a-lead'), {})
  await op('org', 'revoke', s('a-lead'), { staffId: bound.staffId })
  await op('org', 'audit', s('admin'), {})

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
  rows[rows.length - 1] = rows[rows.length - 1].replace('policy to comm-a', `policy to comm-a: ${pushed.recipients} recipients, ${pushed.sent} sent`)
  await op('notify', 'pushStatus', s('a-staff'), { policyId: pol._id }, '1 push')
  await op('notify', 'preferences', r('r1'), {}, 'subscribed')

  // share: r1 shares the policy, r2 arrives through the link, staff read the count
  const ref = await op<{ ref: string }>('share', 'ref', r('r1'), {})
  await op('share', 'code', r('r1'), { kind: 'policy', id: pol._id, origin: ORIGIN }, 'poster PNG')
  await op('share', 'arrive', r('r2'), { kind: 'policy', id: pol._id, ref: ref.ref }, 'counted')
  await op('share', 'counts', s('a-staff'), { kind: 'policy', ids: [pol._id] }, '1 id')

  // intent + ledger
  const mine = await op<{ _id: string }>('intent', 'submit', r('r1'), registration({ projectInterestIds: [prj._id] }), 'new registration')
  await op('intent', 'mine', r('r1'), {})
  await op('ledger', 'list', s('a-staff'), {})
  await op('ledger', 'get', s('a-staff'), { id: mine._id })
  await op('ledger', 'accept', s('a-staff'), { id: mine._id })
  await op('ledger', 'addFollowUp', s('a-staff'), { id: mine._id, kind: 'project', date: '2026-11-22', note: '电话沟通，推荐早餐店项目', outcome: '有意向', visibleToResident: true, nextFollowUpDate: '2026-12-01', projectId: prj._id }, 'project recommended')
  await op('ledger', 'setStage', s('a-staff'), { id: mine._id, stage: 'trained', note: '参加了创业培训' })
  await op('ledger', 'recordVenture', s('a-staff'), { id: mine._id, name: '张小梅早餐店', kind: 'individual', registrationDate: '2026-11-20', jobsCreated: 2, status: 'operating', closureDate: '' })
  await op('ledger', 'recordBenefit', s('a-staff'), { id: mine._id, policyId: pol._id, policyTitle: '', category: 'startup_subsidy', amount: 5000, date: '2026-11-21', note: '' })
  await op('ledger', 'gaps', s('a-staff'), { kind: 'unbenefited' })
  await op('ledger', 'reveal', s('a-lead'), { id: mine._id, field: 'idCard' })
  await op('ledger', 'export', s('a-staff'), {}, '1 row')
  // indices: a community dashboard is one read beside caller resolution; upper levels grow with communities
  await op('indices', 'saveBaseline', s('a-staff'), { period: '2026', workingAge: 400, employed: 250 })
  await op('indices', 'dashboard', s('a-staff'), { period: '2026-M11' }, 'community (own)')
  await op('indices', 'dashboard', s('district'), { period: '2026-M11' }, 'district (2 communities)')
  await op('indices', 'rollup', s('district'), { period: '2026-M11', sortBy: 'activity' }, 'district → streets')
  await op('indices', 'trend', s('a-staff'), { period: '2026-M11', key: 'activity' })
  await op('indices', 'drilldown', s('a-staff'), { period: '2026', key: 'assistanceCoverage', side: 'den' }, '1 case')
  await op('indices', 'reconcile', s('admin'), { repair: false }, 'dry run, whole store')
  await op('intent', 'withdraw', r('r1'), { id: mine._id })
  await op('policy', 'archive', s('a-staff'), { id: pol._id })

  const notDriven: string[] = []
  let total = 0
  for (const [fn, actions] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(actions)) {
      total++
      if (!done.has(`${fn}.${action}`)) notDriven.push(`${fn}.${action}`)
    }
  }
  await raw.close()
  rmSync(dir, { recursive: true, force: true })
  return { rows, covered: total - notDriven.length, total, notDriven }
}
