import { computeIndex, type SurveyResponse, tallyFromResponses } from '../../cloudfunctions/_shared/domain/survey'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { seedDemo } from '../seed'
import { quarterCounts } from '../../cloudfunctions/_shared/testing/counters'

describe('demo surveys', () => {
  it('seeds 金沙社区’s open survey of this quarter and last quarter’s closed one with consistent results', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    await seedDemo(store, new Date('2026-11-22T02:00:00.000Z'), { forcePasswordChange: false })
    const now = await store.collection('surveys').get('svy_demo_jinsha_env_now')
    const prev = await store.collection('surveys').get('svy_demo_jinsha_env_prev')
    expect(now).toMatchObject({ orgId: 'c-jinsha', period: '2026-Q4', status: 'published', opensOn: '2026-10-01', closesOn: '2026-12-31' })
    expect(prev).toMatchObject({ orgId: 'c-jinsha', period: '2026-Q3', status: 'closed', opensOn: '2026-07-01', closesOn: '2026-09-30' })
    if (!prev) throw new Error('missing')
    const responses: SurveyResponse[] = []
    for await (const b of store.collection('surveyResponses').scan(undefined, 100)) responses.push(...b)
    const tally = await store.collection('surveyTallies').get(prev._id)
    expect(tally).toEqual(tallyFromResponses(prev, responses.filter((r) => r.surveyId === prev._id)))
    const index = computeIndex(prev, tally)
    expect(index.n).toBe(36)
    expect(index.lowConfidence).toBe(false)
    expect(index.composite).toBeGreaterThan(55)
    expect(index.composite).toBeLessThan(90)
    expect((await quarterCounts(store, 'c-jinsha', '2026-Q3')).satisfactionResponses).toBe(36)
    expect(responses.filter((r) => r.hasComment).length).toBe(4)
    await store.close()
  })
})

describe('demo 市民创业状况调查, 当地平均数 and 挂帮', () => {
  it('the census is answered in every demo community, the average is computed, two leaders are paired, and every counter recounts (drift 0)', async () => {
    const { makeKeyring } = await import('../../cloudfunctions/_shared/runtime/keyring')
    const { reconcileCounters } = await import('../../cloudfunctions/_shared/runtime/reconcile')
    const { censusPage } = await import('../../cloudfunctions/_shared/application/census')
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    const now = new Date('2026-11-22T02:00:00.000Z')
    await seedDemo(store, now, { forcePasswordChange: false, keyring: makeKeyring(Buffer.from('test-master-secret-test-master-secret')) })
    const page = await censusPage({ store }, 2026, undefined)
    expect(page.figure).toMatchObject({ n: 96, hidden: false })
    expect(page.communitiesAnswered).toBe(6)
    expect(page.children.every((c) => !c.hidden)).toBe(true)
    expect(page.average).toMatchObject({ source: 'computed' })
    const pairings = (await store.collection('pairings').find({ limit: 10 })).items
    expect(pairings.map((p) => p.leaderId).sort()).toEqual(['st_bingcaogang', 'st_dongqu'])
    const visited = await store.collection('cases').get(pairings.find((p) => p.leaderId === 'st_bingcaogang')!.caseId)
    expect(visited?.followUps.at(-1)).toMatchObject({ byLeader: true, byId: 'st_bingcaogang' })
    const report = await reconcileCounters(store, { repair: false })
    expect(report.drift).toEqual([])
    await store.close()
  })
})
