import type { Me } from '../../../_shared/contracts/profile'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { orgActions } from '../../../org/actions'
import { profileActions } from '..'

describe('profile', () => {
  it('starts empty and saves my community and groups, deduplicated', async () => {
    const h = await makeHarness()
    expect(await h.ok<Me>(profileActions, resident('r1'), 'get', {})).toEqual({
      kind: 'resident',
      communityId: null,
      communityName: null,
      targetGroups: [],
      hasIntent: false,
      staff: null,
    })
    const me = await h.ok<Me>(profileActions, resident('r1'), 'save', {
      communityId: 'comm-a',
      targetGroups: ['graduate', 'graduate', 'veteran'],
    })
    expect(me).toMatchObject({ communityId: 'comm-a', communityName: '甲社区', targetGroups: ['graduate', 'veteran'] })
    expect(await h.ok<Me>(profileActions, resident('r2'), 'get', {})).toMatchObject({ communityId: null })
  })

  it('refuses a community that does not exist or is not a community, and unknown groups', async () => {
    const h = await makeHarness()
    for (const communityId of ['street', 'nowhere']) {
      const res = await h.call(profileActions, resident('r1'), 'save', { communityId, targetGroups: [] })
      expect(res.status).toBe(400)
      expect(res.body.ok ? null : res.body.error.fields?.[0].path).toBe('communityId')
    }
    const res = await h.call(profileActions, resident('r1'), 'save', { communityId: null, targetGroups: ['king'] })
    expect(res.body.ok ? null : res.body.error.fields?.[0].path).toBe('targetGroups.0')
    expect(await h.store.collection('profiles').count()).toBe(0)
  })

  it('tells staff who they are, from the server’s records', async () => {
    const h = await makeHarness([{ id: 's1', role: 'community_lead', orgId: 'comm-b' }])
    const me = await h.ok<Me>(profileActions, staffId('s1'), 'get', { role: 'admin' })
    expect(me.staff).toEqual({ name: 's1', role: 'community_lead', orgId: 'comm-b', orgName: '乙社区' })
  })

  it('org.tree lists every org with its full name for pickers', async () => {
    const h = await makeHarness()
    const { orgs } = await h.ok<{ orgs: { _id: string; fullName: string }[] }>(orgActions, resident('r'), 'tree', {})
    expect(orgs.find((o) => o._id === 'comm-a')?.fullName).toBe('测试市 / 测试区 / 测试街道 / 甲社区')
    expect(orgs).toHaveLength(5)
  })
})
