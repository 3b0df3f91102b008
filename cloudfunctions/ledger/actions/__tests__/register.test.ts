import type { CaseView, ClaimChannelOutput, ClaimStartOutput, LedgerListOutput, LedgerRegisterInput, MineOutput, MyCase } from '../../../_shared/contracts/intent'
import type { DashboardOutput } from '../../../_shared/contracts/indices'
import { type ClaimCodeMessage, logClaimCodes, subscribeClaimCodes } from '../../../_shared/notifier/claim-code'
import type { Reply } from '../../../_shared/runtime/errors'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { indicesActions } from '../../../indices/actions'
import { intentActions, makeIntentActions } from '../../../intent/actions'
import { ID_A, ID_B, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '..'

const STAFF = testStaff('a-staff', 'a-lead', 'b-staff', 'reviewer', 'district')

const noFiles = () => {
  throw new Error('no export in these tests')
}

/** What a worker types in for a walk-in resident: the resident form's answers and the consent. */
function onBehalf(over: Partial<LedgerRegisterInput> = {}): LedgerRegisterInput {
  const { consent: _c, consentVersion: _v, communityId: _id, ...answers } = registration()
  return { ...answers, idCard: ID_A, consent: { method: 'paper', at: '2026-11-21', note: '同意书存社区档案柜 2026-017 号' }, ...over } as LedgerRegisterInput
}

async function setup() {
  const h = await makeHarness(STAFF)
  const sent: ClaimCodeMessage[] = []
  const intent = makeIntentActions({ claimCodes: () => ({ templateId: null, send: async (m) => (sent.push(m), { ok: true }) }) })
  const ledger = makeLedgerActions(noFiles)
  const lastCode = () => sent.at(-1)?.code ?? ''
  const dash = async (org: string, period: string) => (await h.ok<DashboardOutput>(indicesActions, staffId(org === 'comm-a' ? 'a-staff' : 'district'), 'dashboard', { orgId: org, period })).indices
  const counters = async () => (await h.store.collection('counters').find({ limit: 500 })).items.sort((a, b) => a._id.localeCompare(b._id))
  const intents = async () => (await h.store.collection('cases').find({ limit: 100 })).items
  return { h, intent, ledger, sent, lastCode, dash, counters, intents }
}

describe('ledger.register (代登记)', () => {
  it('refuses a community outside the worker’s scope by name (403), writing nothing', async () => {
    const { h, ledger, intents } = await setup()
    const r = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ communityId: 'comm-b' }))
    expect(r.status).toBe(403)
    expect(r.body.ok ? '' : r.body.error.message).toBe('乙社区不在你负责的范围内，不能为那里的居民登记')
    expect(await intents()).toEqual([])
  })

  it('counts a case registered by a worker exactly like the same case registered by the resident', async () => {
    // Two fresh worlds, the same person: once by the resident in the app, once by a worker.
    const self = await setup()
    await self.h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
    const worker = await setup()
    const made = await worker.h.ok<CaseView>(worker.ledger, staffId('a-staff'), 'register', onBehalf())
    expect(made.registeredBy).toMatchObject({ consent: { method: 'paper', at: '2026-11-21' } })
    expect(made.claimed).toBe(false)
    expect(made.status).toBe('pending')

    const strip = (cs: Awaited<ReturnType<typeof self.counters>>) => cs.filter((c) => c.orgId === 'comm-a')
    expect(strip(await worker.counters())).toEqual(strip(await self.counters()))
    for (const [org, period] of [['comm-a', '2026'], ['comm-a', '2026-M11'], ['dist', '2026']]) {
      expect(await worker.dash(org, period)).toEqual(await self.dash(org, period))
    }
    // And it shows in the ledger, marked as registered on the resident's behalf.
    const rows = await worker.h.ok<LedgerListOutput>(worker.ledger, staffId('a-staff'), 'list', {})
    expect(rows.items.map((r) => [r.name, r.onBehalf, r.claimed])).toEqual([['张小梅', true, false]])
  })

  it('requires the consent (method, date, note) and names each missing field; nothing is written', async () => {
    const { h, ledger, intents, counters } = await setup()
    const { consent: _c, ...noConsent } = onBehalf()
    const missing = await h.call(ledger, staffId('a-staff'), 'register', noConsent)
    expect(missing.status).toBe(400)
    expect(!missing.body.ok && missing.body.error.fields?.map((f) => f.path)).toContain('consent')
    const bad = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ consent: { method: 'told-me' as 'paper', at: '2026-13-01', note: '' } }))
    expect(bad.status).toBe(400)
    expect(!bad.body.ok && bad.body.error.fields?.map((f) => f.path).sort()).toEqual(['consent.at', 'consent.method', 'consent.note'])
    const future = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ consent: { method: 'verbal-witnessed', at: '2026-11-23', note: '见证人 王主任' } }))
    expect(future.status).toBe(400)
    expect(!future.body.ok && future.body.error.fields).toEqual([{ path: 'consent.at', message: '同意日期不能晚于今天' }])
    // The same funding rule as the resident's own form: needing funding names the gap.
    const noGap = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ needs: ['funding'], fundingAmount: null }))
    expect(noGap.status).toBe(400)
    expect(!noGap.body.ok && noGap.body.error.fields).toEqual([{ path: 'fundingAmount', message: '需要资金时请填写大概的资金缺口' }])
    expect(await intents()).toEqual([])
    expect((await counters()).some((c) => Number(c.registered ?? 0) !== 0)).toBe(false)
  })

  it('refuses the same ID number or the same phone in the community with a pointer to the existing case, writing nothing', async () => {
    const { h, ledger, intents, counters } = await setup()
    const own = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
    const before = await counters()

    const sameId = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ phone: '13900000000' }))
    expect(sameId.status).toBe(409)
    expect(!sameId.body.ok && sameId.body.error.fields).toEqual([expect.objectContaining({ path: 'idCard', ref: own._id })])

    const samePhone = await h.call(ledger, staffId('a-staff'), 'register', onBehalf({ idCard: ID_B }))
    expect(samePhone.status).toBe(409)
    expect(!samePhone.body.ok && samePhone.body.error.fields).toEqual([expect.objectContaining({ path: 'phone', ref: own._id })])

    // Two workers registering the same walk-in: the second is pointed at the first's case.
    const first = await h.ok<CaseView>(ledger, staffId('a-staff'), 'register', onBehalf({ idCard: ID_B, phone: '13900000001', name: '李大山' }))
    const again = await h.call(ledger, staffId('a-lead'), 'register', onBehalf({ idCard: ID_B, phone: '13900000002', name: '李大山' }))
    expect(again.status).toBe(409)
    expect(!again.body.ok && again.body.error.fields?.[0]?.ref).toBe(first._id)
    expect((await intents()).map((i) => i._id).sort()).toEqual([own._id, first._id].sort())
    const registered = async () => (await h.store.collection('counters').get('comm-a:2026'))?.registered
    expect(before.find((c) => c._id === 'comm-a:2026')?.registered).toBe(1)
    expect(await registered()).toBe(2)

    // Another community is another ledger: the same person may be registered there.
    expect((await h.call(ledger, staffId('b-staff'), 'register', { ...onBehalf(), communityId: 'comm-b' })).status).toBe(200)
  })

  it('refuses a community outside the worker’s scope (403) and roles that do not keep the ledger', async () => {
    const { h, ledger, intents } = await setup()
    const outside = await h.call(ledger, staffId('a-staff'), 'register', { ...onBehalf(), communityId: 'comm-b' })
    expect(outside.status).toBe(403)
    expect((await h.call(ledger, staffId('reviewer'), 'register', { ...onBehalf(), communityId: 'comm-a' })).status).toBe(403)
    expect((await h.call(ledger, staffId('district'), 'register', { ...onBehalf(), communityId: 'comm-a' })).status).toBe(403)
    expect((await h.call(ledger, resident('r1'), 'register', onBehalf())).status).toBe(403)
    expect(await intents()).toEqual([])
  })
})

describe('intent.claimStart / claimConfirm', () => {
  async function registered() {
    const s = await setup()
    const made = await s.h.ok<CaseView>(s.ledger, staffId('a-staff'), 'register', onBehalf())
    return { ...s, made }
  }

  it('links the case to the resident who confirms the phone with the code, without a second case and without moving a counter', async () => {
    const { h, intent, sent, lastCode, made, counters, intents } = await registered()
    const before = await counters()
    const started = await h.ok<ClaimStartOutput>(intent, resident('r9'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })
    expect(started.phoneMasked).toBe('138****5678')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ toUser: 'r9', phoneMasked: '138****5678', communityName: '甲社区' })
    expect(sent[0].code).toMatch(/^\d{6}$/)
    // The code is stored only as a MAC.
    expect(JSON.stringify((await h.store.collection('claimCodes').find({ limit: 5 })).items)).not.toContain(sent[0].code)

    const mine = await h.ok<MyCase>(intent, resident('r9'), 'claimConfirm', { communityId: 'comm-a', phone: '13812345678', code: lastCode() })
    expect(mine._id).toBe(made._id)
    expect((await h.ok<MineOutput>(intent, resident('r9'), 'mine', {})).current?._id).toBe(made._id)
    expect(await intents()).toHaveLength(1)
    expect(await counters()).toEqual(before)
    // The ledger shows it claimed; the resident now owns it (and cannot register a second one).
    const view = await h.ok<CaseView>(makeLedgerActions(noFiles), staffId('a-staff'), 'get', { id: made._id })
    expect(view.claimed).toBe(true)
    expect((await h.call(intentActions, resident('r9'), 'submit', registration({ idCard: ID_B, phone: '13700000000' }))).status).toBe(409)
    // The code is spent: it cannot link the case a second time, nor for someone else.
    expect((await h.call(intent, resident('r9'), 'claimConfirm', { communityId: 'comm-a', phone: '13812345678', code: sent[0].code })).status).toBe(400)
  })

  it('answers the same for a phone on no case, sends nothing, and limits requests to one a minute', async () => {
    const { h, intent, sent } = await registered()
    const none = await h.ok<ClaimStartOutput>(intent, resident('r8'), 'claimStart', { communityId: 'comm-a', phone: '13911112222' })
    expect(none.phoneMasked).toBe('139****2222')
    expect(sent).toHaveLength(0)
    const soon = await h.call(intent, resident('r8'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })
    expect(soon.status).toBe(429)
    expect(sent).toHaveLength(0)
    h.setNow('2026-11-22T02:01:01.000Z')
    expect((await h.call(intent, resident('r8'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })).status).toBe(200)
    expect(sent).toHaveLength(1)
    // The phone of another community's case finds nothing here.
    expect((await h.call(intent, resident('r7'), 'claimStart', { communityId: 'comm-b', phone: '13812345678' })).status).toBe(200)
    expect(sent).toHaveLength(1)
  })

  it('refuses a wrong code (void after five), an expired code, another phone, and a resident who already has a case there', async () => {
    const { h, intent, sent, lastCode, made, intents } = await registered()
    await h.ok(intent, resident('r9'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })
    const wrong = lastCode() === '000000' ? '111111' : '000000'
    const confirm = (who: string, over = {}) => h.call<MyCase>(intent, resident(who), 'claimConfirm', { communityId: 'comm-a', phone: '13812345678', code: lastCode(), ...over })
    const bad = await confirm('r9', { code: wrong })
    expect(bad.status).toBe(400)
    expect(!bad.body.ok && bad.body.error.fields?.[0]?.path).toBe('code')
    // Someone else cannot use the code sent to r9.
    expect((await confirm('r7')).status).toBe(400)
    expect((await confirm('r9', { phone: '13900000000' })).status).toBe(400)
    for (let i = 0; i < 4; i++) await confirm('r9', { code: wrong })
    // Five wrong codes: the right one no longer works either.
    expect((await confirm('r9')).status).toBe(400)
    expect((await intents())[0].residentId).toBe('')

    // Expired.
    h.setNow('2026-11-22T02:05:00.000Z')
    await h.ok(intent, resident('r9'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })
    h.setNow('2026-11-22T02:16:00.000Z')
    expect((await confirm('r9')).status).toBe(400)

    // A resident with their own registration in the community is pointed at it.
    const own = await h.ok<MyCase>(intentActions, resident('r5'), 'submit', registration({ idCard: ID_B, phone: '13600000000' }))
    await h.ok(intent, resident('r5'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })
    const dup = await h.call(intent, resident('r5'), 'claimConfirm', { communityId: 'comm-a', phone: '13812345678', code: sent.at(-1)?.code })
    expect(dup.status).toBe(409)
    expect(!dup.body.ok && dup.body.error.fields?.[0]?.ref).toBe(own._id)
    expect((await h.store.collection('cases').get(made._id))?.residentId).toBe('')
  })

  it('is for residents only', async () => {
    const { h, intent } = await registered()
    const r = (await h.call(intent, staffId('a-staff'), 'claimStart', { communityId: 'comm-a', phone: '13812345678' })) as { status: number; body: Reply }
    expect(r.status).toBe(403)
  })
})

describe('intent.claimChannel', () => {
  it('tells the claim page which WeChat template to ask the resident to allow before the code is sent', async () => {
    const h = await makeHarness(STAFF)
    const wechat = makeIntentActions({ claimCodes: () => subscribeClaimCodes({ send: async () => ({ ok: true }) }, 'tpl-claim-code') })
    expect(await h.ok<ClaimChannelOutput>(wechat, resident('r7'), 'claimChannel', {})).toEqual({ templateId: 'tpl-claim-code' })
    // The local runtime's log needs no consent, and an unconfigured template asks for none.
    const local = makeIntentActions({ claimCodes: () => logClaimCodes(() => undefined) })
    expect(await h.ok<ClaimChannelOutput>(local, resident('r7'), 'claimChannel', {})).toEqual({ templateId: null })
    const unset = makeIntentActions({ claimCodes: () => subscribeClaimCodes({ send: async () => ({ ok: true }) }, null) })
    expect(await h.ok<ClaimChannelOutput>(unset, resident('r7'), 'claimChannel', {})).toEqual({ templateId: null })
    expect((await h.call(wechat, staffId('a-staff'), 'claimChannel', {})).status).toBe(403)
  })
})
