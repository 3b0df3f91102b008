/**
 * Access by the level of the caller's own org, declared on the action (`rules: [{ levels }]`) and
 * refused by dispatch before the handler runs: 403 with the rule's message, an audited 'denied'
 * record, nothing written. A role placed at an unusual level (a community lead's account on a
 * street, a street reviewer's on a community) holds the permission but not the level.
 */
import { makeHarness, staffId, testStaff } from '../../testing/harness'
import { makeEvaluationActions } from '../../../evaluation/actions'
import { indicesActions } from '../../../indices/actions'

const evaluation = makeEvaluationActions(() => {
  throw new Error('no documents here')
})

async function setup() {
  const h = await makeHarness([
    ...testStaff('a-lead', 'a-staff', 'reviewer', 'district', 'city'),
    { id: 'lead-on-street', role: 'community_lead', orgId: 'street' },
    { id: 'staff-on-street', role: 'community_staff', orgId: 'street' },
    { id: 'reviewer-on-community', role: 'street_reviewer', orgId: 'comm-a' },
    { id: 'officer-on-street', role: 'district_officer', orgId: 'street' },
  ])
  const written = async () => ({
    evaluations: await h.store.collection('evaluations').count(),
    reviewScores: await h.store.collection('reviewScores').count(),
    counters: (await h.store.collection('counters').find({ limit: 500 })).items,
  })
  const denied = async (action: string) =>
    (await h.store.collection('audit').find({ limit: 500 })).items.filter((a) => a.action.endsWith(action) && a.result === 'denied').length
  return { h, written, denied }
}

describe('rules by the level of the caller’s org', () => {
  it('evaluation.draft: only a community applies (a lead’s account on a street: 403, nothing written)', async () => {
    const { h, written, denied } = await setup()
    const before = await written()
    const r = await h.call(evaluation, staffId('lead-on-street'), 'draft', { year: 2026 })
    expect(r.status).toBe(403)
    expect(r.body.ok ? '' : r.body.error.message).toBe('只有社区可以申报')
    expect(await written()).toEqual(before)
    expect(await denied('draft')).toBe(1)
    // The same role on a community opens its application.
    expect((await h.call(evaluation, staffId('a-lead'), 'draft', { year: 2026 })).status).toBe(200)
  })

  it('indices.saveBaseline: only a community enters its baseline (403 on a street account, nothing written)', async () => {
    const { h, written, denied } = await setup()
    const before = await written()
    const r = await h.call(indicesActions, staffId('staff-on-street'), 'saveBaseline', { period: '2026', workingAge: 200 })
    expect(r.status).toBe(403)
    expect(r.body.ok ? '' : r.body.error.message).toBe('只能录入本社区的基数')
    expect(await written()).toEqual(before)
    expect(await denied('saveBaseline')).toBe(1)
    // Another community named by a community account: 404, as outside its scope.
    expect((await h.call(indicesActions, staffId('a-staff'), 'saveBaseline', { communityId: 'comm-b', period: '2026', workingAge: 200 })).status).toBe(404)
    expect(await written()).toEqual(before)
    expect((await h.call(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 200 })).status).toBe(200)
  })

  it('evaluation.score: a reviewer’s account on a community scores nobody (403 with the role’s refusal)', async () => {
    const { h, written, denied } = await setup()
    const before = await written()
    const r = await h.call(evaluation, staffId('reviewer-on-community'), 'score', { communityId: 'comm-a', year: 2026, items: [] })
    expect(r.status).toBe(403)
    expect(r.body.ok ? '' : r.body.error.message).toBe('只有街道、县(区)、市的评审人员可以评分')
    expect(await written()).toEqual(before)
    expect(await denied('score')).toBe(1)
  })

  it('evaluation.reopenScore: the city sends any level back, a district not the city’s, a street account none', async () => {
    const { h, written } = await setup()
    const before = await written()
    const reopen = (who: string, level: string) => h.call(evaluation, staffId(who), 'reopenScore', { communityId: 'comm-a', year: 2026, level, reason: '重新评' })
    const byDistrict = await reopen('district', 'city')
    expect(byDistrict.status).toBe(403)
    expect(byDistrict.body.ok ? '' : byDistrict.body.error.message).toBe('市级抽查评分只有市创建办可以退回')
    // A street reviewer lacks the permission; a district officer's account on a street has it but not the level.
    expect((await reopen('reviewer', 'street')).status).toBe(403)
    const byStreet = await reopen('officer-on-street', 'street')
    expect(byStreet.status).toBe(403)
    expect(byStreet.body.ok ? '' : byStreet.body.error.message).toBe('街道初评评分只有县(区)创建办可以退回')
    expect(await written()).toEqual(before)
    // Past the rules, the handler's own answer: nothing submitted to send back (409).
    expect((await reopen('district', 'street')).status).toBe(409)
    expect((await reopen('city', 'city')).status).toBe(409)
  })
})
