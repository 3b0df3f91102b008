import type { PolicyListOutput, PolicyView } from '../../../_shared/contracts/policy'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { profileActions } from '../../../profile/actions'
import { policyActions } from '..'

const STAFF = testStaff('a-staff', 'b-staff', 'district', 'reviewer')

async function setup() {
  const h = await makeHarness(STAFF)
  const create = async (who: string, over = {}) => h.ok<PolicyView>(policyActions, staffId(who), 'save', draft(over))
  const publish = async (who: string, id: string) => h.ok<PolicyView>(policyActions, staffId(who), 'publish', { id })
  const titles = async (who: ReturnType<typeof resident>, data: object = {}) =>
    (await h.ok<PolicyListOutput>(policyActions, who, 'list', data)).items.map((p) => p.title)
  return { h, create, publish, titles }
}

describe('policy.save', () => {
  it('creates a draft owned by the staff member’s org that residents cannot see yet', async () => {
    const { h, create, titles } = await setup()
    const p = await create('a-staff')
    expect(p).toMatchObject({ status: 'draft', orgId: 'comm-a', orgName: '甲社区', version: 1, editable: true })
    expect(await titles(resident('r1'))).toEqual([])
    const got = await h.call(policyActions, resident('r1'), 'get', { id: p._id })
    expect(got.status).toBe(404)
  })

  it('rejects invalid input with 400 and every field in error, writing nothing', async () => {
    const { h } = await setup()
    const bad = draft({
      title: '短',
      targetGroups: [],
      materials: [],
      contact: { department: '人社局', phone: 'abc', address: '某地' },
      validFrom: '2026-02-30',
    })
    const res = await h.call(policyActions, staffId('a-staff'), 'save', bad)
    expect(res.status).toBe(400)
    const fields = res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)
    expect(fields).toEqual(expect.arrayContaining(['title', 'targetGroups', 'materials', 'contact.phone', 'validFrom']))
    expect(await h.store.collection('policies').count()).toBe(0)
  })

  it('keeps a cap in fen: set, kept when left out, cleared with null; a non-integer or non-positive cap is 400 on capFen', async () => {
    const { h, create } = await setup()
    const p = await create('a-staff', { capFen: 30_000_000 })
    expect(p.capFen).toBe(30_000_000)
    for (const capFen of [12.5, 0, -100, Number.NaN]) {
      const res = await h.call(policyActions, staffId('a-staff'), 'save', draft({ id: p._id, version: p.version, capFen }))
      expect(res.status).toBe(400)
      expect(res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)).toEqual(['capFen'])
    }
    expect((await h.store.collection('policies').get(p._id))?.capFen).toBe(30_000_000)
    const kept = await h.ok<PolicyView>(policyActions, staffId('a-staff'), 'save', draft({ id: p._id, version: p.version, title: '改过标题的政策' }))
    expect(kept.capFen).toBe(30_000_000)
    const cleared = await h.ok<PolicyView>(policyActions, staffId('a-staff'), 'save', draft({ id: p._id, version: kept.version, capFen: null }))
    expect(cleared.capFen).toBeNull()
  })

  it('refuses an end date before the start date, on the validTo field', async () => {
    const { h } = await setup()
    const res = await h.call(policyActions, staffId('a-staff'), 'save', draft({ validFrom: '2026-05-01', validTo: '2026-04-30' }))
    expect(res.status).toBe(400)
    expect(res.body.ok ? null : res.body.error.fields).toEqual([{ path: 'validTo', message: '截止日期不能早于开始日期' }])
  })

  it('ignores an orgId smuggled in the body: the policy belongs to the caller’s org', async () => {
    const { h } = await setup()
    const p = await h.ok<PolicyView>(policyActions, staffId('a-staff'), 'save', { ...draft(), orgId: 'city', status: 'published' })
    expect(p.orgId).toBe('comm-a')
    expect(p.status).toBe('draft')
  })

  it('refuses residents and read-only roles', async () => {
    const { h } = await setup()
    expect((await h.call(policyActions, resident('r1'), 'save', draft())).status).toBe(403)
    expect((await h.call(policyActions, staffId('reviewer'), 'save', draft())).status).toBe(403)
    expect((await h.call(policyActions, null, 'save', draft())).status).toBe(401)
  })

  it('edits with the current version and refuses a stale one with 409', async () => {
    const { h, create } = await setup()
    const p = await create('a-staff')
    const edited = await h.ok<PolicyView>(policyActions, staffId('a-staff'), 'save', draft({ id: p._id, version: 1, title: '修改后的补贴政策' }))
    expect(edited).toMatchObject({ title: '修改后的补贴政策', version: 2 })
    const stale = await h.call(policyActions, staffId('a-staff'), 'save', draft({ id: p._id, version: 1, title: '覆盖别人的修改' }))
    expect(stale.status).toBe(409)
    expect((await h.store.collection('policies').get(p._id))?.title).toBe('修改后的补贴政策')
  })

  it('keeps other orgs’ policies out of reach: another community gets 404, a lower org 403 on an upper one', async () => {
    const { h, create, publish } = await setup()
    const a = await create('a-staff')
    expect((await h.call(policyActions, staffId('b-staff'), 'save', draft({ id: a._id, version: 1 }))).status).toBe(404)
    const d = await create('district')
    await publish('district', d._id)
    expect((await h.call(policyActions, staffId('a-staff'), 'save', draft({ id: d._id, version: 2 }))).status).toBe(403)
    // The district, above community A, may edit A's policy.
    expect((await h.call(policyActions, staffId('district'), 'save', draft({ id: a._id, version: 1 }))).status).toBe(200)
  })
})

describe('policy.publish / archive', () => {
  it('publishing shows the policy to residents; archiving hides it again', async () => {
    const { h, create, publish, titles } = await setup()
    const p = await create('a-staff', { title: '甲社区创业工位' })
    const pub = await publish('a-staff', p._id)
    expect(pub).toMatchObject({ status: 'published', version: 2, inForce: true })
    await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-a', targetGroups: [] })
    expect(await titles(resident('r1'))).toEqual(['甲社区创业工位'])
    await h.ok(policyActions, staffId('a-staff'), 'archive', { id: p._id })
    expect(await titles(resident('r1'))).toEqual([])
    const manage = await h.ok<PolicyListOutput>(policyActions, staffId('a-staff'), 'list', { view: 'manage', status: 'archived' })
    expect(manage.items.map((i) => i._id)).toEqual([p._id])
  })

  it('refuses to publish a policy whose end date has passed', async () => {
    const { h, create } = await setup()
    const p = await create('a-staff', { validFrom: '2025-01-01', validTo: '2025-12-31' })
    const res = await h.call(policyActions, staffId('a-staff'), 'publish', { id: p._id })
    expect(res.status).toBe(409)
    expect((await h.store.collection('policies').get(p._id))?.status).toBe('draft')
  })

  it('publishing twice is harmless', async () => {
    const { create, publish } = await setup()
    const p = await create('a-staff')
    await publish('a-staff', p._id)
    expect((await publish('a-staff', p._id)).version).toBe(2)
  })
})

describe('policy.list for residents', () => {
  async function world() {
    const s = await setup()
    let minute = 0
    const mk = async (who: string, over: object) => {
      // Publish a minute apart so "newest first" has one right answer.
      s.h.setNow(`2026-11-22T01:${String(minute++).padStart(2, '0')}:00.000Z`)
      const p = await s.create(who, over)
      await s.publish(who, p._id)
      return p
    }
    await mk('district', { title: '区级创业担保贷款', category: 'guaranteed_loan', targetGroups: ['returning_migrant', 'farmer'] })
    await mk('a-staff', { title: '甲社区创业工位', category: 'incubation', targetGroups: ['graduate'] })
    await mk('b-staff', { title: '乙社区场租补贴', category: 'rent_subsidy', targetGroups: ['unemployed'] })
    await mk('district', { title: '未来才生效的政策', validFrom: '2027-01-01' })
    const lapsing = await mk('district', { title: '将要过期的政策', validFrom: '2026-01-01', validTo: '2026-11-22' })
    return { ...s, lapsing }
  }

  it('shows only published policies in force today of my community and the orgs above it', async () => {
    const { h, titles } = await world()
    await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-a', targetGroups: [] })
    expect((await titles(resident('r1'))).sort()).toEqual(['区级创业担保贷款', '将要过期的政策', '甲社区创业工位'].sort())
  })

  it('uses Shanghai dates: a policy ending today is shown until midnight in Shanghai', async () => {
    const { h, titles } = await world()
    h.setNow('2026-11-22T15:59:00.000Z') // 23:59 in Shanghai
    expect(await titles(resident('r1'))).toContain('将要过期的政策')
    h.setNow('2026-11-22T16:00:00.000Z') // 00:00 next day in Shanghai
    expect(await titles(resident('r1'))).not.toContain('将要过期的政策')
  })

  it('filters by category, target group and keyword', async () => {
    const { titles } = await world()
    const r = resident('r2')
    expect(await titles(r, { category: 'guaranteed_loan' })).toEqual(['区级创业担保贷款'])
    expect(await titles(r, { targetGroup: 'unemployed' })).toEqual(['乙社区场租补贴'])
    expect(await titles(r, { keyword: '工位' })).toEqual(['甲社区创业工位'])
    expect(await titles(r, { keyword: '不存在的词' })).toEqual([])
  })

  it('“适合我” uses the groups in my profile, and asks me to set them first', async () => {
    const { h, titles } = await world()
    const none = await h.call(policyActions, resident('r3'), 'list', { forMe: true })
    expect(none.status).toBe(400)
    expect(none.body.ok ? null : none.body.error.fields?.[0].path).toBe('forMe')
    await h.ok(profileActions, resident('r3'), 'save', { communityId: 'comm-b', targetGroups: ['farmer', 'unemployed'] })
    expect((await titles(resident('r3'), { forMe: true })).sort()).toEqual(['区级创业担保贷款', '乙社区场租补贴'].sort())
  })

  it('pages through results with a cursor, newest first, without repeats', async () => {
    const { h } = await world()
    const r = resident('r4')
    const first = await h.ok<PolicyListOutput>(policyActions, r, 'list', { limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.next).not.toBeNull()
    const second = await h.ok<PolicyListOutput>(policyActions, r, 'list', { limit: 2, after: first.next })
    const all = [...first.items, ...second.items].map((i) => i.title)
    expect(new Set(all).size).toBe(all.length)
    expect(all[0]).toBe('将要过期的政策')
    const bad = await h.call(policyActions, r, 'list', { after: 'not-a-cursor' })
    expect(bad.status).toBe(400)
  })

  it('a resident cannot open another community’s policy by id', async () => {
    const { h } = await world()
    await h.ok(profileActions, resident('r5'), 'save', { communityId: 'comm-a', targetGroups: [] })
    const list = await h.ok<PolicyListOutput>(policyActions, staffId('b-staff'), 'list', { view: 'manage' })
    const bPolicy = list.items.find((i) => i.title === '乙社区场租补贴')!
    expect((await h.call(policyActions, resident('r5'), 'get', { id: bPolicy._id })).status).toBe(404)
  })

  it('the manage view is staff-only and scoped to the caller’s org and below', async () => {
    const { h } = await world()
    expect((await h.call(policyActions, resident('r1'), 'list', { view: 'manage' })).status).toBe(403)
    const ids = async (who: string) =>
      (await h.ok<PolicyListOutput>(policyActions, staffId(who), 'list', { view: 'manage' })).items.map((i) => i.title).sort()
    expect(await ids('a-staff')).toEqual(['甲社区创业工位'])
    expect(await ids('district')).toHaveLength(5)
  })
})
