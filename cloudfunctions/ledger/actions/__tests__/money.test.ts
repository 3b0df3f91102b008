import { pageUrl } from '../../../_shared/domain/pages'
/**
 * Issue 22: benefits from the catalogue (eligibility, override, cap, fen, history), the loan
 * pipeline (order, 409 on a race, benefits from 放款 and 贴息, the resident's timeline), the
 * breakdowns they feed (by kind, group, policy, loan step, 四位一体; drill-down; reconcile drift
 * 0) and the store operations of a benefit and a loan step.
 */
import { createWriteStream, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { countingStore, type OpCount } from '../../../../bench/counting-store'
import type { DashboardOutput } from '../../../_shared/contracts/indices'
import type { ExportOutput } from '../../../_shared/contracts/intent'
import type { ExportFiles } from '../../../_shared/files/export-files'
import type { MoneyCasesOutput, MoneyOutput } from '../../../_shared/contracts/indices'
import type { CaseView, EligiblePoliciesOutput, GapsOutput, MineOutput, MoneyPatch, MyCase } from '../../../_shared/contracts/intent'
import type { PolicyView } from '../../../_shared/contracts/policy'
import type { Case } from '../../../_shared/domain/case'
import { groupMask, MONEY_METRICS } from '../../../_shared/domain/money'
import { seriesOf, stock } from '../../../_shared/domain/indices'
import type { Ctx } from '../../../_shared/runtime/action'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { writeCase } from '../../../_shared/application/case'
import { where } from '../../../_shared/store/port'
import { draft, makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { indicesActions } from '../../../indices/actions'
import { intentActions } from '../../../intent/actions'
import { ID_B, ID_C, idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { policyActions } from '../../../policy/actions'
import { notifyActions } from '../../../notify/actions'
import type { NotifyDeps } from '../../../notify/deps'
import { fileDeliveries, sendNotices } from '../../../notify/notice-sender'
import { outboxNotifier } from '../../../_shared/notifier/outbox'
import { makeLedgerActions } from '..'
import { workbenchActions } from '../../../workbench/actions'
import type { WorkbenchSummary } from '../../../_shared/contracts/workbench'

const STAFF = [
  { id: 'a-staff', role: 'community_staff' as const, orgId: 'comm-a' },
  { id: 'a-staff2', role: 'community_staff' as const, orgId: 'comm-a' },
  { id: 'district', role: 'district_officer' as const, orgId: 'dist' },
]

const exportDir = mkdtempSync(join(tmpdir(), 'money-export-'))
let exported = 0
const files: ExportFiles = {
  async open() {
    const path = join(exportDir, `export-${exported++}.xlsx`)
    const stream = createWriteStream(path)
    return { stream, publish: async () => ({ fileID: `cloud://test.bucket${path}`, expiresAt: null }), discard: async () => undefined }
  },
}

async function setup() {
  const h = await makeHarness(STAFF)
  const ledger = makeLedgerActions(() => files)
  const ok = <T>(who: string, action: string, data: unknown) => h.ok<T>(ledger, staffId(who), action, data)
  const call = (who: string, action: string, data: unknown) => h.call(ledger, staffId(who), action, data)
  const fields = async (who: string, action: string, data: unknown) => {
    const res = await call(who, action, data)
    return { status: res.status, paths: res.body.ok ? [] : (res.body.error.fields ?? []).map((f) => f.path) }
  }
  // A returning migrant (the fixture's group) and two district policies: one for that group with a cap, one not.
  const a = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
  const publish = async (over: object) => {
    const p = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft(over))
    await h.ok(policyActions, staffId('district'), 'publish', { id: p._id })
    return p
  }
  const subsidy = await publish({ title: '返乡创业一次性补贴', targetGroups: ['returning_migrant'], capFen: 800_000 })
  const graduates = await publish({ title: '高校毕业生场租补贴', category: 'rent_subsidy', targetGroups: ['graduate'] })
  const loanPolicy = await publish({ title: '创业担保贷款', category: 'guaranteed_loan', targetGroups: ['returning_migrant', 'unemployed'], capFen: 30_000_000 })
  const benefit = (over: object = {}) => ({
    id: a._id, policyId: subsidy._id, policyTitle: '', kind: 'startup_subsidy', amountFen: 500_000, date: '2026-11-20',
    approvedBy: '测试区人社局', documentNo: '测人社发〔2026〕18号', ...over,
  })
  const stored = async () => (await h.store.collection('cases').get(a._id)) as Case
  /** A period's counts as the dashboards read them (`seriesOf`: month parts from the year document). */
  const counter = async (period: string) => {
    const docs = (await h.store.collection('counters').find({ where: where.eq('orgId', 'comm-a'), limit: 100 })).items
    return seriesOf(docs).get('comm-a')?.get(period) ?? {}
  }
  /** The stored counter document of a period. */
  const counterDoc = async (period: string): Promise<Record<string, unknown>> => (await h.store.collection('counters').get(`comm-a:${period}`)) ?? {}
  return { h, ledger, ok, call, fields, a, subsidy, graduates, loanPolicy, benefit, stored, counter, counterDoc }
}

describe('benefits from the catalogue', () => {
  it('shows eligibility, records an eligible benefit in fen, counts it by kind, group and policy in its month', async () => {
    const { ok, a, subsidy, graduates, benefit, counter, counterDoc } = await setup()
    const list = await ok<EligiblePoliciesOutput>('a-staff', 'eligiblePolicies', { id: a._id })
    const byTitle = new Map(list.items.map((p) => [p.title, p]))
    expect(byTitle.get('返乡创业一次性补贴')).toMatchObject({ eligible: true, matched: ['returning_migrant'], kind: 'startup_subsidy', capFen: 800_000, conditions: ['首次创业'] })
    expect(byTitle.get('高校毕业生场租补贴')).toMatchObject({ eligible: false, kind: 'rent_subsidy' })
    expect(byTitle.get('高校毕业生场租补贴')?.reasons[0]).toContain('高校毕业生')
    expect(list.items[list.items.length - 1].eligible).toBe(false)

    const patch = await ok<MoneyPatch>('a-staff', 'recordBenefit', benefit())
    expect(patch.benefits[0]).toMatchObject({ policyId: subsidy._id, policyTitle: '返乡创业一次性补贴', kind: 'startup_subsidy', amountFen: 500_000, eligible: true, approvedBy: '测试区人社局', documentNo: '测人社发〔2026〕18号', history: [] })
    expect(await counter('2026-M11')).toMatchObject({
      mo_bn_startup_subsidy: 1, mo_bf_startup_subsidy: 500_000,
      mo_gn_returning_migrant: 1, mo_gf_returning_migrant: 500_000,
      [MONEY_METRICS.policyCount(subsidy._id)]: 1, [MONEY_METRICS.policyFen(subsidy._id)]: 500_000,
    })
    // Kept on the year document as the month's part (one counter write); no month or quarter document holds them.
    expect(await counterDoc('2026')).toMatchObject({ m11__mo_bn_startup_subsidy: 1, m11__mo_bf_startup_subsidy: 500_000 })
    for (const p of ['2026-M11', '2026-Q4']) expect(Object.keys(await counterDoc(p)).filter((k) => k.includes('mo_'))).toEqual([])
    // The year reads the sum of its months, not a second copy.
    expect(await counter('2026')).not.toHaveProperty('mo_bn_startup_subsidy')
    expect(graduates._id).toBeTruthy()
  })

  it('refuses bad input with the field and writes nothing: override missing, negative, fractional fen, above the cap, outside the catalogue without a reason', async () => {
    const { fields, graduates, benefit, stored, h } = await setup()
    const before = await stored()
    expect(await fields('a-staff', 'recordBenefit', benefit({ policyId: graduates._id, kind: 'rent_subsidy' }))).toEqual({ status: 400, paths: ['overrideReason'] })
    expect(await fields('a-staff', 'recordBenefit', benefit({ amountFen: -100 }))).toEqual({ status: 400, paths: ['amountFen'] })
    expect(await fields('a-staff', 'recordBenefit', benefit({ amountFen: 12.5 }))).toEqual({ status: 400, paths: ['amountFen'] })
    expect(await fields('a-staff', 'recordBenefit', benefit({ amountFen: 800_001 }))).toEqual({ status: 400, paths: ['amountFen'] })
    expect(await fields('a-staff', 'recordBenefit', benefit({ policyId: null, policyTitle: '街道临时补助' }))).toEqual({ status: 400, paths: ['overrideReason'] })
    expect(await fields('a-staff', 'recordBenefit', benefit({ kind: 'cash' }))).toEqual({ status: 400, paths: ['kind'] })
    const after = await stored()
    expect(after.version).toBe(before.version)
    expect(after.benefits).toEqual([])
    expect(Object.keys((await h.store.collection('counters').get('comm-a:2026')) ?? {}).filter((k) => k.includes('mo_'))).toEqual([])
  })

  it('a policy edit that leaves the cap out (the editor form) keeps it', async () => {
    const { h, subsidy } = await setup()
    const stored = await h.store.collection('policies').get(subsidy._id)
    await h.ok(policyActions, staffId('district'), 'save', { ...draft({ title: '返乡创业一次性补贴（修订）', targetGroups: ['returning_migrant'] }), id: subsidy._id, version: stored!.version })
    expect(await h.store.collection('policies').get(subsidy._id)).toMatchObject({ title: '返乡创业一次性补贴（修订）', capFen: 800_000 })
  })

  it('an override reason lets an ineligible benefit through, counted as an override', async () => {
    const { ok, graduates, benefit, counter } = await setup()
    const patch = await ok<MoneyPatch>('a-staff', 'recordBenefit', benefit({ policyId: graduates._id, kind: 'rent_subsidy', amountFen: 120_000, overrideReason: '街道会议同意按特殊困难处理' }))
    expect(patch.benefits[0]).toMatchObject({ eligible: false, overrideReason: '街道会议同意按特殊困难处理' })
    expect(await counter('2026-M11')).toMatchObject({ mo_boverride: 1, mo_bn_rent_subsidy: 1, mo_bf_rent_subsidy: 120_000 })
  })

  it('editing keeps the earlier state in the history and moves the counters; a stale edit is 409', async () => {
    const { ok, fields, benefit, counter } = await setup()
    const first = await ok<MoneyPatch>('a-staff', 'recordBenefit', benefit())
    const id = first.benefits[0].id
    const edited = await ok<MoneyPatch>('a-staff', 'recordBenefit', benefit({ benefitId: id, revision: 0, amountFen: 600_000, date: '2026-10-30', reason: '按批复金额更正' }))
    expect(edited.benefits).toHaveLength(1)
    expect(edited.benefits[0]).toMatchObject({ amountFen: 600_000, date: '2026-10-30' })
    expect(edited.benefits[0].history).toEqual([expect.objectContaining({ amountFen: 500_000, date: '2026-11-20', reason: '按批复金额更正', replacedBy: 'a-staff' })])
    expect(await counter('2026-M11')).toMatchObject({ mo_bn_startup_subsidy: 0, mo_bf_startup_subsidy: 0 })
    expect(await counter('2026-M10')).toMatchObject({ mo_bn_startup_subsidy: 1, mo_bf_startup_subsidy: 600_000 })
    expect((await fields('a-staff', 'recordBenefit', benefit({ benefitId: id, revision: 0, amountFen: 1, reason: '再改' }))).status).toBe(409)
    expect(await fields('a-staff', 'recordBenefit', benefit({ benefitId: id, revision: 1 }))).toEqual({ status: 400, paths: ['reason'] })
  })
})

describe('the loan pipeline', () => {
  const step = (id: string, over: object) => ({ id, date: '2026-11-01', actor: '市创业担保中心', amountFen: 20_000_000, documentNo: '担〔2026〕7号', ...over })

  it('goes 申请 → 社区推荐 → 担保审核 → 银行审批 → 放款 → 贴息, refuses a step out of order, adds 放款 and 贴息 to the benefits, and shows the resident their step', async () => {
    const { h, ok, fields, a, loanPolicy, counter, stored } = await setup()
    h.setNow('2026-11-28T02:00:00.000Z')
    let p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { expect: 0, policyId: loanPolicy._id, step: 'applied', actor: '居民本人', date: '2026-09-01' }))
    const loanId = p.loans[0].id
    expect(p.loans[0]).toMatchObject({ policyTitle: '创业担保贷款', capFen: 30_000_000, eligible: true })
    // Out of order: straight to 银行审批.
    expect(await fields('a-staff', 'loanStep', step(a._id, { loanId, expect: 1, step: 'bank_approved' }))).toEqual({ status: 400, paths: ['step'] })
    // Dated before the previous step.
    expect(await fields('a-staff', 'loanStep', step(a._id, { loanId, expect: 1, step: 'recommended', date: '2026-08-01' }))).toEqual({ status: 400, paths: ['date'] })
    const steps: [string, string, number][] = [['recommended', '2026-09-05', 20_000_000], ['guarantee_reviewed', '2026-09-12', 20_000_000], ['bank_approved', '2026-09-20', 20_000_000]]
    for (const [i, [s, date, fen]] of steps.entries()) p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { loanId, expect: i + 1, step: s, date, amountFen: fen }))
    // 放款 above the policy's cap: 400 on the amount, nothing written.
    expect(await fields('a-staff', 'loanStep', step(a._id, { loanId, expect: 4, step: 'disbursed', date: '2026-09-25', amountFen: 30_000_001 }))).toEqual({ status: 400, paths: ['amountFen'] })
    p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { loanId, expect: 4, step: 'disbursed', date: '2026-09-25', actor: '农商银行', repayDue: '2028-09-25', interestDue: '2026-12-20' }))
    p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { loanId, expect: 5, step: 'interest', date: '2026-11-25', actor: '市财政局', amountFen: 182_500, interestDue: '2027-03-20' }))
    expect(p.loans[0].steps.map((s) => [s.step, s.period])).toEqual([['applied', 0], ['recommended', 0], ['guarantee_reviewed', 0], ['bank_approved', 0], ['disbursed', 0], ['interest', 1]])
    expect(p.benefits.map((b) => [b.kind, b.amountFen, b.loanId])).toEqual([['guaranteed_loan', 20_000_000, loanId], ['interest_subsidy', 182_500, loanId]])
    expect(await counter('2026-M09')).toMatchObject({ mo_ln_applied: 1, mo_ln_disbursed: 1, mo_lf_disbursed: 20_000_000, mo_bn_guaranteed_loan: 1, mo_bf_guaranteed_loan: 20_000_000 })
    expect(await counter('2026-M11')).toMatchObject({ mo_ln_interest: 1, mo_lf_interest: 182_500, mo_bn_interest_subsidy: 1, mo_bf_interest_subsidy: 182_500 })

    // The resident sees where their loan stands.
    const mine = await h.ok<MineOutput>(intentActions, resident('r1'), 'mine', {})
    expect(mine.current?.loans).toEqual([expect.objectContaining({ id: loanId, step: 'interest', date: '2026-11-25', hint: '已拨付一期贴息' })])
    expect(JSON.stringify(mine.current?.loans)).not.toContain('担〔2026〕7号')

    // The reminder list: the next 贴息 claim (2027-03-20) is more than 30 days away, then within them.
    // The workbench counts the same list (issue 22: reminders appear on the workbench).
    const loansDue = async () => (await h.ok<WorkbenchSummary>(workbenchActions, staffId('a-staff'), 'summary', {})).items.find((i) => i.key === 'loansDue')
    expect((await ok<GapsOutput>('a-staff', 'gaps', { kind: 'loanDue' })).items).toEqual([])
    expect(await loansDue()).toMatchObject({ count: 0 })
    h.setNow('2027-03-01T02:00:00.000Z')
    expect((await ok<GapsOutput>('a-staff', 'gaps', { kind: 'loanDue' })).items.map((i) => i.reason)).toEqual(['贷款还款或贴息申领 2027-03-20 到期，还有 19 天'])
    expect(await loansDue()).toMatchObject({ count: 1, page: pageUrl('ledger', { tab: 'loanDue' }) })

    // After 还清 nothing more.
    p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { loanId, expect: 6, step: 'repaid', date: '2027-02-01', actor: '农商银行' }))
    expect(await fields('a-staff', 'loanStep', step(a._id, { loanId, expect: 7, step: 'interest', date: '2027-02-02' }))).toEqual({ status: 400, paths: ['step'] })
    expect((await ok<GapsOutput>('a-staff', 'gaps', { kind: 'loanDue' })).items).toEqual([])

    // The resident heard of every step after their own application, each opening their case,
    // with a WeChat delivery queued beside it; the loan's 放款 / 贴息 benefits are not told twice.
    const residentId = (await stored()).residentId
    const inbox = (await h.store.collection('inbox').find({ where: where.eq('residentId', residentId), orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 50 })).items
    expect(inbox.map((m) => m.title)).toEqual([
      '你的创业意向已受理',
      '你的创业担保贷款：社区推荐',
      '你的创业担保贷款：担保审核',
      '你的创业担保贷款：银行审批',
      '你的创业担保贷款：放款',
      '你的创业担保贷款：第 1 期贴息',
      '你的创业担保贷款：还清',
    ])
    expect(inbox.find((m) => m.title.endsWith('放款'))?.body).toBe('创业担保贷款：贷款已发放，记得按时还款，金额 200,000 元（2026-09-25）')
    for (const m of inbox) expect(m.link).toBe(pageUrl('myCase'))
    // Each is filed for WeChat by the sendNotices timer, once however many passes run.
    expect(inbox.every((m) => m.deliverQueued === true)).toBe(true)
    expect(await h.store.collection('noticeDeliveries').count(where.eq('residentId', residentId))).toBe(0)
    expect(await fileDeliveries(h.store, 50)).toBe(inbox.length)
    expect(await fileDeliveries(h.store, 50)).toBe(0)
    expect(await h.store.collection('noticeDeliveries').count(where.eq('residentId', residentId))).toBe(inbox.length)
  })

  it('two workers recording the same step at once: one wins, the other gets 409, and the step is there once', async () => {
    const { call, ok, a, loanPolicy, stored } = await setup()
    const p = await ok<MoneyPatch>('a-staff', 'loanStep', step(a._id, { expect: 0, policyId: loanPolicy._id, step: 'applied', date: '2026-11-01' }))
    const loanId = p.loans[0].id
    const both = await Promise.all(['a-staff', 'a-staff2'].map((who) => call(who, 'loanStep', step(a._id, { loanId, expect: 1, step: 'recommended', date: '2026-11-05', actor: '社区' }))))
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await stored()).loans?.[0].steps.map((s) => s.step)).toEqual(['applied', 'recommended'])
  })

  it('an application under a policy the resident does not fit needs a reason; not a loan policy is 400', async () => {
    const { fields, a, subsidy, h } = await setup()
    const other = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft({ title: '毕业生创业担保贷款', category: 'guaranteed_loan', targetGroups: ['graduate'] }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: other._id })
    expect(await fields('a-staff', 'loanStep', step(a._id, { expect: 0, policyId: other._id, step: 'applied' }))).toEqual({ status: 400, paths: ['overrideReason'] })
    expect(await fields('a-staff', 'loanStep', step(a._id, { expect: 0, policyId: subsidy._id, step: 'applied' }))).toEqual({ status: 400, paths: ['policyId'] })
    expect(await fields('a-staff', 'loanStep', step(a._id, { expect: 0, policyId: other._id, step: 'applied', overrideReason: '经担保中心同意' }))).toEqual({ status: 200, paths: [] })
  })
})

describe('breakdowns, drill-down and reconciliation', () => {
  it('indices.money sums the month documents by kind, group, policy and loan step, with the 四位一体 share; moneyCases lists the cases; recount finds no drift', async () => {
    const { h, ok, a, benefit, subsidy, loanPolicy } = await setup()
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-10-10' }))
    const b = await h.ok<MyCase>(intentActions, resident('r2'), 'submit', registration({ name: '李大山', idCard: ID_B, phone: '13912345678', targetGroups: ['unemployed'] }))
    const step = (id: string, over: object) => ({ id, actor: '社区', amountFen: 10_000_000, documentNo: '', ...over })
    let p = await ok<MoneyPatch>('a-staff', 'loanStep', step(b._id, { expect: 0, policyId: loanPolicy._id, step: 'applied', date: '2026-10-01' }))
    const loanId = p.loans[0].id
    for (const [i, s] of (['recommended', 'guarantee_reviewed', 'bank_approved', 'disbursed'] as const).entries()) {
      p = await ok<MoneyPatch>('a-staff', 'loanStep', step(b._id, { loanId, expect: i + 1, step: s, date: `2026-11-0${i + 1}` }))
    }
    const money = await h.ok<MoneyOutput>(indicesActions, staffId('district'), 'money', { period: '2026-Q4' })
    const kind = (k: string) => money.byKind.find((r) => r.kind === k)
    expect(kind('startup_subsidy')).toMatchObject({ count: 1, amountFen: 500_000, amount: 5000 })
    expect(kind('guaranteed_loan')).toMatchObject({ count: 1, amountFen: 10_000_000 })
    expect(money.byGroup.find((r) => r.key === 'returning_migrant')).toMatchObject({ count: 1, amountFen: 500_000 })
    expect(money.byGroup.find((r) => r.key === 'unemployed')).toMatchObject({ count: 1, amountFen: 10_000_000 })
    expect(money.byPolicy.map((r) => [r.label, r.count, r.amountFen])).toEqual([['创业担保贷款', 1, 10_000_000], ['返乡创业一次性补贴', 1, 500_000]])
    expect(money.loanSteps.find((r) => r.step === 'disbursed')).toMatchObject({ count: 1, amountFen: 10_000_000 })
    // No training, project or mentor on the case yet: 0 of 1.
    expect(money.fourInOne).toMatchObject({ num: 0, den: 1, value: 0 })
    // A month without them: nothing.
    const sept = await h.ok<MoneyOutput>(indicesActions, staffId('district'), 'money', { period: '2026-M09' })
    expect(sept.byKind.every((r) => r.count === 0)).toBe(true)

    // Drill-down: the cases behind a figure.
    const cases = async (metric: string) => (await h.ok<MoneyCasesOutput>(indicesActions, staffId('district'), 'moneyCases', { period: '2026-Q4', metric })).items.map((i) => i.name)
    expect(await cases(MONEY_METRICS.policyCount(subsidy._id))).toEqual([a.name])
    expect(await cases('mo_gn_unemployed')).toEqual(['李大山'])
    expect(await cases('mo_ln_disbursed')).toEqual(['李大山'])
    expect((await h.call(indicesActions, staffId('district'), 'moneyCases', { period: '2026-Q4', metric: 'registered' })).status).toBe(400)

    // The dashboard's benefits by kind (the 申报表's 定量 figures read the same rows).
    const dash = await h.ok<{ benefits: { kind: string; count: number; amountFen: number }[] }>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
    expect(dash.benefits.find((r) => r.kind === 'guaranteed_loan')).toMatchObject({ count: 1, amountFen: 10_000_000 })

    const report = await reconcileCounters(h.store, { repair: false })
    expect(report.driftCount).toBe(0)
  })
})

describe("the inspector's ledger", () => {
  it('has a sheet per record kind and a summary that matches the dashboard, masked and formula-safe', async () => {
    const { h, ok, a, benefit, loanPolicy } = await setup()
    await ok('a-staff', 'addFollowUp', { id: a._id, kind: 'loan', date: '2026-11-02', note: '=HYPERLINK("x")', outcome: '已递交申请', visibleToResident: false, nextFollowUpDate: '' })
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-11-03', documentNo: '+测人社发〔2026〕18号' }))
    const p = await ok<MoneyPatch>('a-staff', 'loanStep', { id: a._id, expect: 0, policyId: loanPolicy._id, step: 'applied', date: '2026-11-04', actor: '居民本人', amountFen: 10_000_000, documentNo: '' })
    await ok('a-staff', 'loanStep', { id: a._id, loanId: p.loans[0].id, expect: 1, step: 'recommended', date: '2026-11-05', actor: '社区', amountFen: 10_000_000, documentNo: '' })
    const out = await ok<ExportOutput>('a-staff', 'export', { period: '2026-M11' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out.fileID!.slice('cloud://test.bucket'.length))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '帮扶台帐', '跟踪服务', '创办实体', '享受政策', '贷款环节', '创业培训'])
    const rows = (name: string) => {
      const out: unknown[][] = []
      wb.getWorksheet(name)!.eachRow((r, n) => { if (n > 2) out.push((r.values as unknown[]).slice(1)) })
      return out
    }
    expect(rows('跟踪服务')[0]).toEqual(expect.arrayContaining(['张小梅', '2026-11-02', '资金', `'=HYPERLINK("x")`, '已递交申请']))
    expect(rows('享受政策')[0]).toEqual(expect.arrayContaining(['返乡创业一次性补贴', '一次性创业补贴', 5000, '2026-11-03', '测试区人社局', "'+测人社发〔2026〕18号"]))
    expect(rows('贷款环节').map((r) => r[5])).toEqual(['申请', '社区推荐'])
    // The ID number is masked on every sheet.
    for (const w of wb.worksheets) w.eachRow((r) => expect(JSON.stringify(r.values)).not.toMatch(/\d{17}[\dX]/))
    // The summary's figures are the dashboard's for the same period.
    const dash = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026-M11' })
    const summary = rows('汇总')
    for (const i of dash.indices) expect(summary.find((r) => r[0] === '指标' && r[1] === i.label)?.slice(2, 4)).toEqual([i.numerator, i.denominator ?? undefined])
    for (const b of dash.benefits) expect(summary.find((r) => r[0] === '政策享受（按类别）' && r[1] === b.label)?.slice(2, 4)).toEqual([b.count, b.amount])
    expect(summary.find((r) => r[1] === '社区推荐')?.slice(2, 4)).toEqual([1, 100_000])
  })
  it("dates the summary as of the action's clock, not the machine's", async () => {
    const { h, ok, a } = await setup()
    // A venture of the 2025-11 cohort: of age for 1 年存活率 from 2026-12-01 (its month's end + 12
    // months); the action's clock says 2026-11-22, the machine's says 2030.
    await ok('a-staff', 'recordVenture', { id: a._id, name: '小梅早餐店', kind: 'individual', registrationDate: '2025-11-10', jobsCreated: 1, status: 'operating', closureDate: '' })
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] })
    try {
      expect(new Date().getUTCFullYear()).toBe(2030)
      const out = await ok<ExportOutput>('a-staff', 'export', { period: '2026' })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(out.fileID!.slice('cloud://test.bucket'.length))
      const survival = (wb.getWorksheet('汇总')!.getSheetValues() as unknown[][]).find((r) => r?.[1] === '指标' && r[2] === '1 年存活率')
      // No cohort of age yet: no venture in the denominator (an empty cell), as on the dashboard.
      expect(survival?.[4] ?? 0).toBe(0)
      const dash = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
      const i = dash.indices.find((x) => x.label === '1 年存活率')!
      expect(i.denominator ?? 0).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('notices are the recording action\'s choice', () => {
  it('a benefit recorded by recordBenefit tells the resident once; the same change written by a bulk path tells nobody', async () => {
    const { h, ok, benefit, stored } = await setup()
    await ok('a-staff', 'recordBenefit', benefit())
    const residentId = (await stored()).residentId
    const titles = async () => (await h.store.collection('inbox').find({ where: where.eq('residentId', residentId), limit: 50 })).items.map((m) => m.title).sort()
    expect(await titles()).toEqual(['你的创业意向已受理', '已为你登记享受政策'].sort())
    const told = await h.store.collection('noticeDeliveries').count()
    // A bulk rewrite (as a migration or a repair would do it): a second benefit through the
    // shared case write with no notice chosen. Counted, nobody told.
    const current = await stored()
    const copy = { ...current.benefits[0], id: 'ben_bulk', date: '2026-11-21' }
    const saved = await h.store.transaction((tx) => writeCase(tx, current, { ...current, benefits: [...current.benefits, copy], benefitCount: 2 }, '2026-11-22T02:00:00.000Z', null))
    expect(saved?.benefits).toHaveLength(2)
    expect(await titles()).toEqual(['你的创业意向已受理', '已为你登记享受政策'].sort())
    expect(await h.store.collection('noticeDeliveries').count()).toBe(told)
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  })
})

const notifyTestDeps = (): NotifyDeps => ({
  notifier: (st) => outboxNotifier(st),
  template: null,
  noticeTemplate: null,
  pace: { perSecond: 20, budgetMs: 1000 },
  timer: { now: () => Date.parse('2026-11-22T02:00:00Z'), sleep: async () => undefined },
})

describe('store operations', () => {
  /** One action run against the counting store, caller resolution and audit left out (dispatch adds them). */
  const measurer = async (h: Awaited<ReturnType<typeof setup>>['h'], ledger: Awaited<ReturnType<typeof setup>>['ledger']) => {
    const staff = (await h.store.collection('staff').get('a-staff'))!
    const org = (await h.store.collection('orgs').get('comm-a'))!
    return async (action: 'recordBenefit' | 'loanStep', input: unknown): Promise<OpCount & { out: MoneyPatch }> => {
      const ops: OpCount = { reads: 0, writes: 0 }
      const ctx: Ctx = { store: countingStore(h.store, ops), caller: { kind: 'staff', id: staff._id, staff, org }, now: () => new Date('2026-11-22T02:00:00Z'), keyring: h.keyring }
      const out = (await ledger[action].run(input as never, ctx)) as MoneyPatch
      return { ...ops, out }
    }
  }
  const loanInput = (id: string, over: object) => ({ id, policyId: null, date: '2026-11-04', actor: '社区', amountFen: 100_000, documentNo: '', repayDue: '', interestDue: '', overrideReason: '', note: '', ...over })

  it('a benefit and every loan step stay within 2 reads + 3 writes, the resident still told, the funnel credited by the timer', async () => {
    const { h, ledger, ok, a, benefit, loanPolicy, stored } = await setup()
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-11-01' }))
    const measure = await measurer(h, ledger)
    const b = await measure('recordBenefit', benefit({ date: '2026-11-02', note: '', overrideReason: '', reason: '' }))
    // Reads: the case and the policy. Writes: the case, the month counter and the inbox message
    // (its WeChat delivery and any push-funnel credit are the sendNotices timer's).
    expect([b.reads, b.writes]).toEqual([2, 3])
    const applied = await measure('loanStep', loanInput(a._id, { expect: 0, policyId: loanPolicy._id, step: 'applied', date: '2026-11-03', actor: '居民' }))
    // The application is the resident's own: the case and the policy read, the case and the month counter written, no notice.
    expect([applied.reads, applied.writes]).toEqual([2, 2])
    const loanId = applied.out.loans[0].id
    const later = [['recommended', 100_000], ['guarantee_reviewed', 100_000], ['bank_approved', 100_000], ['disbursed', 100_000], ['interest', 2_000], ['repaid', 0]] as const
    for (const [i, [step, fen]] of later.entries()) {
      const m = await measure('loanStep', loanInput(a._id, { loanId, expect: i + 1, step, amountFen: fen, date: `2026-11-${String(4 + i).padStart(2, '0')}` }))
      // Each told step: the case read; the case, the month counter and the inbox message written.
      expect([step, m.reads, m.writes]).toEqual([step, 1, 3])
    }
    // Every one of those notices reaches the resident, each filed once for WeChat by the timer.
    const residentId = (await stored()).residentId
    const inbox = (await h.store.collection('inbox').find({ where: where.eq('residentId', residentId), limit: 50 })).items
    expect(inbox.filter((m) => m.deliverQueued)).toHaveLength(3 + later.length)
    expect(await fileDeliveries(h.store, 50)).toBe(3 + later.length)
    expect(await h.store.collection('noticeDeliveries').count(where.eq('residentId', residentId))).toBe(inbox.length)
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  })

  it('an entrepreneur\'s first eligible benefit moves the 政策享受率 stock in the same counter write: 2 reads + 3 writes, exact and drift 0', async () => {
    const { h, ledger, ok, a, benefit, counter, counterDoc } = await setup()
    await ok('a-staff', 'accept', { id: a._id })
    const cur = (await h.store.collection('cases').get(a._id)) as Case
    await h.store.transaction((tx) => writeCase(tx, cur, { ...cur, startedAt: '2026-10-01T02:00:00.000Z' }, '2026-10-01T02:00:00.000Z', null))
    const mask = `entb_m${groupMask(cur.targetGroups)}`
    const measure = await measurer(h, ledger)
    const first = await measure('recordBenefit', benefit({ date: '2026-11-02', note: '', overrideReason: '', reason: '' }))
    expect([first.reads, first.writes]).toEqual([2, 3])
    // The year's total and November's part on the year document; no month document carries it.
    expect(await counterDoc('2026')).toMatchObject({ [mask]: 1, [`m11__${mask}`]: 1, m11__mo_bn_startup_subsidy: 1 })
    expect(await counterDoc('2026-M11')).not.toHaveProperty(mask)
    expect((await counter('2026-M11'))[mask]).toBe(1)
    expect((await counter('2026-M10'))[mask]).toBeUndefined()
    const second = await measure('recordBenefit', benefit({ date: '2026-11-03', note: '', overrideReason: '', reason: '' }))
    expect([second.reads, second.writes]).toEqual([2, 3])
    expect(await counterDoc('2026')).toMatchObject({ [mask]: 1, [`m11__${mask}`]: 1, m11__mo_bn_startup_subsidy: 2 })
    // The 政策享受率 stock read as the dashboard reads it: the entrepreneur counted benefited from November.
    const docs = (await h.store.collection('counters').find({ where: where.eq('orgId', 'comm-a'), limit: 100 })).items
    const series = seriesOf(docs).get('comm-a')!
    expect([stock(series, '2026-M10', mask), stock(series, '2026-M11', mask), stock(series, '2026', mask), stock(series, '2027-M01', mask)]).toEqual([0, 1, 1, 1])
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  })

  it('a resident who turned 我的帮扶进展 off: nothing filed, their settings not read, the switch kept on the case both ways', async () => {
    const { h, ok, benefit, stored } = await setup()
    const residentId = (await stored()).residentId
    await h.ok(notifyActions(notifyTestDeps()), resident(residentId), 'setNotice', { kind: 'case', on: false })
    expect((await stored()).caseNoticesOff).toBe(true)
    const inboxCount = () => h.store.collection('inbox').count(where.eq('residentId', residentId))
    const before = await inboxCount()
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-11-02' }))
    expect(await inboxCount()).toBe(before)
    // Only the push-funnel credit is filed (muted), and the timer marks it without sending.
    const muted = (await h.store.collection('noticeDeliveries').find({ where: where.eq('residentId', residentId), limit: 10 })).items
    expect(muted.map((d) => [d.muted, d.status, d.funnelPolicyId])).toEqual([[true, 'queued', (await stored()).benefits[0].policyId]])
    await sendNotices({ store: h.store, keyring: h.keyring, notifier: outboxNotifier(h.store), template: null, now: () => new Date('2026-11-22T02:01:00Z') })
    expect((await h.store.collection('noticeDeliveries').get(muted[0]._id))).toMatchObject({ status: 'failed', failReason: 'off' })
    await h.ok(notifyActions(notifyTestDeps()), resident(residentId), 'setNotice', { kind: 'case', on: true })
    expect((await stored()).caseNoticesOff).toBe(false)
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-11-03' }))
    expect(await inboxCount()).toBe(before + 1)
  })
})

export type { CaseView }

describe('政策享受率 and 应享未享 from eligibility', () => {
  it('judges each trend point and the previous period by the policies in force at that period\'s own end', async () => {
    const { h } = await setup()
    // A veteran who started in August; the only policy for veterans came into force on 15 October.
    const p = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft({ title: '退役军人创业补贴', targetGroups: ['veteran'], validFrom: '2026-10-15' }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: p._id })
    const v = await h.ok<MyCase>(intentActions, resident('r5'), 'submit', registration({ name: '孙卫国', idCard: ID_B, phone: '13512345678', targetGroups: ['veteran'] }))
    const cur = (await h.store.collection('cases').get(v._id)) as Case
    await h.store.transaction((tx) => writeCase(tx, cur, { ...cur, startedAt: '2026-08-01T02:00:00.000Z' }, '2026-08-01T02:00:00.000Z', null))
    const trend = await h.ok<{ points: { period: string; numerator: number; denominator: number | null }[] }>(indicesActions, staffId('district'), 'trend', { period: '2026-Q4', key: 'policyEnjoyment' })
    const at = (period: string) => trend.points.find((x) => x.period === period)
    // Q3 ended before the policy: nobody was eligible then (was: judged by Q4's policies, 0 of 1).
    expect(at('2026-Q3')).toMatchObject({ numerator: 0, denominator: null })
    expect(at('2026-Q4')).toMatchObject({ numerator: 0, denominator: 1 })
    const dash = await h.ok<DashboardOutput>(indicesActions, staffId('district'), 'dashboard', { period: '2026-Q4' })
    const pe = dash.indices.find((x) => x.key === 'policyEnjoyment')
    expect(pe).toMatchObject({ numerator: 0, denominator: 1 })
    expect(dash.trends.policyEnjoyment.find((x) => x.period === '2026-Q3')).toMatchObject({ denominator: null })
  })

  it('counts eligible entrepreneurs overall once and in each of their groups, lists the 应享未享 cases, and reconciles', async () => {
    const { h, ok, a, graduates, benefit } = await setup()
    const submit = (r: string, name: string, idCardNo: string, phone: string, targetGroups: string[]) =>
      h.ok<MyCase>(intentActions, resident(r), 'submit', registration({ name, idCard: idCardNo, phone, targetGroups: targetGroups as never }))
    // b is in two eligible groups, c a graduate, d a farmer no policy is for.
    const b = await submit('r2', '李大山', ID_B, '13912345678', ['returning_migrant', 'unemployed'])
    const c = await submit('r3', '王晓', ID_C, '13712345678', ['graduate'])
    const d = await submit('r4', '赵田', idCard('51041119800203045'), '13612345678', ['farmer'])
    const start = async (id: string, day: string) => {
      const cur = (await h.store.collection('cases').get(id)) as Case
      await h.store.transaction((tx) => writeCase(tx, cur, { ...cur, startedAt: `${day}T02:00:00.000Z` }, `${day}T02:00:00.000Z`, null))
    }
    for (const i of [a, b, c, d]) await start(i._id, '2026-10-01')
    // a: an eligible subsidy; c: an eligible rent subsidy; b: only an override (not eligible), so still 应享未享.
    await ok('a-staff', 'recordBenefit', benefit({ date: '2026-11-20' }))
    await ok('a-staff', 'recordBenefit', benefit({ id: c._id, policyId: graduates._id, kind: 'rent_subsidy', amountFen: 120_000, date: '2026-11-05' }))
    await ok('a-staff', 'recordBenefit', benefit({ id: b._id, policyId: graduates._id, kind: 'rent_subsidy', amountFen: 120_000, date: '2026-11-05', overrideReason: '街道会议同意' }))

    const money = await h.ok<MoneyOutput>(indicesActions, staffId('district'), 'money', { period: '2026-Q4' })
    const row = (k: string) => money.enjoyment.find((r) => r.key === k)
    expect(money.enjoyment[0].key).toBe('all')
    // Overall: a, b, c eligible (d's group has no policy); a and c have an eligible benefit.
    expect(row('all')).toMatchObject({ eligible: 3, benefited: 2, missing: 1 })
    expect(row('all')?.value).toBeCloseTo(2 / 3)
    expect(row('returning_migrant')).toMatchObject({ eligible: 2, benefited: 1, missing: 1 })
    expect(row('unemployed')).toMatchObject({ eligible: 1, benefited: 0, missing: 1, value: 0 })
    expect(row('graduate')).toMatchObject({ eligible: 1, benefited: 1, missing: 0, value: 1 })
    expect(row('farmer')).toBeUndefined()
    // b counts in two groups but once overall: the groups add up to more than the whole by exactly b.
    const groups = money.enjoyment.filter((r) => r.key !== 'all')
    expect(groups.reduce((n, r) => n + r.eligible, 0)).toBe(row('all')!.eligible + 1)
    // The headline 政策享受率 (dashboards, the workbench's targets, the 申报表) is the same figure,
    // and its drill-down lists the same people: a and c of a, b, c (not d, whose group no policy is for).
    for (const [who, period] of [['district', '2026-Q4'], ['a-staff', '2026']] as const) {
      const dash = await h.ok<DashboardOutput>(indicesActions, staffId(who), 'dashboard', { period })
      expect(dash.indices.find((x) => x.key === 'policyEnjoyment')).toMatchObject({ numerator: 2, denominator: 3 })
      const side = async (s: 'num' | 'den') =>
        (await h.ok<{ items: { _id: string }[] }>(indicesActions, staffId(who), 'drilldown', { period, key: 'policyEnjoyment', side: s })).items.map((r) => r._id).sort()
      expect(await side('num')).toEqual([a._id, c._id].sort())
      expect(await side('den')).toEqual([a._id, b._id, c._id].sort())
    }
    const trend = await h.ok<{ points: { period: string; numerator: number; denominator: number | null }[] }>(indicesActions, staffId('district'), 'trend', { period: '2026-Q4', key: 'policyEnjoyment' })
    expect(trend.points.at(-1)).toMatchObject({ numerator: 2, denominator: 3 })
    // The same at the community's own level.
    const own = await h.ok<MoneyOutput>(indicesActions, staffId('a-staff'), 'money', { period: '2026' })
    expect(own.enjoyment.find((r) => r.key === 'all')).toMatchObject({ eligible: 3, benefited: 2 })
    // Before anyone started: nobody.
    const sept = await h.ok<MoneyOutput>(indicesActions, staffId('district'), 'money', { period: '2026-M09' })
    expect(sept.enjoyment.find((r) => r.key === 'all')).toMatchObject({ eligible: 0, benefited: 0, missing: 0, value: null })
    // In October a had no benefit yet: both a and b are 应享未享, c (benefit 11-05) too.
    const oct = await h.ok<MoneyOutput>(indicesActions, staffId('district'), 'money', { period: '2026-M10' })
    expect(oct.enjoyment.find((r) => r.key === 'all')).toMatchObject({ eligible: 3, benefited: 0, missing: 3 })

    // Drill-down: the 应享未享 cases are the workers' to-do list.
    const cases = async (metric: string, period = '2026-Q4') => (await h.ok<MoneyCasesOutput>(indicesActions, staffId('district'), 'moneyCases', { period, metric })).items.map((i) => i.name).sort()
    expect(await cases(row('all')!.metric)).toEqual(['李大山'])
    expect(await cases('gap_unemployed')).toEqual(['李大山'])
    expect(await cases('gap_graduate')).toEqual([])
    expect(await cases('gap_all', '2026-M10')).toEqual([a.name, '李大山', '王晓'].sort())
    expect((await h.call(indicesActions, staffId('district'), 'moneyCases', { period: '2026-Q4', metric: 'gap_nobody' })).status).toBe(400)

    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  })
})
