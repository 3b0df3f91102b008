import type { DashboardOutput } from '../../../_shared/contracts/indices'
import type { IndexValue } from '../../../_shared/domain/indices'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { indicesActions } from '..'

const STAFF = testStaff('a-staff', 'b-staff', 'reviewer', 'district')

async function setup() {
  const h = await makeHarness(STAFF)
  const dash = (who: string, data: object) => h.ok<DashboardOutput>(indicesActions, staffId(who), 'dashboard', data)
  const idx = (d: DashboardOutput, key: string) => d.indices.find((i) => i.key === key) as IndexValue
  const call = (who: string, action: string, data: object) => h.call(indicesActions, staffId(who), action, data)
  return { h, dash, idx, call }
}

describe('baselines reviewed by the street', () => {
  it('marks an index over an unapproved baseline, records who approved and when, and takes it back when a figure changes', async () => {
    const { h, dash, idx, call } = await setup()
    await h.ok(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 200, employed: 120 })
    let a = await dash('a-staff', { period: '2026' })
    expect(idx(a, 'activity')).toMatchObject({ denominator: 200, denominatorUnapproved: true })
    expect(idx(a, 'employmentDriven').denominatorUnapproved).toBe(true)
    // Not a baseline: never marked.
    expect(idx(a, 'assistanceCoverage').denominatorUnapproved).toBe(false)
    expect(a.baselineReview).toEqual({ entered: true, approved: false, approvedBy: '', approvedAt: '' })
    expect(a.canApproveBaseline).toBe(false)
    // A month reads the year's stock figures: unapproved too.
    expect(idx(await dash('a-staff', { period: '2026-M11' }), 'activity').denominatorUnapproved).toBe(true)

    // Only the street reviews; the community and the district cannot.
    expect((await call('a-staff', 'approveBaseline', { communityId: 'comm-a', period: '2026' })).status).toBe(403)
    expect((await call('district', 'approveBaseline', { communityId: 'comm-a', period: '2026' })).status).toBe(403)
    expect((await dash('reviewer', { orgId: 'comm-a', period: '2026' })).canApproveBaseline).toBe(true)
    // Nothing to approve where nothing was entered.
    const none = await call('reviewer', 'approveBaseline', { communityId: 'comm-b', period: '2026' })
    expect(none.status).toBe(409)

    h.setNow('2026-11-23T03:00:00.000Z')
    const ok = await h.ok<{ review: DashboardOutput['baselineReview'] }>(indicesActions, staffId('reviewer'), 'approveBaseline', { communityId: 'comm-a', period: '2026' })
    expect(ok.review).toEqual({ entered: true, approved: true, approvedBy: 'reviewer', approvedAt: '2026-11-23T03:00:00.000Z' })
    a = await dash('a-staff', { period: '2026' })
    expect(idx(a, 'activity').denominatorUnapproved).toBe(false)
    expect(a.baselineReview).toMatchObject({ approved: true, approvedBy: 'reviewer' })
    expect(idx(await dash('a-staff', { period: '2026-M11' }), 'activity').denominatorUnapproved).toBe(false)

    // Upper levels: one community's unapproved baseline marks the sum.
    await h.ok(indicesActions, staffId('b-staff'), 'saveBaseline', { period: '2026', workingAge: 300 })
    expect(idx(await dash('district', { period: '2026' }), 'activity')).toMatchObject({ denominator: 500, denominatorUnapproved: true })

    // The community changes a figure: back to unapproved.
    await h.ok(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 210 })
    a = await dash('a-staff', { period: '2026' })
    expect(idx(a, 'activity')).toMatchObject({ denominator: 210, denominatorUnapproved: true })
    expect(a.baselineReview?.approved).toBe(false)
  })
})
