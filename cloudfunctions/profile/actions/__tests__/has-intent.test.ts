import type { Me } from '../../../_shared/contracts/profile'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { registration } from '../../../intent/actions/__tests__/fixtures'
import { profileActions } from '..'

describe('profile.get hasIntent (the home banner stops inviting someone who registered)', () => {
  it('is false before registering, true after, false again once withdrawn; staff never', async () => {
    const h = await makeHarness([{ id: 'a-staff', role: 'community_staff', orgId: 'comm-a' }])
    expect((await h.ok<Me>(profileActions, resident('r1'), 'get', {})).hasIntent).toBe(false)
    const mine = await h.ok<{ _id: string }>(intentActions, resident('r1'), 'submit', registration())
    expect((await h.ok<Me>(profileActions, resident('r1'), 'get', {})).hasIntent).toBe(true)
    expect((await h.ok<Me>(profileActions, resident('r2'), 'get', {})).hasIntent).toBe(false)
    await h.ok(intentActions, resident('r1'), 'withdraw', { id: mine._id })
    expect((await h.ok<Me>(profileActions, resident('r1'), 'get', {})).hasIntent).toBe(false)
    expect((await h.ok<Me>(profileActions, staffId('a-staff'), 'get', {})).hasIntent).toBe(false)
  })
})
