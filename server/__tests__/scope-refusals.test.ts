import type { AuditEntry } from '../../cloudfunctions/_shared/domain/audit'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { where } from '../../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'

/**
 * Horizontal escalation: a 新华社区 worker asks for other communities' records by id. Each answers 404,
 * exactly like a missing record, so ids leak nothing; and each refusal lands in the audit log
 * exactly once, like a 403 does. A record that really is missing is a plain 404, not a refusal.
 */
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('e'.repeat(32)))
const ME = 'st_xinhua'

beforeAll(async () => {
  await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { forcePasswordChange: false, keyring })
  // A 金沙社区 resident's complaint (the demo data has none).
  const sent = await dispatch(
    FUNCTIONS.feedback,
    { action: 'submit', data: { kind: 'service_complaint', communityId: 'c-jinsha', text: '社区创业服务窗口周三下午无人值守，请安排人员。' } },
    { fn: 'feedback', store, identity: { residentId: 'h5_jinsha_resident' }, keyring },
  )
  if (!sent.body.ok) throw new Error(JSON.stringify(sent.body))
})
afterAll(() => store.close())

async function first<K extends keyof Collections & string>(name: K, pick: (doc: Collections[K]) => boolean): Promise<Collections[K]> {
  for await (const batch of store.collection(name).scan(undefined, 200)) {
    const hit = batch.find(pick)
    if (hit) return hit
  }
  throw new Error(`no ${name} record outside 新华社区 in the demo data`)
}

const call = (fn: string, action: string, data: unknown) =>
  dispatch(FUNCTIONS[fn], { action, data }, { fn, store, identity: { staffId: ME }, keyring })

async function refusalsOf(action: string): Promise<AuditEntry[]> {
  const page = await store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', ME), where.eq('action', action)), limit: 100 })
  return page.items
}

it("answers 404 for every other community's record, and audits each refusal exactly once", async () => {
  const intent = await first('cases', (d) => d.communityId !== 'c-xinhua')
  const feedback = await first('feedback', (d) => d.communityId === 'c-jinsha')
  const survey = await first('surveys', (d) => d.orgId === 'c-jinsha')
  const event = await first('events', (d) => d.orgId === 'c-jinsha')
  const cases: [string, string, unknown, string][] = [
    ['ledger', 'get', { id: intent._id }, intent._id],
    ['feedback', 'get', { id: feedback._id }, feedback._id],
    ['survey', 'results', { id: survey._id }, survey._id],
    ['event', 'attendees', { eventId: event._id }, event._id],
    ['indices', 'dashboard', { orgId: 'c-jinsha', period: '2026-M11' }, 'c-jinsha'],
  ]
  for (const [fn, action, data] of cases) {
    const { status, body } = await call(fn, action, data)
    expect({ call: `${fn}.${action}`, status, code: body.ok ? null : body.error.code }).toEqual({ call: `${fn}.${action}`, status: 404, code: 'NOT_FOUND' })
  }
  for (const [fn, action] of cases) {
    const audited = await refusalsOf(`${fn}.${action}`)
    expect({ call: `${fn}.${action}`, n: audited.filter((a) => a.result === 'denied' && a.code === 'NOT_FOUND').length }).toEqual({ call: `${fn}.${action}`, n: 1 })
  }
})

it('a record that does not exist is a plain 404, not a recorded refusal', async () => {
  const { status } = await call('feedback', 'get', { id: 'fb_no_such_item' })
  expect(status).toBe(404)
  const audited = await store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', ME), where.eq('target', 'fb_no_such_item')), limit: 10 })
  expect(audited.items.filter((a) => a.result === 'denied')).toHaveLength(0)
})

it("a lead asking for another community's team is refused with 404 and audited once", async () => {
  const lead = { staffId: 'st_xinhua-lead' }
  const { status } = await dispatch(FUNCTIONS.org, { action: 'staff', data: { orgId: 'c-jinsha' } }, { fn: 'org', store, identity: lead, keyring })
  expect(status).toBe(404)
  const page = await store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', 'st_xinhua-lead'), where.eq('action', 'org.staff')), limit: 10 })
  expect(page.items.map((a) => [a.result, a.code])).toEqual([['denied', 'NOT_FOUND']])
})
