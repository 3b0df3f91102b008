import type { AuditEntry } from '../../cloudfunctions/_shared/domain/audit'
import type { Identity } from '../../cloudfunctions/_shared/runtime/caller'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { where } from '../../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { eventDraft } from '../../cloudfunctions/event/actions/__tests__/fixtures'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'

/**
 * Every action that takes the id of a scoped record, asked by a staff member of another
 * community (or street) for a 金沙社区 record: 404 exactly like a missing record, and exactly one
 * audit entry ('denied', NOT_FOUND) per call. The list was made by grepping the actions for every
 * `notFound(` after a scope check; a new scoped action belongs here.
 */
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('t'.repeat(32)))
const NOW = new Date('2026-11-22T02:00:00Z')
const XINHUA: Identity = { staffId: 'st_xinhua' }
const XINHUA_LEAD: Identity = { staffId: 'st_xinhua-lead' }
const DADUKOU: Identity = { staffId: 'st_dadukou' } // a street reviewer of another street
const JINSHA_RESIDENT: Identity = { residentId: 'h5_jinsha_resident_t' }

const call = (who: Identity, fn: string, action: string, data: unknown) =>
  dispatch(FUNCTIONS[fn], { action, data }, { fn, store, identity: who, keyring, now: () => NOW })
async function ok<T>(who: Identity, fn: string, action: string, data: unknown): Promise<T> {
  const { body } = await call(who, fn, action, data)
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data as T
}
async function first<K extends keyof Collections & string>(name: K, pick: (doc: Collections[K]) => boolean): Promise<Collections[K]> {
  for await (const batch of store.collection(name).scan(undefined, 200)) {
    const hit = batch.find(pick)
    if (hit) return hit
  }
  throw new Error(`no matching ${name} record in the test world`)
}
/** The audit entries of `who` written while `run` ran. */
async function auditedDuring(who: Identity, run: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = new Set((await auditOf(who)).map((a) => a._id))
  await run()
  return (await auditOf(who)).filter((a) => !before.has(a._id))
}
async function auditOf(who: Identity): Promise<AuditEntry[]> {
  const actorId = 'staffId' in who ? who.staffId : ''
  const page = await store.collection('audit').find({ where: where.eq<AuditEntry>('actorId', actorId), limit: 1000 })
  return page.items
}

const ids = { feedback: '', signup: '', enrolment: '', xinhuaEvent: '', xinhuaCourse: '', jinshaCourse: '', application: 'c-jinsha:2026', siteApplication: 'sap_jinsha', mentorRequest: 'mr_jinsha' }

beforeAll(async () => {
  await seedDemo(store, NOW, { forcePasswordChange: false, keyring })
  await ok(JINSHA_RESIDENT, 'profile', 'save', { communityId: 'c-jinsha', targetGroups: ['graduate'] })
  ids.feedback = (await ok<{ _id: string }>(JINSHA_RESIDENT, 'feedback', 'submit', { kind: 'suggestion', communityId: 'c-jinsha', text: '希望周末也能办理创业补贴申请。' }))._id
  await ok(JINSHA_RESIDENT, 'event', 'signup', { eventId: 'ev_JinSha01', name: '金沙居民', phone: '13900000021', requestId: 'request-scope-table-1' })
  ids.signup = (await first('eventSignups', (s) => s.eventId === 'ev_JinSha01'))._id
  ids.xinhuaEvent = (await ok<{ _id: string }>(XINHUA, 'event', 'save', eventDraft({ place: '新华社区党群服务中心' })))._id
  await ok({ staffId: 'st_jinsha-lead' }, 'evaluation', 'draft', { year: 2026 })
  // Courses, an enrolment, a site application and a mentor request as their actions store them.
  const city = await first('courses', (c) => c.orgId === 'city')
  const jinsha = (await store.collection('orgs').get('c-jinsha'))!
  const xinhua = (await store.collection('orgs').get('c-xinhua'))!
  ids.jinshaCourse = 'co_JinshaT1'
  ids.xinhuaCourse = 'co_XinhuaT1'
  await store.collection('courses').insert({ ...city, _id: ids.jinshaCourse, code: 'JinshaT1', orgId: jinsha._id, orgPath: jinsha.path, orgName: jinsha.name })
  await store.collection('courses').insert({ ...city, _id: ids.xinhuaCourse, code: 'XinhuaT1', orgId: xinhua._id, orgPath: xinhua.path, orgName: xinhua.name })
  const at = NOW.toISOString()
  ids.enrolment = 'enr_jinsha_t'
  await store.collection('courseEnrolments').insert({ _id: ids.enrolment, courseId: ids.jinshaCourse, orgId: 'c-jinsha', residentId: 'h5_jinsha_resident_t', name: '金沙居民', phoneMasked: '139****0021', attended: [], checkedInBy: {}, status: 'enrolled', certificateNo: null, completedAt: null, intentId: null, createdAt: at, updatedAt: at })
  const intent = await first('cases', (i) => i.communityId !== 'c-xinhua')
  const base = { intentId: intent._id, residentId: intent.residentId, communityId: intent.communityId, communityPath: intent.communityPath, createdAt: at, updatedAt: at }
  await store.collection('siteApplications').insert({ ...base, _id: ids.siteApplication, siteId: 'site_x', siteName: '测试孵化器', name: '金沙居民', note: '需要工位', status: 'pending', reply: '', handledByName: '' })
  await store.collection('mentorRequests').insert({ ...base, _id: ids.mentorRequest, mentorId: 'm_x', mentorName: '导师', topic: '怎么申请贷款', preferredTime: '周三下午', status: 'open' })
})
afterAll(() => store.close())

it("every scoped action asked for another community's record answers 404 and is audited exactly once", async () => {
  const intent = await first('cases', (d) => d.communityId !== 'c-xinhua')
  const survey = await first('surveys', (d) => d.orgId === 'c-jinsha')
  const story = await first('stories', (d) => d.orgId === 'c-jinsha')
  const draftPolicy = { ...(await first('policies', (d) => d.status === 'published')), _id: 'pol_jinsha_draft', orgId: 'c-jinsha', orgPath: ['city', 'd-east', 's-bcg', 'c-jinsha'], orgName: '金沙社区', status: 'draft' as const, publishedAt: '' }
  await store.collection('policies').insert(draftPolicy)
  const project = await first('projects', (d) => !['city', 'd-east', 's-bcg', 'c-xinhua'].includes(d.orgId))
  await store.collection('projects').update(project._id, { set: { status: 'archived' } })
  const publishedElsewhere = await first('policies', (d) => d.status === 'published' && d.orgId === 'd-west')
  const cases: [Identity, string, string, unknown][] = [
    // 台帐 (cases)
    [XINHUA, 'ledger', 'get', { id: intent._id }],
    [XINHUA, 'ledger', 'accept', { id: intent._id }],
    [XINHUA, 'ledger', 'reveal', { id: intent._id, field: 'phone' }],
    [XINHUA, 'ledger', 'setStage', { id: intent._id, stage: 'trained', version: intent.version, note: '跨社区试探' }],
    [XINHUA, 'ledger', 'list', { communityId: 'c-jinsha' }],
    [XINHUA, 'service', 'assignMentor', { intentId: intent._id, mentorId: null }],
    [XINHUA, 'service', 'mentorRequests', { intentId: intent._id }],
    [XINHUA, 'service', 'closeMentorRequest', { id: ids.mentorRequest, status: 'closed' }],
    [XINHUA, 'service', 'placeSite', { id: ids.siteApplication, reply: '已安排' }],
    [XINHUA, 'service', 'declineSite', { id: ids.siteApplication, reply: '暂无空位' }],
    [XINHUA, 'service', 'saveStory', { id: story._id, version: story.version, title: story.title, person: story.person, business: story.business, summary: story.summary, body: story.body, policyIds: [], helpUsed: [], consentHow: '本人书面同意书', consentDate: '2026-11-01' }],
    // 反馈
    [XINHUA, 'feedback', 'get', { id: ids.feedback }],
    [XINHUA, 'feedback', 'reply', { id: ids.feedback, text: '收到' }],
    [XINHUA, 'feedback', 'assign', { id: ids.feedback, staffId: 'st_xinhua' }],
    [XINHUA, 'feedback', 'close', { id: ids.feedback, outcome: 'resolved', text: '已处理' }],
    [DADUKOU, 'feedback', 'stats', { orgId: 'c-jinsha' }],
    // 问卷
    [XINHUA, 'survey', 'get', { id: survey._id }],
    [XINHUA, 'survey', 'results', { id: survey._id }],
    [XINHUA, 'survey', 'close', { id: survey._id }],
    [XINHUA, 'survey', 'export', { id: survey._id }],
    // 活动
    [XINHUA, 'event', 'attendees', { eventId: 'ev_JinSha01' }],
    [XINHUA, 'event', 'export', { eventId: 'ev_JinSha01' }],
    [XINHUA, 'event', 'code', { id: 'ev_JinSha01', purpose: 'checkin' }],
    [XINHUA, 'event', 'checkin', { mode: 'manual', eventId: 'ev_JinSha01', signupId: ids.signup }],
    // Another event's sign-up, reached through one's own event.
    [XINHUA, 'event', 'checkin', { mode: 'manual', eventId: ids.xinhuaEvent, signupId: ids.signup }],
    // 培训
    [XINHUA, 'training', 'get', { id: ids.jinshaCourse }],
    [XINHUA, 'training', 'enrolments', { courseId: ids.jinshaCourse }],
    [XINHUA, 'training', 'code', { id: ids.jinshaCourse, session: 0 }],
    [XINHUA, 'training', 'checkin', { mode: 'manual', courseId: ids.xinhuaCourse, enrolmentId: ids.enrolment, session: 0 }],
    // 政策、项目
    [XINHUA_LEAD, 'policy', 'get', { id: draftPolicy._id }],
    [XINHUA_LEAD, 'policy', 'get', { id: publishedElsewhere._id }],
    [XINHUA_LEAD, 'policy', 'publish', { id: draftPolicy._id }],
    [XINHUA_LEAD, 'policy', 'archive', { id: draftPolicy._id }],
    [XINHUA_LEAD, 'notify', 'push', { policyId: publishedElsewhere._id, communityIds: ['c-xinhua'] }],
    [XINHUA, 'project', 'get', { id: project._id }],
    [XINHUA, 'project', 'archive', { id: project._id }],
    // 组织、指数
    [XINHUA_LEAD, 'org', 'staff', { orgId: 'c-jinsha' }],
    [XINHUA, 'indices', 'dashboard', { orgId: 'c-jinsha', period: '2026-M11' }],
    [DADUKOU, 'indices', 'dashboard', { orgId: 'c-jinsha', period: '2026-M11' }],
    // 评估
    [DADUKOU, 'evaluation', 'get', { id: ids.application }],
    [DADUKOU, 'evaluation', 'documents', { id: ids.application }],
  ]
  const wrong: unknown[] = []
  for (const [who, fn, action, data] of cases) {
    let answer: Awaited<ReturnType<typeof call>> | undefined
    const after = await auditedDuring(who, async () => (answer = await call(who, fn, action, data)))
    if (!answer) throw new Error('no answer')
    const { status, body } = answer
    const got = {
      call: `${fn}.${action} ${JSON.stringify(data).slice(0, 60)}`,
      status,
      code: body.ok ? null : body.error.code,
      audited: after.map((a) => `${a.action}:${a.result}:${a.code ?? ''}`),
    }
    const want = { ...got, status: 404, code: 'NOT_FOUND', audited: [`${fn}.${action}:denied:NOT_FOUND`] }
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ got, message: body.ok ? '' : `${body.error.message} ${JSON.stringify(body.error.fields ?? [])}` })
  }
  expect(wrong).toEqual([])
})

it('a missing id is a plain 404 for the same actions, with no recorded refusal', async () => {
  const cases: [Identity, string, string, unknown][] = [
    [XINHUA, 'training', 'get', { id: 'co_NoSuch' }],
    [XINHUA, 'project', 'get', { id: 'prj_no_such' }],
    [XINHUA_LEAD, 'policy', 'get', { id: 'pol_no_such' }],
    [XINHUA, 'event', 'checkin', { mode: 'manual', eventId: ids.xinhuaEvent, signupId: 'sgn_no_such' }],
    [XINHUA, 'training', 'checkin', { mode: 'manual', courseId: ids.xinhuaCourse, enrolmentId: 'enr_no_such', session: 0 }],
  ]
  for (const [who, fn, action, data] of cases) {
    let status = 0
    const denied = (await auditedDuring(who, async () => ({ status } = await call(who, fn, action, data)))).filter((a) => a.result === 'denied')
    expect({ call: `${fn}.${action}`, status, denied: denied.map((a) => `${a.action}:${a.code ?? ''}:${a.target ?? ''}`) }).toEqual({ call: `${fn}.${action}`, status: 404, denied: [] })
  }
})
