import type { ProjectListOutput, ProjectView } from '../../../_shared/contracts/project'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { profileActions } from '../../../profile/actions'
import { projectActions } from '..'

const STAFF = testStaff('a-staff', 'b-staff', 'district', 'reviewer')

const project = (over = {}) => ({
  title: '社区早餐车',
  industry: 'catering',
  investment: '1to5',
  description: '早餐车流动经营，投入小，适合有面点手艺的居民',
  contactName: '王老师',
  contactPhone: '13900001111',
  ...over,
})

describe('project reserve', () => {
  it('staff keep projects; residents see active ones from their community and above', async () => {
    const h = await makeHarness(STAFF)
    const a = await h.ok<ProjectView>(projectActions, staffId('a-staff'), 'save', project())
    await h.ok(projectActions, staffId('b-staff'), 'save', project({ title: '乙社区团购站' }))
    await h.ok(projectActions, staffId('district'), 'save', project({ title: '全区电商直播基地', industry: 'ecommerce', investment: 'lt1' }))
    await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-a', targetGroups: [] })
    const titles = async (data: object) => (await h.ok<ProjectListOutput>(projectActions, resident('r1'), 'list', data)).items.map((p) => p.title).sort()
    expect(await titles({})).toEqual(['全区电商直播基地', '社区早餐车'].sort())
    expect(await titles({ industry: 'ecommerce' })).toEqual(['全区电商直播基地'])
    expect(await titles({ communityId: 'comm-b' })).toEqual(['乙社区团购站', '全区电商直播基地'].sort())

    await h.ok(projectActions, staffId('a-staff'), 'archive', { id: a._id })
    expect(await titles({})).toEqual(['全区电商直播基地'])
    expect((await h.call(projectActions, resident('r1'), 'get', { id: a._id })).status).toBe(404)
    const manage = await h.ok<ProjectListOutput>(projectActions, staffId('a-staff'), 'list', { view: 'manage' })
    expect(manage.items.map((p) => [p.title, p.status])).toEqual([['社区早餐车', 'archived']])
  })

  it('validates beside the field and keeps other orgs’ projects out of reach', async () => {
    const h = await makeHarness(STAFF)
    const bad = await h.call(projectActions, staffId('a-staff'), 'save', project({ title: '', contactPhone: 'abc', investment: 'lots' }))
    expect(bad.status).toBe(400)
    expect(bad.body.ok ? [] : bad.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['title', 'contactPhone', 'investment']))
    const a = await h.ok<ProjectView>(projectActions, staffId('a-staff'), 'save', project())
    expect((await h.call(projectActions, staffId('b-staff'), 'save', project({ id: a._id, version: 1 }))).status).toBe(404)
    expect((await h.call(projectActions, staffId('b-staff'), 'archive', { id: a._id })).status).toBe(404)
    expect((await h.call(projectActions, staffId('reviewer'), 'save', project())).status).toBe(403)
    expect((await h.call(projectActions, resident('r1'), 'save', project())).status).toBe(403)
    const edited = await h.ok<ProjectView>(projectActions, staffId('district'), 'save', project({ id: a._id, version: 1, title: '社区早餐车（升级版）' }))
    expect(edited.version).toBe(2)
    expect((await h.call(projectActions, staffId('a-staff'), 'save', project({ id: a._id, version: 1 }))).status).toBe(409)
  })
})
