/**
 * The evaluation year run by the city from the app: deadlines in order and never on a closed
 * year, extensions for one community or all, reopening, 催办 to those behind (inbox and subscribe
 * message), 命名/授牌 and its revocation; every refusal says what blocks and who can lift it.
 */
import type { ApplicationView, DeadlinesOutput, ExtendOutput, ListOutput, RemindBehindOutput } from '../../../_shared/contracts/evaluation'
import type { InboxOutput } from '../../../_shared/contracts/notify'
import type { SubscribeMessage } from '../../../_shared/notifier/port'
import type { PhotoFiles } from '../../../_shared/files/photo-files'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { inboxActions } from '../../../notify/actions'
import { makeEvaluationActions } from '..'

const STAFF = testStaff('a-lead', 'b-lead', 'reviewer', 'district', 'city')
const A = 'comm-a:2026'
const FORM = { contactName: '张主任', contactPhone: '0812-7654321', overview: '甲社区 2300 户' }
/** A PNG's first bytes: what the photo check wants to see. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])

async function setup() {
  const h = await makeHarness(STAFF)
  await h.store.collection('staff').update('b-lead', { set: { openid: 'wx-b-lead' } })
  const pushed: SubscribeMessage[] = []
  const photos: PhotoFiles = {
    inspect: async (ref) => (ref === 'cert-ok.png' ? { size: 2048, head: PNG } : null),
    link: async (ref) => ({ url: `/x/${ref}`, expiresAt: '2026-12-31T00:00:00.000Z' }),
  }
  const ev = makeEvaluationActions(
    () => {
      throw new Error('no documents here')
    },
    { photos: () => photos, push: () => ({ notifier: { send: async (m) => (pushed.push(m), { ok: true }) }, templateId: 'tpl-remind' }) },
  )
  const ok = <T = ApplicationView>(who: string, action: string, data: unknown) => h.ok<T>(ev, staffId(who), action, data)
  const call = (who: string, action: string, data: unknown) => h.call(ev, staffId(who), action, data)
  const fields = (r: Awaited<ReturnType<typeof call>>) => (r.body.ok ? [] : (r.body.error.fields ?? []).map((f) => f.path))
  const message = (r: Awaited<ReturnType<typeof call>>) => (r.body.ok ? '' : r.body.error.message)
  /** Community A's application, drafted in September and certified by the district. */
  async function certifiedA() {
    h.setNow('2026-09-10T02:00:00.000Z')
    const d = await ok('a-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    const s = await ok('a-lead', 'submit', { id: A, version: d.version })
    h.setNow('2026-10-10T02:00:00.000Z')
    const p = await ok('reviewer', 'review', { id: A, version: s.version, decision: 'pass', opinion: '材料齐全，同意上报' })
    h.setNow('2026-11-10T02:00:00.000Z')
    return ok('district', 'certify', { id: A, version: p.version, decision: 'certify', opinion: '认定为创业型社区' })
  }
  return { h, ok, call, fields, message, pushed, certifiedA }
}

describe('evaluation year: deadlines', () => {
  it('names the field of a deadline before the previous step’s, and refuses a closed year', async () => {
    const { h, call, ok, fields } = await setup()
    h.setNow('2026-08-01T02:00:00.000Z')
    const bad = await call('city', 'deadlines', { year: 2026, set: { apply: '2026-10-15', review: '2026-10-01', certify: '2026-09-30', spotCheck: '2026-12-31' } })
    expect(bad.status).toBe(400)
    expect(fields(bad)).toEqual(['set.review', 'set.certify'])
    const closed = await call('city', 'deadlines', { year: 2025, set: { apply: '2025-09-30', review: '2025-10-31', certify: '2025-11-30', spotCheck: '2025-12-31' } })
    expect(closed.status).toBe(400)
    expect(fields(closed)).toEqual(['year'])
    expect(await h.store.collection('evaluationDeadlines').find({ limit: 5 })).toMatchObject({ items: [] })
    expect(await ok<DeadlinesOutput>('city', 'deadlines', { year: 2026 })).toMatchObject({ apply: '2026-09-30', review: '2026-10-31', certify: '2026-11-30', spotCheck: '2026-12-31', custom: false })
  })
})

describe('evaluation year: extensions', () => {
  it('after the deadline the community is told who can lift it; the city extends for that community only, and it submits', async () => {
    const { h, ok, call, message, fields } = await setup()
    h.setNow('2026-09-10T02:00:00.000Z')
    const a = await ok('a-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    h.setNow('2026-12-04T02:00:00.000Z')
    const late = await call('a-lead', 'submit', { id: A, version: a.version })
    expect(late.status).toBe(409)
    expect(message(late)).toBe('申报截止日（2026-09-30）已过，请联系市创建办延期')

    // Refusals of the extension name their field.
    expect(fields(await call('city', 'extend', { year: 2026, step: 'apply', until: '2026-12-01', communityId: 'comm-a', reason: '社区换届' }))).toEqual(['until'])
    expect(fields(await call('city', 'extend', { year: 2025, step: 'apply', until: '2026-12-20', reason: '补报' }))).toEqual(['year'])
    expect(fields(await call('city', 'extend', { year: 2026, step: 'apply', until: '2026-12-10', communityId: 'comm-x', reason: '补报' }))).toEqual(['communityId'])

    const ext = await ok<ExtendOutput>('city', 'extend', { year: 2026, step: 'apply', until: '2026-12-10', communityId: 'comm-a', reason: '社区换届，材料晚交' })
    // Later steps that would end first move with it.
    expect(ext).toMatchObject({ communityId: 'comm-a', deadlines: { apply: '2026-12-10', review: '2026-12-10', certify: '2026-12-10', spotCheck: '2026-12-31' }, moved: ['review', 'certify'] })
    // Only A: B's deadline is still the year's.
    expect((await ok<DeadlinesOutput>('city', 'deadlines', { year: 2026 })).apply).toBe('2026-09-30')
    // Each community's list shows its own date.
    expect((await ok<ListOutput>('a-lead', 'list', { year: 2026 })).deadlines.apply).toBe('2026-12-10')
    expect((await ok<ListOutput>('b-lead', 'list', { year: 2026 })).deadlines.apply).toBe('2026-09-30')
    const submitted = await ok('a-lead', 'submit', { id: A, version: a.version })
    expect(submitted.status).toBe('submitted')
    expect(submitted.deadlines.apply).toBe('2026-12-10')
    expect(submitted.extended).toEqual(['apply', 'review', 'certify'])
    expect(submitted.history.at(-1)).toMatchObject({ step: 'submit', late: false })
    const bDraft = await ok('b-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    expect((await call('b-lead', 'submit', { id: 'comm-b:2026', version: bDraft.version })).status).toBe(409)
  })

  it('extends a step for all communities (the year’s dates move), and only the city may', async () => {
    const { h, ok, call } = await setup()
    h.setNow('2026-10-05T02:00:00.000Z')
    for (const who of ['a-lead', 'reviewer', 'district']) {
      const r = await call(who, 'extend', { year: 2026, step: 'apply', until: '2026-10-20', reason: '统一延期' })
      expect(r.status).toBe(403)
      expect(r.body.ok ? '' : r.body.error.message).toContain('市创建办')
    }
    const all = await ok<ExtendOutput>('city', 'extend', { year: 2026, step: 'apply', until: '2026-10-20', reason: '统一延期' })
    expect(all).toMatchObject({ communityId: null, deadlines: { apply: '2026-10-20', review: '2026-10-31' }, moved: [] })
    expect((await ok<DeadlinesOutput>('b-lead', 'deadlines', { year: 2026 })).apply).toBe('2026-10-20')
    const b = await ok('b-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    expect((await ok('b-lead', 'submit', { id: 'comm-b:2026', version: b.version })).status).toBe('submitted')
  })
})

describe('evaluation year: reopen, award, revoke', () => {
  it('says which step blocks and who can lift it when a step comes out of order', async () => {
    const { h, ok, call, message } = await setup()
    h.setNow('2026-09-10T02:00:00.000Z')
    const d = await ok('a-lead', 'draft', { year: 2026, form: FORM })
    const r = await call('district', 'certify', { id: A, version: d.version, decision: 'certify', opinion: '同意认定' })
    expect(r.status).toBe(409)
    expect(message(r)).toBe('不能区县认定：社区负责人还没有提交申报')
    expect(message(await call('city', 'award', { id: A, date: '2026-09-10', documentNo: '攀创办〔2026〕12 号' }))).toBe('还不能命名授牌：社区负责人还没有提交申报')
  })

  it('reopens a rejected application to its community, which resubmits', async () => {
    const { h, ok, call, message } = await setup()
    h.setNow('2026-09-10T02:00:00.000Z')
    const d = await ok('a-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    const s = await ok('a-lead', 'submit', { id: A, version: d.version })
    const p = await ok('reviewer', 'review', { id: A, version: s.version, decision: 'pass', opinion: '同意上报' })
    const rej = await ok('district', 'certify', { id: A, version: p.version, decision: 'reject', opinion: '台帐不全' })
    expect(message(await call('a-lead', 'submit', { id: A, version: rej.version }))).toContain('市创建办重新打开')
    expect((await call('district', 'reopen', { id: A, reason: '补齐台帐' })).status).toBe(403)
    const reopened = await ok('city', 'reopen', { id: A, reason: '补齐台帐后重新申报' })
    expect(reopened.status).toBe('returned')
    expect(reopened.history.at(-1)).toMatchObject({ step: 'reopen', byRole: 'city_officer', note: '补齐台帐后重新申报' })
    expect(message(await call('city', 'reopen', { id: A, reason: '再开一次' }))).toContain('不需要重新打开')
    expect((await ok('a-lead', 'submit', { id: A, version: reopened.version })).status).toBe('submitted')
  })

  it('records the 命名/授牌 with its certificate and a later revocation; both checked', async () => {
    const { h, ok, call, fields, message, certifiedA } = await setup()
    const cert = await certifiedA()
    h.setNow('2026-11-28T02:00:00.000Z')
    expect(fields(await call('city', 'award', { id: A, date: '2026-11-29', documentNo: '攀创办〔2026〕12 号' }))).toEqual(['date'])
    expect(fields(await call('city', 'award', { id: A, date: '2026-11-28', documentNo: '攀创办〔2026〕12 号', certificate: 'missing.png' }))).toEqual(['certificate'])
    expect(fields(await call('city', 'award', { id: A, date: '2026-11-28' }))).toEqual(['documentNo'])
    expect((await call('district', 'award', { id: A, date: '2026-11-28', documentNo: '攀创办〔2026〕12 号' })).status).toBe(403)
    // No certificate yet: nothing to view.
    const none = await call('district', 'certificate', { id: A })
    expect([none.status, message(none)]).toEqual([404, '这次命名授牌没有附证书扫描件'])
    const awarded = await ok('city', 'award', { id: A, date: '2026-11-28', documentNo: '攀创办〔2026〕12 号', certificate: 'cert-ok.png' })
    // The award card's 查看证书: a temporary link for anyone who may read the application, none outside its scope.
    for (const who of ['city', 'district', 'reviewer', 'a-lead']) expect(await ok(who, 'certificate', { id: A })).toEqual({ url: '/x/cert-ok.png', expiresAt: '2026-12-31T00:00:00.000Z' })
    expect((await call('b-lead', 'certificate', { id: A })).status).toBe(404)
    expect(fields(await call('city', 'certificate', { id: 'not an id' }))).toEqual(['id'])
    expect(awarded.status).toBe(cert.status)
    expect(awarded.award).toMatchObject({ date: '2026-11-28', documentNo: '攀创办〔2026〕12 号', certificate: 'cert-ok.png' })
    expect(message(await call('city', 'award', { id: A, date: '2026-11-28', documentNo: '另一个文号' }))).toContain('已于 2026-11-28 命名授牌')
    expect(message(await call('city', 'reopen', { id: A, reason: '复查' }))).toContain('请先撤销命名')

    h.setNow('2027-03-01T02:00:00.000Z')
    expect(fields(await call('city', 'revoke', { id: A, date: '2026-11-01', documentNo: '攀创办〔2027〕3 号', reason: '复查不达标' }))).toEqual(['date'])
    const revoked = await ok('city', 'revoke', { id: A, date: '2027-03-01', documentNo: '攀创办〔2027〕3 号', reason: '动态复查：帮扶台帐长期未更新' })
    expect(revoked.revocation).toMatchObject({ date: '2027-03-01', documentNo: '攀创办〔2027〕3 号' })
    expect(revoked.history.map((x) => x.step).slice(-2)).toEqual(['award', 'revoke'])
    // The revoked title's certificate stays on record.
    expect((await ok<{ url: string }>('city', 'certificate', { id: A })).url).toBe('/x/cert-ok.png')
    expect(message(await call('city', 'revoke', { id: A, date: '2027-03-01', documentNo: 'x 号', reason: '再撤一次' }))).toContain('已于 2027-03-01 撤销')
  })
})

describe('evaluation year: 催办', () => {
  it('reminds everyone behind on the earliest step with work pending, in the inbox and by subscribe message, once a day', async () => {
    const { h, ok, call, pushed } = await setup()
    h.setNow('2026-09-25T02:00:00.000Z')
    const a = await ok('a-lead', 'draft', { year: 2026, form: FORM, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    await ok('a-lead', 'submit', { id: A, version: a.version })
    expect((await call('reviewer', 'remindBehind', { year: 2026 })).status).toBe(403)
    const out = await ok<RemindBehindOutput>('city', 'remindBehind', { year: 2026 })
    expect(out).toMatchObject({ step: 'apply', behind: [{ communityId: 'comm-b', status: 'none' }], sent: 1, pushed: 1 })
    expect(pushed).toEqual([expect.objectContaining({ toUser: 'wx-b-lead', templateId: 'tpl-remind', page: 'staff/pages/evaluation/index' })])
    const inbox = await h.ok<InboxOutput>(inboxActions, staffId('b-lead'), 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ kind: 'evaluation', title: '市创建办催办：社区申报将于 2026-09-30 截止' })
    expect((await h.ok<InboxOutput>(inboxActions, staffId('a-lead'), 'inbox', {})).items).toEqual([])
    expect((await ok<RemindBehindOutput>('city', 'remindBehind', { year: 2026 })).sent).toBe(0)
    // The street's step: the reviewer of A's street is behind.
    const review = await ok<RemindBehindOutput>('city', 'remindBehind', { year: 2026, step: 'review' })
    expect(review).toMatchObject({ step: 'review', behind: [{ communityId: 'comm-a', status: 'submitted' }], sent: 1, pushed: 1 })
  })
})
