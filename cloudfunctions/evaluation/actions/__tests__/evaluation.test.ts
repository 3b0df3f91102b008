import ExcelJS from 'exceljs'
import type { ApplicationView, DeadlinesOutput, DocumentsOutput, ListOutput, RankingRow, RemindOutput } from '../../../_shared/contracts/evaluation'
import type { MyCase } from '../../../_shared/contracts/intent'
import type { InboxOutput } from '../../../_shared/contracts/notify'
import { draft, makeHarness, resident, staffId, testStaff, testStaffMember } from '../../../_shared/testing/harness'
import { formSections } from '../../../_shared/domain/evaluation-form'
import type { PolicyView } from '../../../_shared/contracts/policy'
import { policyActions } from '../../../policy/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { intentActions } from '../../../intent/actions'
import { makeLedgerActions } from '../../../ledger/actions'
import { inboxActions } from '../../../notify/actions'
import { profileActions } from '../../../profile/actions'
import { makeSurveyActions } from '../../../survey/actions'
import { cloudFilePath, testCloudExportFiles, testExportFiles } from '../../../_shared/testing/export-files'
import { drawSample } from '../../application'
import { SHEETS } from '../../workbook'
import { makeEvaluationActions } from '..'

const surveyActions = makeSurveyActions(testExportFiles().files)

const STAFF = testStaff('a-staff', 'a-lead', 'b-lead', 'reviewer', 'district', 'city', 'admin')

/** Documents land in a temporary folder, handed over as a cloud file id naming the file's path. */
const tmpFiles = () => testCloudExportFiles('evaluation-docs-').files

const A = 'comm-a:2026'
const B = 'comm-b:2026'

async function setup() {
  const h = await makeHarness(STAFF)
  // A second street with its own reviewer, to show scope.
  await h.store.collection('orgs').insert({ _id: 'street2', name: '另一街道', level: 'street', parentId: 'dist', path: ['city', 'dist', 'street2'] })
  await h.store.collection('orgs').insert({ _id: 'comm-c', name: '丙社区', level: 'community', parentId: 'street2', path: ['city', 'dist', 'street2', 'comm-c'] })
  await h.store.collection('staff').insert({ ...testStaffMember({ id: 'reviewer2', role: 'street_reviewer', orgId: 'street2' }), openid: 'wx-r2' })
  const ev = makeEvaluationActions(() => tmpFiles())
  const ledger = makeLedgerActions(() => tmpFiles())
  const ok = <T = ApplicationView>(who: string, action: string, data: unknown) => h.ok<T>(ev, staffId(who), action, data)
  const call = (who: string, action: string, data: unknown) => h.call(ev, staffId(who), action, data)
  /** Six residents of community A on the ledger, guided; two started ventures, one had a benefit. */
  async function ledgerOfA() {
    h.setNow('2026-06-01T02:00:00.000Z')
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      const c = await h.ok<MyCase>(intentActions, resident(`r${i}`), 'submit', registration({ idCard: idCard(`51040219900101${String(100 + i)}`), phone: `1381234560${i}`, name: `居民${i}` }))
      await h.ok(ledger, staffId('a-staff'), 'addFollowUp', { id: c._id, kind: 'guidance', date: '2026-06-01', note: '一对一指导开店流程', outcome: '准备开店', visibleToResident: true, nextFollowUpDate: '2026-07-01' })
      ids.push(c._id)
    }
    for (const id of ids.slice(0, 2)) {
      await h.ok(ledger, staffId('a-staff'), 'recordVenture', { id, name: '早餐店', kind: 'individual', registrationDate: '2026-06-01', jobsCreated: 3, status: 'operating', closureDate: '' })
    }
    await h.ok(ledger, staffId('a-staff'), 'recordBenefit', { id: ids[0], policyId: null, policyTitle: '一次性创业补贴', kind: 'startup_subsidy', amountFen: (5000) * 100, approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: '2026-06-01', note: '' })
    return ids
  }
  /** Community B's application, submitted and passed by the street. */
  async function passedB() {
    h.setNow('2026-09-10T02:00:00.000Z')
    const d = await ok('b-lead', 'draft', { year: 2026 })
    const f = await ok('b-lead', 'draft', { year: 2026, version: d.version, form: { contactName: '王主任', contactPhone: '0812-1234567', overview: '乙社区 1200 户' } })
    await ok('b-lead', 'submit', { id: B, version: f.version })
    h.setNow('2026-10-10T02:00:00.000Z')
    const b = await ok('reviewer', 'get', { id: B })
    return ok('reviewer', 'review', { id: B, version: b.version, decision: 'pass', opinion: '材料齐全，同意上报' })
  }
  return { h, ev, ok, call, ledgerOfA, passedB }
}

describe('the evaluation chain', () => {
  it('keeps a submitted 申报表 as a snapshot with its definition version and date, and shows the live figure beside it when they differ', async () => {
    const { h, ok, ledgerOfA } = await setup()
    const cases = await ledgerOfA()
    h.setNow('2026-09-10T02:00:00.000Z')
    const opened = await ok('a-lead', 'draft', { year: 2026 })
    const filled = await ok('a-lead', 'draft', { year: 2026, version: opened.version, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '甲社区' } })
    const submitted = await ok('a-lead', 'submit', { id: A, version: filled.version })
    expect(submitted.figures).toMatchObject({ definitionVersion: 3, asOf: '2026-09-10', newIndividual: 2 })
    expect(submitted.live).toBeNull()
    // A third venture is recorded after submission: the form keeps 2, the live figure says 3.
    const ledger = makeLedgerActions(() => {
      throw new Error('no exports')
    })
    h.setNow('2026-09-20T02:00:00.000Z')
    await h.ok(ledger, staffId('a-staff'), 'recordVenture', { id: cases[2], name: '修车铺', kind: 'individual', registrationDate: '2026-09-12', jobsCreated: 1, status: 'operating', closureDate: '' })
    const seen = await ok('reviewer', 'get', { id: A })
    expect(seen.figures.newIndividual).toBe(2)
    expect(seen.live?.asOf).toBe('2026-09-20')
    expect(seen.live?.changed).toContainEqual({ label: '个体工商户净增', snapshot: '2', live: '3' })
  })

  it('优惠政策落实 rows give 政策享受率 by target group from the policies in force, with 应享未享', async () => {
    const { h, ok, ledgerOfA } = await setup()
    await ledgerOfA()
    h.setNow('2026-09-10T02:00:00.000Z')
    const opened = await ok('a-lead', 'draft', { year: 2026 })
    // 优惠政策落实 by eligibility: no policy in force yet, so nobody is judged eligible; once the
    // district publishes one for returning migrants, both entrepreneurs are, and the benefit outside
    // the catalogue (an override) does not make either of them 已享受.
    expect(opened.figures.enjoyment).toEqual([expect.objectContaining({ key: 'all', eligible: 0 })])
    const policy = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft({ title: '返乡创业补贴', targetGroups: ['returning_migrant'] }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: policy._id })
    const redrawn = await ok('a-lead', 'draft', { year: 2026, version: opened.version, refresh: true })
    expect(redrawn.figures.enjoyment?.map((r) => [r.key, r.eligible, r.benefited, r.missing])).toEqual([['all', 2, 0, 2], ['returning_migrant', 2, 0, 2]])
    expect(formSections(redrawn).find((s) => s.title.startsWith('二、'))?.rows).toContainEqual(['享受率 · 返乡农民工', '0.0%（0 / 2），应享未享 2 人'])
  })

  it('walks community A from draft to demonstration community, with a return on the way, keeping who, when and what', async () => {
    const { h, ok, call, ledgerOfA } = await setup()
    const cases = await ledgerOfA()

    // September: the community lead opens the year's application, filled from the data.
    h.setNow('2026-09-10T02:00:00.000Z')
    const opened = await ok('a-lead', 'draft', { year: 2026 })
    expect(opened._id).toBe(A)
    expect(opened.status).toBe('draft')
    expect(opened.figures).toMatchObject({ staffInPlace: 2, registered: 6, guided: 6, started: 2, jobsCreated: 6, newIndividual: 2, benefitCount: 1, benefitAmount: 5000 })
    expect(opened.figures.guidanceShare).toMatchObject({ num: 6, den: 6, value: 1 })
    expect(opened.figures.benefits.find((b) => b.kind === 'startup_subsidy')).toMatchObject({ count: 1, amount: 5000 })
    expect(opened.report.sections.map((s) => s.criterion)).toEqual(['organisation', 'policy', 'environment', 'assistance', 'results'])
    expect(opened.report.sections.find((s) => s.criterion === 'results')?.text).toContain('帮扶成功创业 2 人，带动就业 6 人')
    expect(opened.may).toMatchObject({ edit: true, submit: true, review: false })
    // Opening again returns the same application: one per community per year.
    expect((await ok('a-lead', 'draft', { year: 2026 })).version).toBe(opened.version)

    // Submitting an unfinished application names the missing fields.
    const unfinished = await call('a-lead', 'submit', { id: A, version: opened.version })
    expect(unfinished.status).toBe(400)
    expect(unfinished.body.ok ? [] : unfinished.body.error.fields?.map((f) => f.path)).toEqual(['form.contactPhone'])

    const report = { sections: opened.report.sections.map((s) => ({ ...s, text: `${s.text} 我们的做法：每周二开放创业服务站。` })), summary: '五项标准基本达到，帮扶覆盖率 100%，下一步扩大场地。' }
    const edited = await ok('a-lead', 'draft', { year: 2026, version: opened.version, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '甲社区 2300 户，创业服务站 1 个' }, report })
    expect(edited.version).toBe(opened.version + 1)
    // A stale version is refused and nothing changes.
    expect((await call('a-lead', 'draft', { year: 2026, version: opened.version, form: { contactName: 'x', contactPhone: '', overview: '' } })).status).toBe(409)
    expect((await ok('a-lead', 'get', { id: A })).form.contactName).toBe('张主任')

    const submitted = await ok('a-lead', 'submit', { id: A, version: edited.version })
    expect(submitted.status).toBe('submitted')
    expect(submitted.may.edit).toBe(false)
    expect((await call('a-lead', 'draft', { year: 2026, version: submitted.version, report })).status).toBe(409)

    // October: the street returns it with reasons; the community edits and resubmits.
    h.setNow('2026-10-08T02:00:00.000Z')
    const queue = await ok<ListOutput>('reviewer', 'list', { year: 2026 })
    expect(queue.items.find((i) => i.communityId === 'comm-a')).toMatchObject({ status: 'submitted', mine: true })
    const returned = await ok('reviewer', 'review', { id: A, version: submitted.version, decision: 'return', opinion: '请补充创业服务站的照片和制度' })
    expect(returned.status).toBe('returned')
    const back = await ok<ListOutput>('a-lead', 'list', { year: 2026 })
    expect(back.items[0]).toMatchObject({ communityId: 'comm-a', status: 'returned', lastNote: '请补充创业服务站的照片和制度', mine: true })
    const fixed = await ok('a-lead', 'draft', { year: 2026, version: returned.version, form: { ...edited.form, overview: '甲社区 2300 户，创业服务站 1 个，制度上墙' } })
    const resubmitted = await ok('a-lead', 'submit', { id: A, version: fixed.version })
    const passed = await ok('reviewer', 'review', { id: A, version: resubmitted.version, decision: 'pass', opinion: '已补充，同意上报' })
    expect(passed.status).toBe('street_passed')

    // November: the district certifies.
    h.setNow('2026-11-10T02:00:00.000Z')
    const certified = await ok('district', 'certify', { id: A, version: passed.version, decision: 'certify', opinion: '达到创建标准，予以认定' })
    expect(certified.status).toBe('certified')

    // December: the city draws a reproducible sample, calls, sends the questionnaire.
    h.setNow('2026-12-05T02:00:00.000Z')
    const sampled = await ok('city', 'sample', { id: A, seed: '20261205', size: 3 })
    expect(sampled.sample).toMatchObject({ seed: '20261205', size: 3, population: 6 })
    expect(sampled.sampleRows).toHaveLength(3)
    expect(sampled.sampleRows.map((r) => r.intentId)).toEqual(drawSample(A, '20261205', [...cases].sort(), 3))
    for (const r of sampled.sampleRows) expect(r.phoneMasked).toMatch(/^138\*{4}560\d$/)
    expect(JSON.stringify(sampled)).not.toMatch(/1381234560\d/)
    // The same seed draws the same people; another seed draws from the same ledger again.
    expect((await ok('city', 'sample', { id: A, seed: '20261205', size: 3 })).sample?.intentIds).toEqual(sampled.sample?.intentIds)
    const other = await ok('city', 'sample', { id: A, seed: 'another', size: 3 })
    expect(other.sample?.intentIds).toEqual(drawSample(A, 'another', [...cases].sort(), 3))
    const again = await ok('city', 'sample', { id: A, seed: '20261205', size: 3 })
    const [first, second, third] = again.sample?.intentIds ?? []

    // The full number is revealed on request and audited.
    const phone = await ok<{ value: string }>('city', 'revealPhone', { id: A, intentId: first })
    expect(phone.value).toMatch(/^1381234560\d$/)
    const audit = await h.store.collection('audit').find({ where: { op: 'eq', field: 'kind', value: 'reveal' }, limit: 5 })
    expect(audit.items).toEqual([expect.objectContaining({ kind: 'reveal', actorId: 'city', target: first })])
    expect((await call('city', 'revealPhone', { id: A, intentId: 'int_not_sampled' })).status).toBe(404)

    const noConfirm = await call('city', 'recordCall', { id: A, intentId: first, reached: true })
    expect(noConfirm.body.ok ? [] : noConfirm.body.error.fields?.map((f) => f.path)).toEqual(['confirms'])
    await ok('city', 'recordCall', { id: A, intentId: first, reached: true, confirms: true, satisfaction: 5, remarks: '确认得到一对一指导' })
    await ok('city', 'recordCall', { id: A, intentId: second, reached: true, confirms: false, satisfaction: 3, remarks: '' })
    await ok('city', 'recordCall', { id: A, intentId: third, reached: false, remarks: '无人接听' })
    // Calls are recorded, so the sample is fixed now.
    expect((await call('city', 'sample', { id: A, seed: 'late-change', size: 3 })).status).toBe(409)
    // Concluding before the questionnaire went out is refused.
    expect((await call('city', 'spotCheck', { id: A, step: 'conclude', version: again.version + 4, methods: ['phone'], findings: '电话回访情况良好' })).status).toBe(409)

    const sent = await ok('city', 'spotCheck', { id: A, step: 'questionnaire', closesOn: '2026-12-25' })
    expect(sent.surveyId).toBeTruthy()
    // A ledger resident finds it in their inbox and answers it like any survey.
    const inbox = await h.ok<InboxOutput>(inboxActions, resident('r1'), 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ title: '市创建办邀请你填写抽查问卷', link: `/pkg-policy/pages/survey/index?id=${sent.surveyId}` })
    for (const who of ['r1', 'r2']) {
      await h.ok(profileActions, resident(who), 'save', { communityId: 'comm-a', targetGroups: [] })
      await h.ok(surveyActions, resident(who), 'answer', { id: sent.surveyId, levels: [5, 5, 5, 5, 5] })
    }
    // The community it checks cannot end the city's questionnaire.
    expect((await h.call(surveyActions, staffId('a-staff'), 'close', { id: sent.surveyId })).status).toBe(403)

    const view = await ok('city', 'get', { id: A })
    expect(view.summary).toMatchObject({ sampleSize: 3, called: 3, reached: 2, reachedRate: 2 / 3, confirmed: 1, confirmationRate: 0.5, meanSatisfaction: 4, questionnaireIndex: 100, questionnaireN: 2 })
    expect(view.summary.score).toBeCloseTo((50 + 75 + 100) / 3)
    // Selecting before the spot check is concluded skips a step.
    expect((await call('city', 'select', { id: A, version: view.version, opinion: '评为示范' })).status).toBe(409)
    const checked = await ok('city', 'spotCheck', { id: A, step: 'conclude', version: view.version, methods: ['site_visit', 'ledger_check', 'questionnaire', 'phone'], findings: '台帐完整，回访情况基本属实' })
    expect(checked.status).toBe('spot_checked')
    // No more calls once concluded.
    expect((await call('city', 'recordCall', { id: A, intentId: first, reached: false })).status).toBe(409)

    const ranking = await ok<{ rows: RankingRow[] }>('city', 'ranking', { year: 2026 })
    expect(ranking.rows.map((r) => [r.communityName, r.rank])).toEqual([['甲社区', 1]])
    const selected = await ok('city', 'select', { id: A, version: checked.version, opinion: '抽查结果优秀，评为示范社区' })
    expect(selected.status).toBe('selected')

    expect(selected.history.map((s) => [s.step, s.byId, s.status])).toEqual([
      ['draft', 'a-lead', 'draft'],
      ['submit', 'a-lead', 'submitted'],
      ['return', 'reviewer', 'returned'],
      ['submit', 'a-lead', 'submitted'],
      ['pass', 'reviewer', 'street_passed'],
      ['certify', 'district', 'certified'],
      ['spotCheck', 'city', 'spot_checked'],
      ['select', 'city', 'selected'],
    ])
    expect(selected.history[2]).toMatchObject({ at: '2026-10-08T02:00:00.000Z', byRole: 'street_reviewer', note: '请补充创业服务站的照片和制度', late: false })
  })

  it('the district rejects with reasons, and a rejected application goes no further', async () => {
    const { ok, call, passedB } = await setup()
    const passed = await passedB()
    const rejected = await ok('district', 'certify', { id: B, version: passed.version, decision: 'reject', opinion: '帮扶覆盖率未达到 100%' })
    expect(rejected.status).toBe('rejected')
    expect(rejected.history.at(-1)).toMatchObject({ step: 'reject', byId: 'district', note: '帮扶覆盖率未达到 100%' })
    expect((await call('district', 'certify', { id: B, version: rejected.version, decision: 'certify', opinion: '改为认定' })).status).toBe(409)
    expect((await call('city', 'sample', { id: B, seed: 'x' })).status).toBe(409)
    expect((await call('city', 'select', { id: B, version: rejected.version, opinion: '评为示范' })).status).toBe(409)
    expect((await call('b-lead', 'submit', { id: B, version: rejected.version })).status).toBe(409)
    // A reason is required.
    const bare = await call('district', 'certify', { id: B, version: rejected.version, decision: 'reject', opinion: '' })
    expect(bare.body.ok ? [] : bare.body.error.fields?.map((f) => f.path)).toEqual(['opinion'])
  })

  it('no level acts outside its role or scope, or skips a step', async () => {
    const { h, ok, call, passedB } = await setup()
    h.setNow('2026-09-10T02:00:00.000Z')
    // Only the community lead drafts; community staff read.
    expect((await call('a-staff', 'draft', { year: 2026 })).status).toBe(403)
    expect((await call('reviewer', 'draft', { year: 2026 })).status).toBe(403)
    const a = await ok('a-lead', 'draft', { year: 2026 })
    expect((await ok('a-staff', 'get', { id: A })).may.edit).toBe(false)
    // Another community's lead, and another street's reviewer, cannot even see it.
    expect((await call('b-lead', 'get', { id: A })).status).toBe(404)
    expect((await call('b-lead', 'submit', { id: A, version: a.version })).status).toBe(404)
    // The street cannot review a draft (skipping submit); the district cannot certify it.
    expect((await call('reviewer', 'review', { id: A, version: a.version, decision: 'pass', opinion: '同意上报' })).status).toBe(409)
    expect((await call('district', 'certify', { id: A, version: a.version, decision: 'certify', opinion: '予以认定' })).status).toBe(409)
    const passed = await passedB()
    expect((await call('reviewer2', 'get', { id: B })).status).toBe(404)
    expect((await call('reviewer2', 'review', { id: B, version: passed.version, decision: 'return', opinion: '退回重报' })).status).toBe(404)
    // Each step belongs to one role: the street cannot certify, the district cannot review, the city cannot certify.
    expect((await call('reviewer', 'certify', { id: B, version: passed.version, decision: 'certify', opinion: '予以认定' })).status).toBe(403)
    expect((await call('district', 'review', { id: B, version: passed.version, decision: 'return', opinion: '退回重报' })).status).toBe(403)
    expect((await call('city', 'certify', { id: B, version: passed.version, decision: 'certify', opinion: '予以认定' })).status).toBe(403)
    expect((await call('district', 'sample', { id: B, seed: 'x' })).status).toBe(403)
    expect((await call('district', 'select', { id: B, version: passed.version, opinion: '评为示范' })).status).toBe(403)
    // The city cannot spot-check before the district certified.
    expect((await call('city', 'sample', { id: B, seed: 'x' })).status).toBe(409)
    // Scope lists: the street sees its two communities, the other street only its own.
    expect((await ok<ListOutput>('reviewer', 'list', { year: 2026 })).items.map((i) => i.communityId).sort()).toEqual(['comm-a', 'comm-b'])
    expect((await ok<ListOutput>('reviewer2', 'list', { year: 2026 })).items.map((i) => [i.communityId, i.status])).toEqual([['comm-c', 'none']])
    // Staff only: a resident is refused.
    expect((await h.call(makeEvaluationActions(() => tmpFiles()), resident('r1'), 'list', { year: 2026 })).status).toBe(403)
  })
})

describe('deadlines and reminders', () => {
  it('closes submission at the apply deadline, which the city can move; a returned application may come back until the street’s deadline', async () => {
    const { h, ok, call } = await setup()
    h.setNow('2026-09-10T02:00:00.000Z')
    const a = await ok('a-lead', 'draft', { year: 2026, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '' } })
    h.setNow('2026-10-02T02:00:00.000Z')
    const late = await call('a-lead', 'submit', { id: A, version: a.version })
    expect(late.status).toBe(409)
    expect(late.body.ok ? '' : late.body.error.message).toContain('2026-09-30')
    // Only the city (or admin) sets deadlines, in order.
    const moved = { apply: '2026-10-15', review: '2026-11-05', certify: '2026-11-30', spotCheck: '2026-12-31' }
    expect((await call('a-lead', 'deadlines', { year: 2026, set: moved })).status).toBe(403)
    expect((await call('city', 'deadlines', { year: 2026, set: { ...moved, review: '2026-10-01' } })).status).toBe(400)
    expect(await ok<DeadlinesOutput>('city', 'deadlines', { year: 2026, set: moved })).toMatchObject({ ...moved, custom: true, mayEdit: true })
    expect(await ok<DeadlinesOutput>('a-lead', 'deadlines', { year: 2026 })).toMatchObject({ apply: '2026-10-15', mayEdit: false })
    const submitted = await ok('a-lead', 'submit', { id: A, version: a.version })
    expect(submitted.deadlines.apply).toBe('2026-10-15')
    h.setNow('2026-10-20T02:00:00.000Z')
    const returned = await ok('reviewer', 'review', { id: A, version: submitted.version, decision: 'return', opinion: '请补充社区基本情况' })
    const resubmitted = await ok('a-lead', 'submit', { id: A, version: returned.version })
    // A step after its stage's deadline is taken but marked late.
    h.setNow('2026-11-07T02:00:00.000Z')
    const passed = await ok('reviewer', 'review', { id: A, version: resubmitted.version, decision: 'pass', opinion: '同意上报' })
    expect(passed.history.at(-1)).toMatchObject({ step: 'pass', late: true })
    // The default year still uses the seeds' months.
    expect(await ok<DeadlinesOutput>('a-lead', 'deadlines', { year: 2027 })).toMatchObject({ apply: '2027-09-30', review: '2027-10-31', certify: '2027-11-30', spotCheck: '2027-12-31', custom: false })
  })

  it('reminds each level in its inbox as its deadline approaches, once per window', async () => {
    const { h, ok, call } = await setup()
    // 23 Sep: a week before the apply deadline; A has submitted, B has not started.
    h.setNow('2026-09-20T02:00:00.000Z')
    const a = await ok('a-lead', 'draft', { year: 2026, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '' } })
    await ok('a-lead', 'submit', { id: A, version: a.version })
    h.setNow('2026-09-23T02:00:00.000Z')
    expect((await call('city', 'remind', {})).status).toBe(403)
    expect(await ok<RemindOutput>('admin', 'remind', {})).toEqual({ sent: 1, today: '2026-09-23' })
    const bInbox = await h.ok<InboxOutput>(inboxActions, staffId('b-lead'), 'inbox', {})
    expect(bInbox.items).toEqual([expect.objectContaining({ kind: 'evaluation', title: '社区申报将于 2026-09-30 截止', link: '/staff/pages/evaluation/index' })])
    expect((await h.ok<InboxOutput>(inboxActions, staffId('a-lead'), 'inbox', {})).items).toEqual([])
    // Again the same day, or later in the same window: nothing new.
    expect((await ok<RemindOutput>('admin', 'remind', {})).sent).toBe(0)
    h.setNow('2026-09-25T02:00:00.000Z')
    expect((await ok<RemindOutput>('admin', 'remind', {})).sent).toBe(0)
    // The day before: the last reminder.
    h.setNow('2026-09-29T02:00:00.000Z')
    expect((await ok<RemindOutput>('admin', 'remind', {})).sent).toBe(1)
    // A week before the street's deadline the reviewer of A's street hears, the other street does not.
    h.setNow('2026-10-25T02:00:00.000Z')
    expect((await ok<RemindOutput>('admin', 'remind', {})).sent).toBe(1)
    const rInbox = await h.ok<InboxOutput>(inboxActions, staffId('reviewer'), 'inbox', {})
    expect(rInbox.items[0]).toMatchObject({ title: '街道初评将于 2026-10-31 截止', body: expect.stringContaining('甲社区') })
    expect((await h.ok<InboxOutput>(inboxActions, staffId('reviewer2'), 'inbox', {})).items).toEqual([])
  })
})

describe('evaluation.documents', () => {
  it('writes the form and the report as an .xlsx that reads back with the figures and the Chinese text', async () => {
    const { h, ok, ledgerOfA } = await setup()
    await ledgerOfA()
    h.setNow('2026-09-10T02:00:00.000Z')
    const a = await ok('a-lead', 'draft', { year: 2026 })
    await ok('a-lead', 'draft', { year: 2026, version: a.version, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '=1+1 甲社区 2300 户' } })
    const doc = await ok<DocumentsOutput>('reviewer', 'documents', { id: A })
    expect(doc.fileName).toBe('创业型社区申报-甲社区-2026.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(cloudFilePath(doc))
    const text = (name: string) => {
      const ws = wb.getWorksheet(name)
      const lines: string[] = []
      ws?.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join(' | ')))
      return lines
    }
    const form = text(SHEETS.form)
    expect(form[0]).toBe('甲社区 2026 年度创业型社区申报表')
    expect(form).toEqual(expect.arrayContaining(['联系人 | 张主任', '创业指导员在岗 | 2 名', '一次性创业补贴 | 1 人次，5,000 元', '帮扶成功创业 | 2 人', '带动就业 | 6 人', '帮扶覆盖率（已指导 / 提出帮扶需求） | 100.0%（6 / 6）']))
    // Text that looks like a formula stays text.
    expect(form).toContain("社区基本情况 | '=1+1 甲社区 2300 户")
    const report = text(SHEETS.report)
    expect(report.some((l) => l.startsWith('五、创业成果显著'))).toBe(true)
    expect(report.some((l) => l.includes('帮扶成功创业 2 人，带动就业 6 人'))).toBe(true)
    expect(report).toContain('流程记录')
    const audit = await h.store.collection('audit').find({ where: { op: 'eq', field: 'kind', value: 'export' }, limit: 5 })
    expect(audit.items).toEqual([expect.objectContaining({ kind: 'export', actorId: 'reviewer' })])
  })
})
