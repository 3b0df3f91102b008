/**
 * Targets as data (issue 21 item 1): the city sets its own, each level splits its own among its
 * children (counts add up, ratios inherit unless overridden), a target outside the caller's scope
 * is refused, a closed year answers 409 naming who can reopen it, and the dashboard judges against
 * what is stored.
 */
import type { DashboardOutput, TargetsOutput } from '../../../_shared/contracts/indices'
import { seedDefaultTargets } from '../../../_shared/runtime/migrations'
import { targetFor } from '../../../_shared/application/targets'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { indicesActions } from '..'

const STAFF = [...testStaff('city-officer', 'district'), { id: 'other-district', role: 'district_officer' as const, orgId: 'dist-2' }, ...testStaff('reviewer', 'a-staff')]

async function setup() {
  const h = await makeHarness([])
  // A second district, so a district officer has somewhere outside their scope.
  await h.store.collection('orgs').insert({ _id: 'dist-2', name: '另一区', level: 'district', parentId: 'city', path: ['city', 'dist-2'] })
  for (const s of STAFF) {
    await h.store.collection('staff').insert({ _id: s.id, name: s.id, role: s.role, orgId: s.orgId, openid: `wx-${s.id}`, username: s.id, passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z', writtenBy: 'server' })
  }
  await seedDefaultTargets(h.store, new Date('2026-11-01T00:00:00Z'))
  return h
}

describe('targets', () => {
  it('the seeds’ targets stand for the city with their source, and a ratio reaches every community by inheritance', async () => {
    const h = await setup()
    const city = await h.ok<TargetsOutput>(indicesActions, staffId('city-officer'), 'targets', { year: 2026 })
    const row = (k: string) => city.rows.find((r) => r.index === k)
    expect(row('newEnterprises')?.effective).toMatchObject({ value: 49, source: 'seed-001', fromYear: 2010, text: '比上年净增 49' })
    expect(row('newIndividual')?.effective).toMatchObject({ value: 1180, source: 'seed-001' })
    expect(row('survival12')?.effective).toMatchObject({ value: 0.6, source: 'seed-001' })
    expect(row('satisfactionService')?.effective?.source).toBe('local')
    expect(city.canSet && city.canSplit && city.canClose).toBe(true)
    // A community inherits the city's 15% 创业活动指数 but has no share of a count target.
    expect(await targetFor(h.store, 'activity', 'comm-a', 2026)).toMatchObject({ value: 0.15, inherited: true, fromOrgId: 'city' })
    expect(await targetFor(h.store, 'newEnterprises', 'comm-a', 2026)).toBeNull()
  })

  it('splits a count target down the tree; shares that do not add up are refused with the field and nothing is written', async () => {
    const h = await setup()
    const bad = await h.call(indicesActions, staffId('city-officer'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'dist', value: 30 }, { orgId: 'dist-2', value: 10 }] })
    expect(bad.status).toBe(400)
    expect(bad.body.ok ? null : bad.body.error.fields).toEqual([{ path: 'shares', message: '各下级分解数合计 40，应等于本级目标 49' }])
    expect(await h.store.collection('targets').count()).toBe(19)
    // A child missing from the split, or an org that is not a child, is refused too.
    const missing = await h.call(indicesActions, staffId('city-officer'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'dist', value: 49 }] })
    expect([missing.status, missing.body.ok ? null : missing.body.error.fields?.[0].path]).toEqual([400, 'shares'])
    const notChild = await h.call(indicesActions, staffId('city-officer'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'street', value: 49 }] })
    expect(notChild.body.ok ? null : notChild.body.error.fields?.[0].path).toBe('shares.0.orgId')

    await h.ok(indicesActions, staffId('city-officer'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'dist', value: 30 }, { orgId: 'dist-2', value: 19 }] })
    expect(await targetFor(h.store, 'newEnterprises', 'dist', 2026)).toMatchObject({ value: 30, source: 'seed-001', inherited: false })
    // The district splits its 30 among its one street, the street among its two communities.
    await h.ok(indicesActions, staffId('district'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'street', value: 30 }] })
    await h.ok(indicesActions, staffId('reviewer'), 'splitTarget', { index: 'newEnterprises', year: 2026, shares: [{ orgId: 'comm-a', value: 18 }, { orgId: 'comm-b', value: 12 }] })
    const street = await h.ok<TargetsOutput>(indicesActions, staffId('reviewer'), 'targets', { year: 2026 })
    expect(street.rows.find((r) => r.index === 'newEnterprises')?.childSum).toBe(30)
    // The community's dashboard judges its year against its own share.
    const dash = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' })
    expect(dash.indices.find((i) => i.key === 'newEnterprises')?.target).toMatchObject({ value: 18, text: '比上年净增 18' })
  })

  it('a ratio override reaches the children below it; null returns the child to inheriting', async () => {
    const h = await setup()
    await h.ok(indicesActions, staffId('district'), 'splitTarget', { index: 'activity', year: 2026, shares: [{ orgId: 'street', value: 0.2 }] })
    expect(await targetFor(h.store, 'activity', 'comm-b', 2026)).toMatchObject({ value: 0.2, fromOrgId: 'street', inherited: true })
    const dash = await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026-M11' })
    expect(dash.indices.find((i) => i.key === 'activity')?.target?.text).toBe('≥ 20%')
    await h.ok(indicesActions, staffId('district'), 'splitTarget', { index: 'activity', year: 2026, shares: [{ orgId: 'street', value: null }] })
    expect(await targetFor(h.store, 'activity', 'comm-b', 2026)).toMatchObject({ value: 0.15, fromOrgId: 'city' })
  })

  it('refuses a target for an org outside the caller’s scope (403 with the field), and setting by anyone but the city', async () => {
    const h = await setup()
    const out = await h.call(indicesActions, staffId('other-district'), 'splitTarget', { index: 'activity', year: 2026, orgId: 'dist', shares: [{ orgId: 'street', value: 0.3 }] })
    expect(out.status).toBe(403)
    expect(out.body.ok ? null : out.body.error.fields).toEqual([{ path: 'orgId', message: '不在你的管理范围内' }])
    const read = await h.call(indicesActions, staffId('other-district'), 'targets', { year: 2026, orgId: 'street' })
    expect(read.status).toBe(403)
    const set = await h.call(indicesActions, staffId('district'), 'setTarget', { index: 'activity', year: 2026, value: 0.2, source: 'local' })
    expect(set.status).toBe(403)
    const community = await h.call(indicesActions, staffId('a-staff'), 'splitTarget', { index: 'activity', year: 2026, shares: [{ orgId: 'comm-a', value: 0.3 }] })
    expect(community.status).toBe(403)
    expect(await targetFor(h.store, 'activity', 'street', 2026)).toMatchObject({ value: 0.15 })
  })

  it('the city sets its own target with a source; a closed year answers 409 saying who can reopen it', async () => {
    const h = await setup()
    const rec = await h.ok<{ value: number; source: string }>(indicesActions, staffId('city-officer'), 'setTarget', { index: 'activity', year: 2026, value: 0.16, source: 'local' })
    expect(rec).toMatchObject({ value: 0.16, source: 'local' })
    expect(await targetFor(h.store, 'activity', 'comm-a', 2026)).toMatchObject({ value: 0.16, source: 'local' })
    // 2025 still stands on the seed's record.
    expect(await targetFor(h.store, 'activity', 'comm-a', 2025)).toMatchObject({ value: 0.15, source: 'seed-001' })
    const noValue = await h.call(indicesActions, staffId('city-officer'), 'setTarget', { index: 'survival12', year: 2026, value: null, source: 'local' })
    expect(noValue.body.ok ? null : noValue.body.error.fields?.[0].path).toBe('value')

    await h.ok(indicesActions, staffId('city-officer'), 'closeTargetYear', { year: 2026, closed: true })
    const closed = await h.call(indicesActions, staffId('city-officer'), 'setTarget', { index: 'activity', year: 2026, value: 0.2, source: 'local' })
    expect(closed.status).toBe(409)
    expect(closed.body.ok ? '' : closed.body.error.message).toContain('市创建办')
    const split = await h.call(indicesActions, staffId('district'), 'splitTarget', { index: 'activity', year: 2026, shares: [{ orgId: 'street', value: 0.3 }] })
    expect(split.status).toBe(409)
    // Nothing of either refused write is kept: the city's 0.16 stands for the community and the street.
    expect(await targetFor(h.store, 'activity', 'comm-a', 2026)).toMatchObject({ value: 0.16, source: 'local' })
    expect(await targetFor(h.store, 'activity', 'street', 2026)).toMatchObject({ value: 0.16 })
    const reopen = await h.call(indicesActions, staffId('district'), 'closeTargetYear', { year: 2026, closed: false })
    expect(reopen.status).toBe(403)
    await h.ok(indicesActions, staffId('city-officer'), 'closeTargetYear', { year: 2026, closed: false })
    await h.ok(indicesActions, staffId('city-officer'), 'setTarget', { index: 'activity', year: 2026, value: 0.2, source: 'local' })
    expect(await targetFor(h.store, 'activity', 'comm-a', 2026)).toMatchObject({ value: 0.2 })
  })
})
