import type { DashboardOutput, TargetsOutput } from '../../cloudfunctions/_shared/contracts/indices'
import type { TargetRecord } from '../../cloudfunctions/_shared/domain/target'
import { TARGET_SEEDS } from '../../cloudfunctions/_shared/domain/target-seeds'
import { FUNCTIONS } from '../functions'
import { DEMO_ORGS } from '../seed-data'
import { seedDemo } from '../seed'
import { demoDb } from './demo-db'

/**
 * 目标 on a freshly seeded demo database (issue 21): seed 001's count targets are the city's, with
 * their source, split down the demo tree so that every level's shares add up to its own; ratios are
 * inherited from the nearest ancestor (西区 overrides 创业活动指数); and the dashboard reads the target
 * from the stored record, so changing the record through `indices.setTarget` changes the figure.
 */
describe('demo 目标', () => {
  const { store, now, call } = demoDb(FUNCTIONS.indices, { fn: 'indices', secret: 't'.repeat(32) })
  beforeAll(async () => {
    await seedDemo(store, now, { forcePasswordChange: false })
  })
  afterAll(async () => {
    await store.close()
  })

  it("the city's count targets are seed 001's, with their source, and split down the tree adding up at every level", async () => {
    const city = await call<TargetsOutput>('targets', { orgId: 'city', year: 2026 }, 'st_city')
    for (const index of ['newEnterprises', 'newIndividual'] as const) {
      const seed = TARGET_SEEDS.find((t) => t.index === index)
      const row = city.rows.find((r) => r.index === index)
      expect(row?.own).toMatchObject({ value: seed?.value, source: 'seed-001', splitFrom: null })
      expect(row?.effective).toMatchObject({ value: seed?.value, source: 'seed-001', fromOrgId: 'city' })
      expect(row?.childSum).toBe(seed?.value)
    }
    expect(city.rows.find((r) => r.index === 'newEnterprises')?.effective?.sourceLabel).toBeTruthy()

    // Every non-community level: its children's stored shares add up to its own target, each from seed 001.
    const records = new Map<string, TargetRecord>()
    for await (const batch of store.collection('targets').scan(undefined, 500)) for (const r of batch) records.set(r._id, r)
    const own = (orgId: string, index: string) => [...records.values()].find((r) => r.orgId === orgId && r.index === index && r.year === 2026)
    let checked = 0
    for (const parent of DEMO_ORGS.filter((o) => o.level !== 'community')) {
      const kids = DEMO_ORGS.filter((o) => o.parentId === parent._id)
      for (const index of ['newEnterprises', 'newIndividual']) {
        const shares = kids.map((k) => own(k._id, index))
        expect(shares.every((s) => s?.source === 'seed-001' && s.splitFrom === parent._id)).toBe(true)
        expect(shares.reduce((n, s) => n + (s?.value ?? 0), 0)).toBe(own(parent._id, index)?.value)
        checked++
      }
    }
    expect(checked).toBe(2 * DEMO_ORGS.filter((o) => o.level !== 'community').length)
    // A street, as its own reviewer reads it through the action.
    const street = await call<TargetsOutput>('targets', { orgId: 's-bcg', year: 2026 }, 'st_bingcaogang')
    const ne = street.rows.find((r) => r.index === 'newEnterprises')
    expect(ne?.own?.value).toBe(own('s-bcg', 'newEnterprises')?.value)
    expect(ne?.childSum).toBe(ne?.own?.value)
  })

  it('ratios are inherited from the nearest ancestor: the city for 东区, 西区 its own override', async () => {
    const east = await call<TargetsOutput>('targets', { orgId: 's-bcg', year: 2026 }, 'st_bingcaogang')
    expect(east.rows.find((r) => r.index === 'activity')?.effective).toMatchObject({ value: 0.15, fromOrgId: 'city', source: 'seed-001' })
    expect(east.rows.find((r) => r.index === 'activity')?.own).toBeNull()
    const west = await call<TargetsOutput>('targets', { orgId: 's-qxp', year: 2026 }, 'st_qingxiangping')
    expect(west.rows.find((r) => r.index === 'activity')?.effective).toMatchObject({ value: 0.18, fromOrgId: 'd-west', source: 'local' })
    expect(west.rows.find((r) => r.index === 'survival12')?.effective).toMatchObject({ value: 0.6, fromOrgId: 'city' })
  })

  it("the dashboard's target is the stored record: the city changes it and the figure's target follows", async () => {
    const target = async (orgId: string, staffId: string, key: string) => (await call<DashboardOutput>('dashboard', { orgId, period: '2026-M11' }, staffId)).indices.find((i) => i.key === key)?.target
    expect(await target('c-jinsha', 'st_bingcaogang', 'activity')).toMatchObject({ value: 0.15, fromOrgId: 'city' })
    expect(await target('city', 'st_city', 'newEnterprises')).toMatchObject({ value: 49, fromOrgId: 'city' })
    await call('setTarget', { index: 'activity', year: 2026, value: 0.2, source: 'local' }, 'st_city')
    await call('setTarget', { index: 'newEnterprises', year: 2026, value: 60, source: 'local' }, 'st_city')
    expect(await target('c-jinsha', 'st_bingcaogang', 'activity')).toMatchObject({ value: 0.2, fromOrgId: 'city', source: 'local' })
    expect(await target('city', 'st_city', 'newEnterprises')).toMatchObject({ value: 60, source: 'local' })
    // 西区's own override still stands for its streets.
    expect(await target('c-sutie', 'st_qingxiangping', 'activity')).toMatchObject({ value: 0.18, fromOrgId: 'd-west' })
  })
})
