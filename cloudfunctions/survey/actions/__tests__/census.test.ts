/**
 * 市民创业状况调查 (issue 21 item 9): the standard questionnaire any community runs, its answers
 * summed up the tree and published with n (a group under 10 hidden, and a neighbour with it when
 * it could be subtracted out), the 当地平均数 (entered 0–100 or computed; 400 / 403 / 409), the
 * community's index against it on the dashboard and the checklist, and the recount (drift 0).
 */
import ExcelJS from 'exceljs'
import type { CensusOutput, LocalAverageView, SurveyExport, SurveyView } from '../../../_shared/contracts/survey'
import type { DashboardOutput } from '../../../_shared/contracts/indices'
import { CENSUS_MIN_N, childSuppression } from '../../../_shared/domain/census'
import { type StaffMember, staffContributions } from '../../../_shared/domain/staff'
import { applyCountedChange } from '../../../_shared/runtime/counters'
import { reconcileCounters, reconcileJob, reconcileStart } from '../../../_shared/runtime/reconcile'
import { advanceJob, startJob } from '../../../_shared/runtime/jobs'
import { refreshComputedAverage } from '../../../_shared/application/census'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { indicesActions } from '../../../indices/actions'
import { profileActions } from '../../../profile/actions'
import { makeSurveyActions } from '..'
import { testExportFiles } from '../../../_shared/testing/export-files'
import { fromTemplate } from './fixtures'

const exportsForTest = testExportFiles()
const surveyActions = makeSurveyActions(exportsForTest.files)

const STAFF = testStaff('a-staff', 'b-staff', 'c-staff', 'city-officer', 'district', 'admin')

async function setup() {
  const h = await makeHarness([])
  // A second district with one street and community, so the city has two districts to compare.
  await h.store.collection('orgs').insert({ _id: 'dist-2', name: '乙区', level: 'district', parentId: 'city', path: ['city', 'dist-2'] })
  await h.store.collection('orgs').insert({ _id: 'street-2', name: '乙街道', level: 'street', parentId: 'dist-2', path: ['city', 'dist-2', 'street-2'] })
  await h.store.collection('orgs').insert({ _id: 'comm-c', name: '丙社区', level: 'community', parentId: 'street-2', path: ['city', 'dist-2', 'street-2', 'comm-c'] })
  for (const s of STAFF) {
    const member: StaffMember = { _id: s.id, name: s.id, role: s.role, orgId: s.orgId, openid: `wx-${s.id}`, username: s.id, passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z', writtenBy: 'server' }
    await h.store.transaction(async (tx) => {
      await tx.collection('staff').insert(member)
      await applyCountedChange(tx, null, { orgId: member.orgId, contributions: staffContributions(member) })
    })
  }
  /** A community's census, published; the form's questions are ignored in favour of the standard ones. */
  const run = async (staff: string) => {
    const tampered = fromTemplate('census', { questions: [{ id: 'q1', text: '随便改的题目', dimension: 'status', allowComment: false }] })
    const saved = await h.ok<SurveyView>(surveyActions, staffId(staff), 'save', tampered)
    await h.ok(surveyActions, staffId(staff), 'publish', { id: saved._id, version: saved.version })
    return saved
  }
  /** `n` residents of a community answer: s1 = 已经在创业 for the first `engaged`, 没有创过业 for the rest. */
  const answerAll = async (surveyId: string, community: string, n: number, engaged: number) => {
    for (let i = 0; i < n; i++) {
      const id = `${community}-r${i}`
      await h.ok(profileActions, resident(id), 'save', { communityId: community, targetGroups: [] })
      await h.ok(surveyActions, resident(id), 'answer', { id: surveyId, levels: [i < engaged ? 5 : 2, i % 2 ? 5 : 2, 4, 5, 3] })
    }
  }
  return { h, run, answerAll }
}

describe('市民创业状况调查', () => {
  it('every community runs the same questions; answers add up the tree and the page shows n, hiding a group under the minimum and the neighbour it could be subtracted from', async () => {
    const { h, run, answerAll } = await setup()
    const a = await run('a-staff')
    expect(a.questions.map((q) => q.id)).toEqual(['s1', 's2', 's3', 's4', 's5'])
    expect(a.questions[0].options?.length).toBe(4)
    const b = await run('b-staff')
    const c = await run('c-staff')
    await answerAll(a._id, 'comm-a', 8, 4)
    await answerAll(b._id, 'comm-b', 4, 1)
    await answerAll(c._id, 'comm-c', 4, 4)

    // A level the question does not offer (s1 has four options: levels 5…2) is refused with the field.
    const bad = await h.call(surveyActions, resident('comm-a-r0'), 'answer', { id: a._id, levels: [1, 5, 5, 5, 5] })
    expect([bad.status, bad.body.ok ? null : bad.body.error.fields?.[0].path]).toEqual([400, 'levels.0'])

    // City: 16 answers, published; 乙区 (4) is under the minimum, and 测试区 (12) is hidden with it,
    // since the city's figure minus 测试区's would give 乙区's.
    const city = await h.ok<CensusOutput>(surveyActions, resident('anyone'), 'census', { year: 2026 })
    expect(city.minN).toBe(CENSUS_MIN_N)
    expect(city.figure).toMatchObject({ n: 16, hidden: false })
    expect(city.figure.engaged).toBeCloseTo(9 / 16)
    expect(city.figure.intending).toBeCloseTo(8 / 16)
    const s4 = city.figure.questions?.find((q) => q.id === 's4')
    expect(s4?.options[0]).toMatchObject({ label: '缺资金', count: 16, share: 1 })
    expect(city.children.map((r) => [r.org._id, r.n, r.hidden, r.hiddenReason, r.engaged])).toEqual([
      ['dist', 12, true, 'complementary', null],
      ['dist-2', 4, true, 'small', null],
    ])
    // The district page is hidden too (it would give 乙区 by subtraction); n stays visible.
    const dist = await h.ok<CensusOutput>(surveyActions, resident('anyone'), 'census', { year: 2026, orgId: 'dist' })
    expect(dist.figure).toMatchObject({ n: 12, hidden: true, questions: null, engaged: null })
    expect(dist.trail.map((o) => o._id)).toEqual(['city', 'dist'])

    // Once 乙区 has enough answers of its own, both districts are published.
    await answerAll(c._id, 'comm-c', 10, 4)
    const after = await h.ok<CensusOutput>(surveyActions, resident('anyone'), 'census', { year: 2026 })
    expect(after.children.map((r) => [r.org._id, r.n, r.hidden])).toEqual([
      ['dist', 12, false],
      ['dist-2', 10, false],
    ])
    const street = await h.ok<CensusOutput>(surveyActions, resident('anyone'), 'census', { year: 2026, orgId: 'street' })
    expect(street.figure).toMatchObject({ n: 12, hidden: false })
    expect(street.figure.engaged).toBeCloseTo(5 / 12)
    // A community alone is never published.
    const comm = await h.call(surveyActions, resident('anyone'), 'census', { year: 2026, orgId: 'comm-a' })
    expect([comm.status, comm.body.ok ? null : comm.body.error.fields?.[0].path]).toEqual([404, 'orgId'])
    // The page carries counts only: no response id, no resident id anywhere in it.
    expect(JSON.stringify(after)).not.toMatch(/comm-a-r|svr_|resident/)
  })

  it('the census counters recount exactly (drift 0), and injected drift is found', async () => {
    const { h, run, answerAll } = await setup()
    const a = await run('a-staff')
    await answerAll(a._id, 'comm-a', 12, 3)
    // A re-answer moves the counts, never n.
    await h.ok(surveyActions, resident('comm-a-r11'), 'answer', { id: a._id, levels: [5, 5, 5, 5, 5] })
    const clean = await reconcileCounters(h.store, { repair: false })
    expect(clean.drift).toEqual([])
    const page = await h.ok<CensusOutput>(surveyActions, resident('x'), 'census', { year: 2026 })
    expect(page.figure).toMatchObject({ n: 12 })
    expect(page.figure.engaged).toBeCloseTo(4 / 12)
    await h.store.collection('counters').update('comm-a:2026', { inc: { census_n: 1 } })
    const drifted = await reconcileCounters(h.store, { repair: true })
    expect(drifted.drift.map((d) => [d.id, d.metric])).toContainEqual(['comm-a:2026', 'census_n'])
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
  })

  it('the census export reads as the census (创业状况 / 意愿 / 困难 / 需求 and each answer in words), with no 满意 labels', async () => {
    const { h, run, answerAll } = await setup()
    const a = await run('a-staff')
    // 8 answers: s1 已经在创业 for 3, 没有创过业 for 5; s2 alternates; s3–s5 fixed.
    await answerAll(a._id, 'comm-a', 8, 3)
    const out = await h.ok<SurveyExport>(surveyActions, staffId('a-staff'), 'export', { id: a._id })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exportsForTest.read(out) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '各题分布', '答卷明细'])
    const everything: string[] = []
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => everything.push(String(c.value)))))
    expect(everything.filter((t) => /满意/.test(t))).toEqual([])
    const summary = new Map<string, unknown>()
    wb.getWorksheet('汇总')?.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(summary.get('有效答卷（份）')).toBe(8)
    expect(summary.get('正在创业或筹备（占答卷）')).toBe(3 / 8)
    expect(summary.get('一年内打算创业（占答卷）')).toBe(4 / 8)
    const dist = (wb.getWorksheet('各题分布')?.getSheetValues() ?? []).slice(2).map((r) => (r as unknown[]).slice(1))
    expect(dist.filter((r) => r[0] === 1)).toEqual([
      [1, '创业状况', '你现在的创业情况是？', '已经在创业（办了企业或个体户）', 3, 3 / 8],
      [1, '创业状况', '你现在的创业情况是？', '正在筹备', 0, 0],
      [1, '创业状况', '你现在的创业情况是？', '以前创过业，现在没有', 0, 0],
      [1, '创业状况', '你现在的创业情况是？', '没有创过业', 5, 5 / 8],
    ])
    expect(new Set(dist.map((r) => r[1]))).toEqual(new Set(['创业状况', '创业意愿', '困难', '需求']))
    // Each answer sheet row reads in words: levels [5|2, 5|2, 4, 5, 3] (rows in keyed-hash order, no identity).
    const rows = (wb.getWorksheet('答卷明细')?.getSheetValues() ?? []).slice(2).map((r) => (r as unknown[]).slice(2))
    expect(rows).toHaveLength(8)
    for (const r of rows) expect(r.slice(2)).toEqual(['了解一些', '缺资金', '一对一创业指导'])
    expect(rows.filter((r) => r[0] === '已经在创业（办了企业或个体户）')).toHaveLength(3)
    expect(rows.filter((r) => r[0] === '没有创过业')).toHaveLength(5)
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['有，已经想好做什么', '没有打算']))
  })

  it('the small-group rule: under 10 hidden; one hidden neighbour takes the smallest shown sibling with it', () => {
    expect(childSuppression(false, [30, 12, 4])).toEqual([null, 'complementary', 'small'])
    expect(childSuppression(false, [30, 4, 3])).toEqual([null, 'small', 'small'])
    expect(childSuppression(false, [30, 0, 12])).toEqual([null, 'small', null])
    expect(childSuppression(true, [30, 12])).toEqual(['small', 'small'])
  })
})

describe('当地平均数', () => {
  it('the city enters it (0–100, else 400 on percent), others are refused (403), a closed year answers 409 naming who reopens it', async () => {
    const { h } = await setup()
    for (const percent of [120, -1]) {
      const r = await h.call(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent })
      expect([r.status, r.body.ok ? null : r.body.error.fields?.[0].path]).toEqual([400, 'percent'])
    }
    for (const who of ['a-staff', 'district']) {
      expect((await h.call(indicesActions, staffId(who), 'setLocalAverage', { year: 2026, percent: 12 })).status).toBe(403)
    }
    expect(await h.store.collection('localAverages').count()).toBe(0)
    const set = await h.ok<LocalAverageView>(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: 12.5 })
    expect(set).toMatchObject({ percent: 12.5, source: 'entered', sourceLabel: '市创建办录入' })
    await h.ok(indicesActions, staffId('city-officer'), 'closeTargetYear', { year: 2026, closed: true })
    const closed = await h.call(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: 14 })
    expect(closed.status).toBe(409)
    expect(closed.body.ok ? '' : closed.body.error.message).toContain('市创建办重新开放')
    expect((await h.store.collection('localAverages').get('2026'))?.percent).toBe(12.5)
  })

  it('computed: the city’s own 创业活动指数 (Σ engaged ÷ Σ working-age); each community’s dashboard and checklist show theirs against it', async () => {
    const { h } = await setup()
    // Nothing to compute from yet: 400 on percent, nothing written.
    const none = await h.call(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: null })
    expect([none.status, none.body.ok ? null : none.body.error.fields?.[0].path]).toEqual([400, 'percent'])
    await h.ok(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 100 })
    await h.ok(indicesActions, staffId('b-staff'), 'saveBaseline', { period: '2026', workingAge: 300 })
    // Engaged residents as the ledger's writes count them (20 in 甲, 12 in 乙).
    await h.store.transaction(async (tx) => {
      await applyCountedChange(tx, null, { orgId: 'comm-a', contributions: [{ date: '2026-03-01', inc: { engaged: 20 } }] })
      await applyCountedChange(tx, null, { orgId: 'comm-b', contributions: [{ date: '2026-03-01', inc: { engaged: 12 } }] })
    })
    const avg = await h.ok<LocalAverageView>(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: null })
    // (20 + 12) ÷ (100 + 300) = 8%: weighted by size, not the mean of 20% and 4%.
    expect(avg).toMatchObject({ source: 'computed', percent: 8, num: 32, den: 400 })
    const dashA = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
    expect(dashA.localAverage).toMatchObject({ view: { percent: 8 }, above: true })
    const resultsA = dashA.criteria.find((c) => c.criterion === 'results')
    expect(resultsA?.checks?.[0]).toMatchObject({ label: '劳动者创业指数高于当地平均数', met: true, detail: '创业活动指数 20.0%，当地平均数 8%' })
    const dashB = await h.ok<DashboardOutput>(indicesActions, staffId('b-staff'), 'dashboard', { period: '2026' })
    expect(dashB.localAverage?.above).toBe(false)
    expect(dashB.criteria.find((c) => c.criterion === 'results')?.checks?.[0].met).toBe(false)
    // The public page shows the same average.
    const page = await h.ok<CensusOutput>(surveyActions, resident('x'), 'census', { year: 2026 })
    expect(page.average).toMatchObject({ percent: 8, source: 'computed' })
  })

  it('nightly: a computed 当地平均数 is computed again after the recount; an entered one or a closed year stays', async () => {
    const { h } = await setup()
    await h.ok(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 100 })
    await h.ok(indicesActions, staffId('b-staff'), 'saveBaseline', { period: '2026', workingAge: 300 })
    const engage = (orgId: string, n: number) => h.store.transaction((tx) => applyCountedChange(tx, null, { orgId, contributions: [{ date: '2026-03-01', inc: { engaged: n } }] }))
    await engage('comm-a', 20)
    await engage('comm-b', 12)
    await h.ok(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: null })
    const night = new Date('2026-11-23T19:30:00.000Z')
    // Nothing moved: nothing written.
    expect(await refreshComputedAverage(h.store, night)).toBeNull()
    // 8 more residents start in 甲: (28 + 12) ÷ 400 = 10%.
    await engage('comm-a', 8)
    expect(await refreshComputedAverage(h.store, night)).toMatchObject({ percent: 10, num: 40, den: 400, source: 'computed', setBy: 'timer', setAt: night.toISOString() })
    expect((await h.ok<CensusOutput>(surveyActions, resident('x'), 'census', { year: 2026 })).average).toMatchObject({ percent: 10 })

    // The nightly job runs it after repairing: these engaged counts have no records behind them, so
    // the repair takes them to 0 and the average follows (0 of 400).
    const job = await startJob(h.store, 'reconcile', { orgId: 'city', startedBy: 'timer', now: night, ...reconcileStart(true, await h.store.collection('orgs').count()) })
    const done = await advanceJob(h.store, reconcileJob, job._id, { ms: 60_000, chunks: 100 })
    expect(done?.state).toBe('done')
    expect(done?.result).toMatchObject({ repaired: true, localAverage: { year: 2026, percent: 0 } })
    expect(await h.store.collection('localAverages').get('2026')).toMatchObject({ percent: 0, num: 0, den: 400 })

    // An entered figure is the city's: never recomputed.
    await engage('comm-a', 20)
    await h.ok(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: 7.5 })
    expect(await refreshComputedAverage(h.store, night)).toBeNull()
    expect(await h.store.collection('localAverages').get('2026')).toMatchObject({ percent: 7.5, source: 'entered' })
    // A closed year stays as it was closed.
    await h.ok(indicesActions, staffId('city-officer'), 'setLocalAverage', { year: 2026, percent: null })
    await h.store.collection('targetYears').put({ _id: '2026', closed: true } as never)
    await engage('comm-b', 40)
    expect(await refreshComputedAverage(h.store, night)).toBeNull()
  })
})
