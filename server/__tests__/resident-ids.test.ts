import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { Identity } from '../../cloudfunctions/_shared/runtime/caller'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'
import { eventDraft } from '../../cloudfunctions/event/actions/__tests__/fixtures'
import { fromTemplate } from '../../cloudfunctions/survey/actions/__tests__/fixtures'
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GAP_KINDS } from '../../cloudfunctions/_shared/contracts/intent'
import { INDEX_KEYS } from '../../cloudfunctions/_shared/domain/indices'

/**
 * On WeChat a resident's id is their OPENID. Staff read residents' cases, sign-ups, enrolments,
 * applications, requests, feedback and the audit log, and none of those answers may carry a
 * resident's raw id: a per-viewer pseudonym or nothing.
 */
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('p'.repeat(32)))
const NOW = new Date('2026-11-22T02:00:00Z')
const call = (identity: Identity, fn: string, action: string, data: unknown) =>
  dispatch(FUNCTIONS[fn], { action, data }, { fn, store, identity, keyring, now: () => NOW })
const ok = async (identity: Identity, fn: string, action: string, data: unknown) => {
  const { body } = await call(identity, fn, action, data)
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data
}

async function all<K extends keyof Collections & string>(name: K): Promise<Collections[K][]> {
  const out: Collections[K][] = []
  for await (const b of store.collection(name).scan(undefined, 500)) out.push(...b)
  return out
}

const exportsDir = mkdtempSync(join(tmpdir(), 'resident-ids-'))
/**
 * Every cell of the .xlsx a staff answer carries, as JSON strings: every export is a file behind a
 * download link (`url: /api/downloads/<name>?…`), never inline.
 */
async function workbookText(data: unknown): Promise<string> {
  if (!data || typeof data !== 'object') return ''
  expect('base64' in data).toBe(false)
  const url = 'url' in data && typeof data.url === 'string' ? data.url : ''
  const name = /^\/api\/downloads\/([^?]+)/.exec(url)?.[1]
  if (!name) return ''
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(join(exportsDir, 'exports', name))
  const cells: string[] = []
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(JSON.stringify(String(cell.text))))))
  exportsRead++
  return cells.join(',')
}
let exportsRead = 0

beforeAll(async () => {
  process.env.DATA_DIR = exportsDir
  await seedDemo(store, NOW, { forcePasswordChange: false, keyring })
  // A 新华社区 resident who does a bit of everything a staff member will then read about.
  const me: Identity = { residentId: 'wx_oPENIDlike_resident_0001' }
  await ok(me, 'profile', 'save', { communityId: 'c-xinhua', targetGroups: ['graduate'] })
  await ok(me, 'feedback', 'submit', { kind: 'suggestion', communityId: 'c-xinhua', text: '希望周末也能办理创业补贴申请。' })
  const sites = (await ok(me, 'service', 'sites', {})) as { items: { _id: string }[] }
  if (sites.items[0]) await call(me, 'service', 'applySite', { siteId: sites.items[0]._id, note: '想租一个小工位做电商' })
  await ok({ staffId: 'st_xinhua' }, 'event', 'save', eventDraft({ place: '新华社区党群服务中心' }))
  const events = (await all('events')).filter((e) => e.orgId === 'c-xinhua' && e.status === 'published')
  if (events[0]) await call(me, 'event', 'signup', { eventId: events[0]._id, name: '测试居民', phone: '13900000009', requestId: 'request-resident-ids-1' })
  // A 新华社区 course (the demo has only the city's) the resident enrols on.
  const cityCourse = (await all('courses')).find((c) => c.orgId === 'city' && c.status === 'published')
  const xinhua = await store.collection('orgs').get('c-xinhua')
  if (!cityCourse || !xinhua) throw new Error('demo data lacks a published city course or 新华社区')
  await store.collection('courses').insert({ ...cityCourse, _id: 'co_XinhuaRI', code: 'XinhuaRI', orgId: xinhua._id, orgPath: xinhua.path, orgName: xinhua.name, enrolledCount: 0 })
  await ok(me, 'training', 'enrol', { courseId: 'co_XinhuaRI', name: '测试居民', phone: '13900000009' })
  await call(me, 'profile', 'exportMine', {}) // leaves an audit record with the resident as actor
  // A site application and a mentor request on one of 新华社区's cases, as the resident's own
  // actions would have stored them.
  const intent = (await all('cases')).find((i) => i.communityId === 'c-xinhua')
  if (!intent) throw new Error('no 新华社区 case in the demo data')
  const at = NOW.toISOString()
  const base = { intentId: intent._id, residentId: intent.residentId, communityId: intent.communityId, communityPath: intent.communityPath, createdAt: at, updatedAt: at }
  await store.collection('siteApplications').insert({ ...base, _id: 'sap_test', siteId: 'site_x', siteName: '测试孵化器', name: '测试居民', note: '需要工位', status: 'pending', reply: '', handledByName: '' } as Collections['siteApplications'])
  await store.collection('mentorRequests').insert({ ...base, _id: 'mr_test', mentorId: 'm_x', mentorName: '导师', topic: '怎么申请贷款', preferredTime: '周三下午', status: 'open' })
})
afterAll(() => store.close())

it("no staff read answers with a resident's raw id", async () => {
  const residentIds = new Set<string>()
  for (const p of await all('profiles')) residentIds.add(p._id)
  for (const i of await all('cases')) residentIds.add(i.residentId)
  for (const s of await all('eventSignups')) residentIds.add(s.residentId)
  for (const a of await all('siteApplications')) residentIds.add(a.residentId)
  for (const f of await all('feedback')) residentIds.add(f.residentId)
  for (const e of await all('courseEnrolments')) residentIds.add(e.residentId)
  for (const r of await all('mentorRequests')) residentIds.add(r.residentId)
  residentIds.delete('')
  expect(residentIds.size).toBeGreaterThan(5)

  const staff: Identity = { staffId: 'st_xinhua' }
  const lead: Identity = { staffId: 'st_xinhua-lead' }
  const intents = (await all('cases')).filter((i) => i.communityId === 'c-xinhua')
  const events = (await all('events')).filter((e) => e.orgId === 'c-xinhua')
  const courses = (await all('courses')).filter((c) => c.orgPath.includes('c-xinhua'))
  const feedback = (await all('feedback')).filter((f) => f.communityId === 'c-xinhua')
  // A 新华社区 survey one resident has answered (its results and export are staff views).
  const draft = await ok(staff, 'survey', 'save', fromTemplate('service'))
  const sv = (await ok(staff, 'survey', 'publish', { id: (draft as { _id: string })._id })) as { _id: string; questions: unknown[] }
  await ok({ residentId: 'wx_oPENIDlike_resident_0001' }, 'survey', 'answer', { id: sv._id, levels: sv.questions.map(() => 4), comments: [] })
  const surveys = (await all('surveys')).filter((x) => x.orgPath.includes('c-xinhua'))
  const chain = ['city', 'd-east', 's-bcg', 'c-xinhua']
  const policies = (await all('policies')).filter((pl) => pl.status === 'published' && chain.includes(pl.orgId)).slice(0, 5)
  const street: Identity = { staffId: 'st_bingcaogang' }
  const city: Identity = { staffId: 'st_city' }
  const admin: Identity = { staffId: 'st_admin' }
  await ok(lead, 'evaluation', 'draft', { year: 2026 })
  const reads: [Identity, string, string, unknown][] = [
    [staff, 'ledger', 'list', {}],
    ...intents.slice(0, 20).map((i): [Identity, string, string, unknown] => [staff, 'ledger', 'get', { id: i._id }]),
    ...intents.slice(0, 5).map((i): [Identity, string, string, unknown] => [staff, 'service', 'mentorRequests', { intentId: i._id }]),
    [staff, 'service', 'mentorRequests', { intentId: (await store.collection('mentorRequests').get('mr_test'))?.intentId ?? '' }],
    ...events.map((e): [Identity, string, string, unknown] => [staff, 'event', 'attendees', { eventId: e._id }]),
    ...courses.map((c): [Identity, string, string, unknown] => [staff, 'training', 'enrolments', { courseId: c._id }]),
    [staff, 'service', 'siteApplications', {}],
    [staff, 'feedback', 'list', {}],
    ...feedback.map((f): [Identity, string, string, unknown] => [staff, 'feedback', 'get', { id: f._id }]),
    [lead, 'org', 'audit', {}],
    // Every other staff view of the same world: lists, gaps, indices, exports, evaluation, pushes.
    ...GAP_KINDS.map((kind): [Identity, string, string, unknown] => [staff, 'ledger', 'gaps', { kind }]),
    [staff, 'ledger', 'export', {}],
    [staff, 'event', 'list', { view: 'manage' }],
    [staff, 'event', 'list', { view: 'manage', when: 'past' }],
    ...events.map((e): [Identity, string, string, unknown] => [staff, 'event', 'export', { eventId: e._id }]),
    [staff, 'survey', 'list', {}],
    ...surveys.flatMap((sv): [Identity, string, string, unknown][] => [
      [staff, 'survey', 'get', { id: sv._id }],
      [staff, 'survey', 'results', { id: sv._id }],
      [staff, 'survey', 'export', { id: sv._id }],
    ]),
    [staff, 'training', 'list', { view: 'manage' }],
    [staff, 'project', 'list', { view: 'manage' }],
    [staff, 'policy', 'list', { view: 'manage' }],
    [staff, 'service', 'mentors', { view: 'manage' }],
    [staff, 'service', 'sites', { view: 'manage' }],
    [staff, 'service', 'stories', { view: 'manage' }],
    [staff, 'service', 'guides', { view: 'manage' }],
    [staff, 'feedback', 'stats', {}],
    [lead, 'org', 'staff', {}],
    [staff, 'share', 'counts', { kind: 'event', ids: events.map((e) => e._id).slice(0, 50).concat('ev_none') }],
    ...policies.map((pl): [Identity, string, string, unknown] => [lead, 'notify', 'pushStatus', { policyId: pl._id }]),
    ...INDEX_KEYS.flatMap((key): [Identity, string, string, unknown][] => [
      [staff, 'indices', 'drilldown', { orgId: 'c-xinhua', period: '2026-M11', key, side: 'num' }],
      [staff, 'indices', 'drilldown', { orgId: 'c-xinhua', period: '2026-M11', key, side: 'den' }],
    ]),
    [staff, 'indices', 'dashboard', { orgId: 'c-xinhua', period: '2026-M11' }],
    [street, 'indices', 'rollup', { orgId: 's-bcg', period: '2026-M11' }],
    [lead, 'evaluation', 'list', { year: 2026 }],
    [lead, 'evaluation', 'get', { id: 'c-xinhua:2026' }],
    [lead, 'evaluation', 'documents', { id: 'c-xinhua:2026' }],
    [city, 'evaluation', 'ranking', { year: 2026 }],
    [admin, 'org', 'audit', {}],
    [city, 'org', 'audit', {}],
  ]
  const leaks: string[] = []
  const seen: string[] = []
  const failed: string[] = []
  for (const [who, fn, action, data] of reads) {
    const { body } = await call(who, fn, action, data)
    // Some indices count things other than ledger cases and have no list behind them.
    const noList = fn === 'indices' && action === 'drilldown' && !body.ok && body.error.message.includes('不是台帐记录')
    if (!body.ok && !noList) failed.push(`${fn}.${action}: ${body.error.code} ${body.error.message}`)
    // An export answers with a download link: read the workbook it names, every cell.
    const text = JSON.stringify(body) + (body.ok ? await workbookText(body.data) : '')
    if (text.includes('测试居民') || text.includes('希望周末也能办理')) seen.push(`${fn}.${action}`)
    for (const id of residentIds) if (text.includes(JSON.stringify(id))) leaks.push(`${fn}.${action} → ${id}`)
  }
  expect(failed).toEqual([])
  // The views walked did carry the resident's records (a walk over empty lists proves nothing).
  expect(seen).toEqual(expect.arrayContaining(['training.enrolments', 'event.attendees', 'service.siteApplications', 'feedback.get', 'event.export']))
  expect(exportsRead).toBeGreaterThanOrEqual(4) // the ledger's, the evaluation documents, events' and the survey's
  expect([...new Set(leaks)]).toEqual([])
})
