import type { SaveSetupInput, SetupView } from '../../../_shared/contracts/org'
import type { DashboardOutput } from '../../../_shared/contracts/indices'
import { formSections } from '../../../_shared/domain/evaluation-form'
import type { ApplicationFigures } from '../../../_shared/domain/evaluation'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { indicesActions } from '../../../indices/actions'
import { figuresFor } from '../../../evaluation/figures'
import { orgActions } from '..'

const STAFF = testStaff('a-lead', 'a-staff', 'b-staff', 'reviewer')

/** A complete 组织体系 for the harness's year (2026). */
const complete = (over: Partial<SaveSetupInput> = {}): SaveSetupInput => ({
  groupName: '甲社区创建创业型社区工作领导小组',
  members: [
    { name: '王书记', role: '组长', unit: '甲社区党委书记' },
    { name: '李科长', role: '成员', unit: '区人社局就业股' },
  ],
  partners: ['区人社局', '某银行支行'],
  liaisons: ['街道办 赵干部'],
  computers: 2,
  printers: 1,
  plan: { title: '2026 年创建工作计划', date: '2026-02-10', summary: '全年创建目标、分工和进度安排' },
  publicity: { title: '2026 年创业宣传方案', date: '2026-03-01', summary: '政策进楼入户、创业沙龙、公众号' },
  version: 0,
  ...over,
})

describe('org: 组织体系', () => {
  it('a community records its 创建组织, equipment and documents; every check of the year is met', async () => {
    const h = await makeHarness(STAFF)
    const empty = await h.ok<SetupView>(orgActions, staffId('a-staff'), 'setup', {})
    expect(empty.setup).toBeNull()
    expect(empty.canEdit).toBe(true)
    expect(empty.checks.map((c) => c.met)).toEqual([false, false, false, false])
    const saved = await h.ok<SetupView>(orgActions, staffId('a-staff'), 'saveSetup', complete())
    expect(saved.setup?.version).toBe(1)
    expect(saved.checks.map((c) => [c.key, c.met])).toEqual([
      ['setupGroup', true],
      ['setupEquipment', true],
      ['setupPlan', true],
      ['setupPublicity', true],
    ])
    // Last year's plan does not count for this year.
    const stale = await h.ok<SetupView>(orgActions, staffId('a-lead'), 'saveSetup', complete({ version: 1, plan: { title: '旧计划', date: '2025-02-01', summary: '去年的安排' } }))
    expect(stale.checks.find((c) => c.key === 'setupPlan')).toMatchObject({ met: false, detail: '《旧计划》2025-02-01（不是 2026 年的）' })
    // A group without 挂点干部 is not the group the standard asks for.
    const partial = await h.ok<SetupView>(orgActions, staffId('a-lead'), 'saveSetup', complete({ version: 2, liaisons: [] }))
    expect(partial.checks.find((c) => c.key === 'setupGroup')?.met).toBe(false)
  })

  it('refuses bad input field by field, a stale version, and anyone outside the community, writing nothing', async () => {
    const h = await makeHarness(STAFF)
    const fields = async (data: unknown) => {
      const r = await h.call(orgActions, staffId('a-staff'), 'saveSetup', data)
      return [r.status, r.body.ok ? [] : (r.body.error.fields ?? []).map((f) => f.path)]
    }
    expect(await fields(complete({ members: [] }))).toEqual([400, ['members']])
    expect(await fields(complete({ computers: -1 }))).toEqual([400, ['computers']])
    expect(await fields(complete({ plan: { title: '计划', date: '2026-13-40', summary: '内容' } }))).toEqual([400, ['plan.date']])
    expect(await fields({ ...complete(), members: [{ name: '王', role: '书记', unit: '社区' }] })).toEqual([400, ['members.0.name', 'members.0.role']])
    expect(await h.store.collection('orgSetups').get('comm-a')).toBeNull()

    await h.ok(orgActions, staffId('a-staff'), 'saveSetup', complete())
    const late = await h.call(orgActions, staffId('a-lead'), 'saveSetup', complete({ groupName: '另一个名字', version: 0 }))
    expect(late.status).toBe(409)
    expect((await h.store.collection('orgSetups').get('comm-a'))?.groupName).toBe('甲社区创建创业型社区工作领导小组')

    // A street reviewer reads it but cannot write; another community cannot even see it.
    expect((await h.call(orgActions, staffId('reviewer'), 'saveSetup', complete())).status).toBe(403)
    const read = await h.ok<SetupView>(orgActions, staffId('reviewer'), 'setup', { orgId: 'comm-a' })
    expect([read.setup?.groupName, read.canEdit]).toEqual(['甲社区创建创业型社区工作领导小组', false])
    expect((await h.call(orgActions, staffId('b-staff'), 'setup', { orgId: 'comm-a' })).status).toBe(404)
    expect((await h.call(orgActions, staffId('reviewer'), 'setup', {})).status).toBe(400)
  })

  it('the dashboard checklist counts the checks under 组织体系健全 and 创业环境宽松, and the 申报表 lists the 组织体系', async () => {
    const h = await makeHarness(STAFF)
    const before = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
    const org0 = before.criteria.find((c) => c.criterion === 'organisation')!
    await h.ok(orgActions, staffId('a-staff'), 'saveSetup', complete())
    const after = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
    const org1 = after.criteria.find((c) => c.criterion === 'organisation')!
    expect(org1.of).toBe(org0.of)
    expect(org1.met).toBe(org0.met + 3)
    expect(org1.checks?.map((c) => c.key)).toEqual(['setupGroup', 'setupEquipment', 'setupPlan'])
    expect(after.criteria.find((c) => c.criterion === 'environment')?.checks?.some((c) => c.key === 'setupPublicity' && c.met)).toBe(true)

    const ctx = { store: h.store, now: () => new Date('2026-11-22T02:00:00Z'), keyring: h.keyring, caller: null }
    const figures: ApplicationFigures = await figuresFor(ctx as never, 'comm-a', 2026)
    const rows = Object.fromEntries(formSections({ communityName: '甲社区', year: 2026, status: 'draft', form: { contactName: '', contactPhone: '', overview: '' }, figures }).flatMap((s) => s.rows))
    expect(rows['创建组织']).toBe('甲社区创建创业型社区工作领导小组')
    expect(rows['组织成员']).toBe('王书记（组长，甲社区党委书记）；李科长（成员，区人社局就业股）')
    expect(rows['挂点干部']).toBe('街道办 赵干部')
    expect(rows['设备']).toBe('计算机 2 台，打印机 1 台')
    expect(rows['创建工作计划']).toBe('《2026 年创建工作计划》（2026-02-10）')
    // A snapshot taken before 组织体系 existed says so instead of inventing rows.
    const old = Object.fromEntries(formSections({ communityName: '甲社区', year: 2026, status: 'draft', form: { contactName: '', contactPhone: '', overview: '' }, figures: { ...figures, setup: undefined } }).flatMap((s) => s.rows))
    expect(old['创建组织']).toBe('（申报时尚未登记组织体系）')
  })
})
