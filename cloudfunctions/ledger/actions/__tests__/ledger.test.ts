import { readdirSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { CaseView, ExportOutput, GapsOutput, LedgerListOutput, MineOutput, MyCase, RevealOutput } from '../../../_shared/contracts/intent'
import type { PolicyView } from '../../../_shared/contracts/policy'
import type { Identity } from '../../../_shared/runtime/caller'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { quarterCounts } from '../../../_shared/testing/counters'
import { intentActions } from '../../../intent/actions'
import { ID_A, ID_B, ID_C, registration } from '../../../intent/actions/__tests__/fixtures'
import { policyActions } from '../../../policy/actions'
import { cloudFilePath, testCloudExportFiles } from '../../../_shared/testing/export-files'
import { EXPORT_HEADERS } from '../../../_shared/files/workbook'
import { makeLedgerActions } from '..'

const STAFF = testStaff('a-staff', 'a-lead', 'b-staff', 'b-lead', 'district', 'reviewer')

/** Anything shaped like a full 18-character ID number. */
const RAW_ID = /\d{17}[\dX]/

async function setup() {
  const h = await makeHarness(STAFF)
  // Exports land in a temporary folder, handed over as a cloud file id naming the file's path.
  const out = testCloudExportFiles('ledger-export-')
  const ledger = makeLedgerActions(() => out.files)
  const register = async (who: string, over = {}) => h.ok<MyCase>(intentActions, resident(who), 'submit', registration(over))
  const call = <T>(who: Identity | string, action: string, data: unknown) =>
    h.call<T>(ledger, typeof who === 'string' ? staffId(who) : who, action, data)
  const ok = <T>(who: string, action: string, data: unknown) => h.ok<T>(ledger, staffId(who), action, data)
  const counter = async (org: string, period: string) => (await h.store.collection('counters').get(`${org}:${period}`)) ?? {}
  const followUp = (id: string, over = {}) => ({
    id,
    kind: 'guidance',
    date: '2026-11-22',
    note: '上门一对一指导，讲解了开店流程和担保贷款',
    outcome: '准备申请创业担保贷款',
    visibleToResident: true,
    nextFollowUpDate: '2026-12-06',
    ...over,
  })
  const venture = (id: string, over = {}) => ({
    id,
    name: '小梅早餐店',
    kind: 'individual',
    registrationDate: '2026-11-20',
    jobsCreated: 3,
    status: 'operating',
    closureDate: '',
    ...over,
  })
  return { h, ledger, out, register, call, ok, counter, followUp, venture }
}

describe('ledger.list', () => {
  it('lists the community’s cases newest first with phone and ID masked, never a raw ID number', async () => {
    const { h, register, ok } = await setup()
    await register('r1')
    h.setNow('2026-11-22T03:00:00.000Z')
    await register('r2', { idCard: ID_B, name: '李大山', needs: [], fundingAmount: null, targetGroups: ['unemployed'] })
    await register('r3', { idCard: ID_C, communityId: 'comm-b', name: '王五' })
    const page = await ok<LedgerListOutput>('a-staff', 'list', {})
    expect(page.items.map((i) => i.name)).toEqual(['李大山', '张小梅'])
    expect(page.items[1]).toMatchObject({ phoneMasked: '138****5678', idCardMasked: `${ID_A.slice(0, 6)}********${ID_A.slice(-4)}` })
    expect(JSON.stringify(page)).not.toMatch(RAW_ID)
    expect(JSON.stringify(page)).not.toContain('13812345678')
  })

  it('filters by stage, need, group, unguided and overdue, and pages with a cursor', async () => {
    const { h, register, ok, followUp } = await setup()
    const a = await register('r1')
    await register('r2', { idCard: ID_B, name: '李大山', needs: ['training'], fundingAmount: null, targetGroups: ['unemployed'] })
    await register('r3', { idCard: ID_C, name: '赵六', needs: [], fundingAmount: null, targetGroups: [] })
    const names = async (data: object) => (await ok<LedgerListOutput>('a-staff', 'list', data)).items.map((i) => i.name).sort()
    expect(await names({ need: 'funding' })).toEqual(['张小梅'])
    expect(await names({ targetGroup: 'unemployed' })).toEqual(['李大山'])
    expect(await names({ flag: 'unguided' })).toEqual(['张小梅', '李大山'].sort())
    await ok('a-staff', 'addFollowUp', followUp(a._id, { nextFollowUpDate: '2026-11-25' }))
    expect(await names({ flag: 'unguided' })).toEqual(['李大山'])
    expect(await names({ stage: 'guided' })).toEqual(['张小梅'])
    expect(await names({ flag: 'overdue' })).toEqual([])
    h.setNow('2026-11-26T02:00:00.000Z')
    expect(await names({ flag: 'overdue' })).toEqual(['张小梅'])
    expect(await names({ keyword: '大山' })).toEqual(['李大山'])

    const first = await ok<LedgerListOutput>('a-staff', 'list', { limit: 2 })
    const second = await ok<LedgerListOutput>('a-staff', 'list', { limit: 2, after: first.next })
    expect(first.items).toHaveLength(2)
    expect(second.items).toHaveLength(1)
    expect(second.next).toBeNull()
    expect(new Set([...first.items, ...second.items].map((i) => i._id)).size).toBe(3)
  })

  it('lets street and district staff read the cases below them, and hides withdrawn cases unless asked', async () => {
    const { h, register, ok, call } = await setup()
    const a = await register('r1')
    await register('r3', { idCard: ID_C, communityId: 'comm-b', name: '王五' })
    expect((await ok<LedgerListOutput>('district', 'list', {})).items).toHaveLength(2)
    expect((await ok<LedgerListOutput>('reviewer', 'list', { communityId: 'comm-b' })).items.map((i) => i.name)).toEqual(['王五'])
    expect((await call('a-staff', 'list', { communityId: 'comm-b' })).status).toBe(404)
    await h.ok(intentActions, resident('r1'), 'withdraw', { id: a._id })
    expect((await ok<LedgerListOutput>('a-staff', 'list', {})).items).toHaveLength(0)
    expect((await ok<LedgerListOutput>('a-staff', 'list', { status: 'withdrawn' })).items.map((i) => i.status)).toEqual(['withdrawn'])
    expect((await call(resident('r1'), 'list', {})).status).toBe(403)
  })
})

describe('cross-community denial', () => {
  it('refuses every ledger action on another community’s case, and keeps it out of lists, gaps and exports', async () => {
    const { register, call, ok, followUp, venture } = await setup()
    const a = await register('r1')
    const attempts: [string, object][] = [
      ['get', { id: a._id }],
      ['accept', { id: a._id }],
      ['addFollowUp', followUp(a._id)],
      ['setStage', { id: a._id, stage: 'trained', note: '' }],
      ['recordVenture', venture(a._id)],
      ['recordBenefit', { id: a._id, policyId: null, policyTitle: '一次性创业补贴', kind: 'startup_subsidy', amountFen: 500_000, date: '2026-11-20', approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴' }],
      ['loanStep', { id: a._id, expect: 0, policyId: 'pol_x', step: 'applied', date: '2026-11-20', actor: '居民本人', amountFen: 100, documentNo: '' }],
      ['eligiblePolicies', { id: a._id }],
      ['reveal', { id: a._id, field: 'idCard' }],
      ['reveal', { id: a._id, field: 'phone' }],
    ]
    for (const [action, data] of attempts) {
      for (const who of ['b-staff', 'b-lead']) {
        const res = await call(who, action, data)
        expect([action, who, res.status]).toEqual([action, who, 404])
      }
    }
    expect((await ok<LedgerListOutput>('b-staff', 'list', {})).items).toEqual([])
    expect((await ok<GapsOutput>('b-staff', 'gaps', { kind: 'unguided' })).items).toEqual([])
    expect((await call('b-staff', 'gaps', { kind: 'unguided', communityId: 'comm-a' })).status).toBe(404)
    expect((await call('b-staff', 'export', { communityId: 'comm-a' })).status).toBe(404)
    expect((await ok<ExportOutput>('b-staff', 'export', {})).rows).toBe(0)
    // Nothing changed on the case.
    expect((await ok<CaseView>('a-staff', 'get', { id: a._id })).version).toBe(1)
  })

  it('lets upper levels read a case but not change it, and read-only roles not export', async () => {
    const { register, call, followUp } = await setup()
    const a = await register('r1')
    expect((await call('district', 'get', { id: a._id })).status).toBe(200)
    expect((await call('district', 'addFollowUp', followUp(a._id))).status).toBe(403)
    expect((await call('reviewer', 'setStage', { id: a._id, stage: 'trained', note: '' })).status).toBe(403)
    expect((await call('reviewer', 'export', {})).status).toBe(403)
    expect((await call(resident('r1'), 'get', { id: a._id })).status).toBe(403)
  })
})

describe('case actions', () => {
  it('a guidance follow-up accepts the case, moves it to 已指导, counts guided once, and shows on the resident’s timeline', async () => {
    const { h, register, ok, counter, followUp } = await setup()
    const a = await register('r1')
    const view = await ok<CaseView>('a-staff', 'addFollowUp', followUp(a._id))
    expect(view).toMatchObject({ status: 'accepted', stage: 'guided', nextFollowUpDate: '2026-12-06', acceptedByName: 'a-staff' })
    expect(view.stageHistory.map((s) => [s.stage, s.byName])).toEqual([['registered', '居民本人'], ['guided', 'a-staff']])
    await ok('a-staff', 'addFollowUp', followUp(a._id, { note: '内部备注：资金缺口较大', visibleToResident: false }))
    await ok('a-staff', 'addFollowUp', followUp(a._id, { note: '再次一对一指导' }))
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ registered: 1, askedHelp: 1, guided: 1 })

    const mine = (await h.ok<MineOutput>(intentActions, resident('r1'), 'mine', {})).current
    expect(mine?.stage).toBe('guided')
    expect(mine?.editable).toBe(false)
    expect(mine?.timeline.map((t) => t.stage)).toEqual(['registered', 'guided'])
    expect(mine?.followUps.map((f) => f.note)).toEqual(['上门一对一指导，讲解了开店流程和担保贷款', '再次一对一指导'])
    expect(JSON.stringify(mine)).not.toContain('内部备注')
  })

  it('validates follow-ups beside the field: dates, project recommendation, a next date before this one', async () => {
    const { register, call } = await setup()
    const a = await register('r1')
    const paths = async (data: object) => {
      const res = await call('a-staff', 'addFollowUp', data)
      return res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)
    }
    expect(await paths({ id: a._id, kind: 'project', date: '2026-11-22', note: '推荐', outcome: '', visibleToResident: true, nextFollowUpDate: '' })).toEqual(['projectId'])
    expect(await paths({ id: a._id, kind: 'guidance', date: '2026-11-22', note: '沟通', outcome: '', visibleToResident: true, nextFollowUpDate: '2026-11-01' })).toEqual(['nextFollowUpDate'])
    expect(await paths({ id: a._id, kind: 'guidance', date: '2026-12-30', note: '沟通', outcome: '', visibleToResident: true, nextFollowUpDate: '' })).toEqual(['date'])
    expect(await paths({ id: a._id, kind: 'chat', date: 'x', note: '', visibleToResident: 'yes', nextFollowUpDate: '' })).toEqual(
      expect.arrayContaining(['kind', 'date', 'note', 'outcome', 'visibleToResident']),
    )
  })

  it('stage changes record who and when; trained counts once; started needs a venture; closing needs a reason', async () => {
    const { register, ok, call, counter } = await setup()
    const a = await register('r1')
    const started = await call('a-staff', 'setStage', { id: a._id, stage: 'started', note: '' })
    expect(started.status).toBe(400)
    await ok('a-staff', 'setStage', { id: a._id, stage: 'trained', note: '参加 SYB 培训结业' })
    await ok('a-staff', 'setStage', { id: a._id, stage: 'guided', note: '改正误操作' })
    const view = await ok<CaseView>('a-staff', 'setStage', { id: a._id, stage: 'trained', note: '' })
    expect(view.stageHistory.map((s) => s.stage)).toEqual(['registered', 'trained', 'guided', 'trained'])
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ trained: 1 })
    const noReason = await call('a-staff', 'setStage', { id: a._id, stage: 'closed', note: '' })
    expect(noReason.body.ok ? null : noReason.body.error.fields).toEqual([{ path: 'note', message: '结案请写明原因' }])
  })

  it('a venture moves the case to 已创业 and counts started, jobs and operating ventures; editing it moves the counters by the difference', async () => {
    const { h, register, ok, counter, venture } = await setup()
    const a = await register('r1')
    const view = await ok<CaseView>('a-staff', 'recordVenture', venture(a._id))
    expect(view.stage).toBe('started')
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ started: 1, jobsCreated: 3, venturesOperating: 1 })

    // Closed in December: one fewer operating venture in December, jobs corrected in November.
    h.setNow('2026-12-15T02:00:00.000Z')
    const ventureId = view.ventures[0].id
    await ok('a-staff', 'recordVenture', venture(a._id, { ventureId, jobsCreated: 5, status: 'closed', closureDate: '2026-12-10' }))
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ started: 1, jobsCreated: 5, venturesOperating: 1 })
    expect(await counter('comm-a', '2026-M12')).toMatchObject({ venturesOperating: -1 })
    expect(await quarterCounts(h.store, 'comm-a', '2026-Q4')).toMatchObject({ started: 1, jobsCreated: 5, venturesOperating: 0 })

    // A second venture does not count the entrepreneur again.
    await ok('a-staff', 'recordVenture', venture(a._id, { name: '小梅面点工作室', kind: 'enterprise', registrationDate: '2026-12-12', jobsCreated: 2 }))
    expect(await quarterCounts(h.store, 'comm-a', '2026-Q4')).toMatchObject({ started: 1, jobsCreated: 7, venturesOperating: 1 })

    const mine = (await h.ok<MineOutput>(intentActions, resident('r1'), 'mine', {})).current
    expect(mine?.timeline.map((t) => t.stage)).toEqual(['registered', 'started'])
    expect(mine?.ventures.map((v) => v.name)).toEqual(['小梅早餐店', '小梅面点工作室'])
  })

  it('validates ventures: closure date with closed status only, not before registration, not in the future', async () => {
    const { register, call, venture } = await setup()
    const a = await register('r1')
    const paths = async (data: object) => {
      const res = await call('a-staff', 'recordVenture', data)
      return res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)
    }
    expect(await paths(venture(a._id, { status: 'closed' }))).toEqual(['closureDate'])
    expect(await paths(venture(a._id, { status: 'closed', closureDate: '2026-01-01' }))).toEqual(['closureDate'])
    expect(await paths(venture(a._id, { registrationDate: '2027-01-01' }))).toEqual(['registrationDate'])
    expect(await paths(venture(a._id, { jobsCreated: -1, kind: 'shop' }))).toEqual(expect.arrayContaining(['jobsCreated', 'kind']))
  })
})

describe('ledger.reveal', () => {
  it('needs the separate permission for the full ID number, and audits every attempt', async () => {
    const { h, register, call, ok } = await setup()
    const a = await register('r1')
    expect((await call('a-staff', 'reveal', { id: a._id, field: 'idCard' })).status).toBe(403)
    expect((await ok<RevealOutput>('a-lead', 'reveal', { id: a._id, field: 'idCard' })).value).toBe(ID_A)
    expect((await ok<RevealOutput>('a-staff', 'reveal', { id: a._id, field: 'phone' })).value).toBe('13812345678')
    const audit = await h.store.collection('audit').find({ where: { op: 'eq', field: 'kind', value: 'reveal' }, limit: 20 })
    expect(audit.items.map((e) => [e.actorId, e.target, e.result]).sort()).toEqual(
      [['a-lead', a._id, 'ok'], ['a-staff', a._id, 'denied'], ['a-staff', a._id, 'ok']].sort(),
    )
    expect((await ok<CaseView>('a-lead', 'get', { id: a._id })).canRevealIdCard).toBe(true)
    expect((await ok<CaseView>('a-staff', 'get', { id: a._id })).canRevealIdCard).toBe(false)
  })

  it('writes an audit record for every staff write, with who, what and the result', async () => {
    const { h, register, call, followUp } = await setup()
    const a = await register('r1')
    await call('a-staff', 'addFollowUp', followUp(a._id))
    await call('b-staff', 'addFollowUp', followUp(a._id))
    await call('a-staff', 'get', { id: a._id })
    const page = await h.store.collection('audit').find({ where: { op: 'eq', field: 'actorRole', value: 'community_staff' }, limit: 20 })
    expect(page.items.map((e) => [e.action.split('.')[1], e.actorId, e.target, e.result, e.kind])).toEqual(
      expect.arrayContaining([
        ['addFollowUp', 'a-staff', a._id, 'ok', 'write'],
        ['addFollowUp', 'b-staff', a._id, 'denied', 'write'],
      ]),
    )
    expect(page.items).toHaveLength(2)
  })
})

describe('ledger.gaps', () => {
  it('lists who asked for help without guidance, overdue follow-ups, and 应享未享 by target group', async () => {
    const { h, register, ok, call, followUp } = await setup()
    const a = await register('r1') // returning_migrant, asked for funding and site
    const b = await register('r2', { idCard: ID_B, name: '李大山', needs: [], fundingAmount: null, targetGroups: ['unemployed'] })
    await register('r3', { idCard: ID_C, name: '赵六', needs: ['licence'], fundingAmount: null, targetGroups: ['veteran'] })
    const names = async (kind: string, who = 'a-staff') => (await ok<GapsOutput>(who, 'gaps', { kind })).items.map((i) => i.name).sort()

    expect(await names('unguided')).toEqual(['张小梅', '赵六'].sort())
    const unguided = await ok<GapsOutput>('a-staff', 'gaps', { kind: 'unguided' })
    expect(unguided.items.find((i) => i.name === '张小梅')?.reason).toContain('资金、场地')
    await ok('a-staff', 'addFollowUp', followUp(a._id, { nextFollowUpDate: '2026-11-24' }))
    expect(await names('unguided')).toEqual(['赵六'])

    expect(await names('overdue')).toEqual([])
    h.setNow('2026-11-30T02:00:00.000Z')
    const overdue = await ok<GapsOutput>('a-staff', 'gaps', { kind: 'overdue' })
    expect(overdue.items.map((i) => [i.name, i.reason])).toEqual([['张小梅', '约定 2026-11-24 回访，已逾期 6 天']])

    // Policies: for returning migrants (in force) and for the unemployed (a draft: not counted).
    const p1 = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft({ title: '返乡创业一次性补贴', targetGroups: ['returning_migrant'] }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: p1._id })
    await h.ok(policyActions, staffId('a-staff'), 'save', draft({ title: '失业人员场租补贴', targetGroups: ['unemployed'] }))
    // 应享未享 are entrepreneurs, as 政策享受率 counts them: 张小梅 is eligible but has not started yet.
    expect(await names('unbenefited')).toEqual([])
    const venture = (id: string, name: string) => ok('a-staff', 'recordVenture', { id, name, kind: 'individual', registrationDate: '2026-11-20', jobsCreated: 1, status: 'operating', closureDate: '' })
    await venture(a._id, '小梅早餐店')
    const unbenefited = await ok<GapsOutput>('a-staff', 'gaps', { kind: 'unbenefited' })
    expect(unbenefited.items.map((i) => [i.name, i.reason])).toEqual([['张小梅', '符合“返乡创业一次性补贴”，还没有享受记录']])
    // A benefit given by override (not eligible: another policy's groups) does not take her off, as it does not count for the rate.
    const p2 = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft({ title: '退役军人创业补贴', targetGroups: ['veteran'] }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: p2._id })
    await ok('a-staff', 'recordBenefit', { id: a._id, policyId: p2._id, policyTitle: '', kind: 'startup_subsidy', amountFen: 100_000, date: '2026-11-27', approvedBy: '区退役军人事务局', documentNo: '', overrideReason: '经区里特批' })
    expect(await names('unbenefited')).toEqual(['张小梅'])
    await ok('a-staff', 'recordBenefit', { id: a._id, policyId: p1._id, policyTitle: '', kind: 'startup_subsidy', amountFen: 300_000, date: '2026-11-28', approvedBy: '区人社局', documentNo: '东人社〔2026〕9号' })
    expect(await names('unbenefited')).toEqual([])
    expect(b.name).toBe('李大山')

    // A policy stored for every group (none named: the editor now asks for one, older policies may
    // have none) puts every entrepreneur without an eligible benefit on the list, as 政策享受率 counts them eligible.
    const stored = (await h.store.collection('policies').get(p1._id))!
    await h.store.collection('policies').insert({ ...stored, _id: 'pol-for-all', title: '创业场地租金减免', targetGroups: [] })
    expect(await names('unbenefited')).toEqual([])
    await venture(b._id, '大山修车铺')
    const everyone = await ok<GapsOutput>('a-staff', 'gaps', { kind: 'unbenefited' })
    expect(everyone.items.map((i) => [i.name, i.reason])).toEqual([['李大山', '符合“创业场地租金减免”，还没有享受记录']])

    // An upper level names the community for 应享未享.
    expect((await call('district', 'gaps', { kind: 'unbenefited' })).status).toBe(400)
    expect((await call('district', 'gaps', { kind: 'unbenefited', communityId: 'comm-a' })).status).toBe(200)
  })
})

describe('ledger.export', () => {
  it('writes the filtered ledger to .xlsx, masked, formula-neutralised, ID as text, and audits it', async () => {
    const { h, register, ok } = await setup()
    await register('r1')
    await register('r2', { idCard: ID_B, name: '=A1+B1', needs: [], fundingAmount: null, familySituation: '+1 家里三口人' })
    await register('r3', { idCard: ID_C, name: '王五', communityId: 'comm-b' })
    const all = await ok<ExportOutput>('a-staff', 'export', {})
    expect(all.rows).toBe(2)
    expect(all.fileName).toBe('帮扶台帐-甲社区-2026-11-22.xlsx')

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(cloudFilePath(all))
    const ws = wb.getWorksheet('帮扶台帐')
    expect(ws).toBeDefined()
    const rows: unknown[][] = []
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[1]).toEqual(EXPORT_HEADERS)
    const body = rows.slice(2)
    const col = (h: string) => EXPORT_HEADERS.indexOf(h)
    expect(body.map((r) => r[col('姓名')]).sort()).toEqual(["'=A1+B1", '张小梅'].sort())
    const ids = body.map((r) => r[col('身份证号')])
    expect(ids).toEqual(expect.arrayContaining([`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`]))
    for (const id of ids) expect(typeof id).toBe('string')
    expect(body.map((r) => r[col('家庭情况')])).toContain("'+1 家里三口人")
    expect(JSON.stringify(rows)).not.toMatch(RAW_ID)
    expect(JSON.stringify(rows)).not.toContain('13812345678')
    const idCell = ws?.getRow(3).getCell(col('身份证号') + 1)
    expect(idCell?.numFmt).toBe('@')

    const filtered = await ok<ExportOutput>('a-staff', 'export', { need: 'funding' })
    expect(filtered.rows).toBe(1)
    const audit = await h.store.collection('audit').find({ where: { op: 'eq', field: 'kind', value: 'export' }, limit: 10 })
    expect(audit.items.map((e) => [e.actorId, e.result])).toEqual([['a-staff', 'ok'], ['a-staff', 'ok']])
  })

  it('pages through more rows than one store read holds', async () => {
    const { h, ok, out } = await setup()
    for (let i = 0; i < 230; i++) {
      h.setNow(new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString())
      await h.ok(intentActions, resident(`r${i}`), 'submit', registration({ idCard: idFor(i), name: `居民${i}` }))
    }
    h.setNow('2026-11-22T02:00:00.000Z')
    const res = await ok<ExportOutput>('a-staff', 'export', {})
    expect(res.rows).toBe(230)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(cloudFilePath(res))
    expect(wb.getWorksheet('帮扶台帐')?.rowCount).toBe(232)
    expect(readdirSync(out.dir)).toHaveLength(1)
  })
})

function idFor(i: number): string {
  const first17 = `51040219900101${String(i).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * weights[k]
  return first17 + '10X98765432'[sum % 11]
}
