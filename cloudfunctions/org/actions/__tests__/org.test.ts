import type { AuditPage, BoundAccount, IssuedInvitation, OrgNode, StaffList } from '../../../_shared/contracts/org'
import { dispatch } from '../../../_shared/runtime/dispatch'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { profileActions } from '../../../profile/actions'
import { policyActions } from '../../../policy/actions'
import { orgActions } from '..'

const STAFF = testStaff('admin', 'district', 'reviewer', 'a-lead', 'a-staff', 'b-staff')

describe('org: invitations', () => {
  it('a lead invites a community worker, who binds once with a browser session and can then act', async () => {
    const h = await makeHarness(STAFF)
    const inv = await h.ok<IssuedInvitation>(orgActions, staffId('a-lead'), 'invite', {
      role: 'community_staff',
      orgId: 'comm-a',
      label: '甲社区 张老师',
    })
    expect(inv.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(await h.store.collection('invitations').get(inv.code)).toBeNull() // only a keyed hash is stored
    const typed = `${inv.code.slice(0, 4).toLowerCase()}-${inv.code.slice(4)}`
    const bound = await h.ok<BoundAccount>(orgActions, resident('h5_new-person'), 'bind', {
      code: typed,
      name: '张老师',
      username: 'zhang',
      password: 'Zhang2026ok',
    })
    expect(bound).toEqual({ staffId: 'st_zhang', role: 'community_staff', orgName: '甲社区', username: 'zhang' })
    expect((await h.call(policyActions, staffId('st_zhang'), 'list', { view: 'manage' })).status).toBe(200)
    // Single use: a second redemption fails, and writes nothing.
    const again = await h.call(orgActions, resident('h5_someone-else'), 'bind', { code: inv.code, name: '李四', username: 'lisi', password: 'Lisi2026ok' })
    expect(again.status).toBe(404)
    expect(again.body.ok ? null : again.body.error.fields?.[0].path).toBe('code')
    expect(await h.store.collection('staff').get('st_lisi')).toBeNull()
  })

  it('binds a WeChat identity without a password', async () => {
    const h = await makeHarness(STAFF)
    const inv = await h.ok<IssuedInvitation>(orgActions, staffId('district'), 'invite', { role: 'street_reviewer', orgId: 'street', label: '街道 王' })
    const bound = await h.ok<BoundAccount>(orgActions, { openid: 'oWx-123' }, 'bind', { code: inv.code, name: '王五' })
    const staff = await h.store.collection('staff').get(bound.staffId)
    expect(staff).toMatchObject({ openid: 'oWx-123', username: null, passwordHash: null, role: 'street_reviewer' })
    // From now on that OPENID is this staff member.
    const me = await h.ok<{ kind: string }>(profileActions, { openid: 'oWx-123' }, 'get', {})
    expect(me.kind).toBe('staff')
  })

  it('refuses expired codes, senior or sideways roles, orgs out of scope and the wrong level', async () => {
    const h = await makeHarness(STAFF)
    const inv = await h.ok<IssuedInvitation>(orgActions, staffId('a-lead'), 'invite', { role: 'community_staff', orgId: 'comm-a', label: '过期的', expiresInDays: 1 })
    h.setNow('2026-11-23T02:00:01.000Z')
    expect((await h.call(orgActions, resident('h5_x'), 'bind', { code: inv.code, name: '某人', username: 'late', password: 'Late2026ok' })).status).toBe(404)
    const refused = async (who: string, data: object, status: number) =>
      expect((await h.call(orgActions, staffId(who), 'invite', { label: '某人', ...data })).status).toBe(status)
    await refused('a-lead', { role: 'community_lead', orgId: 'comm-a' }, 403) // same rank
    await refused('a-lead', { role: 'community_staff', orgId: 'comm-b' }, 404) // another community
    await refused('a-staff', { role: 'community_staff', orgId: 'comm-a' }, 403) // no staff.manage
    await refused('reviewer', { role: 'community_staff', orgId: 'comm-a' }, 403)
    await refused('district', { role: 'community_staff', orgId: 'street' }, 400) // role/level mismatch
    expect((await h.call(orgActions, resident('h5_y'), 'invite', { role: 'admin', orgId: 'city', label: '我自己' })).status).toBe(403)
    // A browser-session bind needs an account to sign in with.
    const ok = await h.ok<IssuedInvitation>(orgActions, staffId('admin'), 'invite', { role: 'city_officer', orgId: 'city', label: '市里' })
    const missing = await h.call(orgActions, resident('h5_z'), 'bind', { code: ok.code, name: '赵六' })
    expect(missing.body.ok ? null : missing.body.error.fields?.map((f) => f.path)).toEqual(['username', 'password'])
  })
})

describe('org: staff and revoke', () => {
  it('lists staff of the caller’s scope only, and revokes a junior account effective on its next call', async () => {
    const h = await makeHarness(STAFF)
    const names = async (who: string) => (await h.ok<StaffList>(orgActions, staffId(who), 'staff', {})).items.map((s) => s._id).sort()
    expect(await names('a-lead')).toEqual(['a-lead', 'a-staff'])
    expect(await names('district')).toEqual(['a-lead', 'a-staff', 'b-staff', 'district', 'reviewer'])
    expect((await h.call(orgActions, staffId('a-lead'), 'staff', { orgId: 'comm-b' })).status).toBe(404)
    expect((await h.call(orgActions, staffId('a-lead'), 'revoke', { staffId: 'b-staff' })).status).toBe(404)
    expect((await h.call(orgActions, staffId('a-lead'), 'revoke', { staffId: 'a-lead' })).status).toBe(403)
    expect((await h.call(orgActions, staffId('reviewer'), 'revoke', { staffId: 'a-staff' })).status).toBe(403)
    expect((await h.call(policyActions, staffId('a-staff'), 'list', { view: 'manage' })).status).toBe(200)
    await h.ok(orgActions, staffId('a-lead'), 'revoke', { staffId: 'a-staff' })
    expect((await h.call(policyActions, staffId('a-staff'), 'list', { view: 'manage' })).status).toBe(401)
  })
})

describe('org: staff pages', () => {
  it('pages the staff of a scope by unit, each member once, the cursor carrying on where the last page stopped', async () => {
    const h = await makeHarness(STAFF)
    const seen: StaffList['items'] = []
    let after: string | null = null
    let pages = 0
    do {
      const page: StaffList = await h.ok<StaffList>(orgActions, staffId('district'), 'staff', { limit: 2, after })
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items)
      after = page.next
      pages++
    } while (after && pages < 10)
    expect(seen.map((s) => s._id).sort()).toEqual(['a-lead', 'a-staff', 'b-staff', 'district', 'reviewer'])
    expect(pages).toBe(3)
    // By unit: each unit's members come together, never split across the list.
    const runs = seen.map((s) => s.orgName).filter((name, i, all) => i === 0 || all[i - 1] !== name)
    expect(new Set(runs).size).toBe(runs.length)
    expect((await h.call(orgActions, staffId('district'), 'staff', { after: 'not-a-cursor' })).status).toBe(400)
  })
})

describe('org: audit log', () => {
  it('shows each level its own and lower records, filterable, never its superiors’', async () => {
    const h = await makeHarness(STAFF)
    const call = (who: string, data: object) =>
      dispatch(
        policyActions,
        { action: 'save', data },
        { fn: 'policy', store: h.store, identity: staffId(who), keyring: h.keyring, now: () => new Date('2026-11-22T02:00:00Z') },
      )
    await call('a-staff', draft())
    await call('b-staff', draft())
    await call('b-staff', draft({ title: '短' }))
    await call('district', draft())
    const actors = async (who: string, data: object = {}) =>
      (await h.ok<AuditPage>(orgActions, staffId(who), 'audit', data)).items.map((a) => `${a.actorId}:${a.result}`).sort()
    expect(await actors('a-lead')).toEqual(['a-staff:ok'])
    expect(await actors('reviewer')).toEqual(['a-staff:ok', 'b-staff:invalid', 'b-staff:ok'])
    expect(await actors('district', { result: 'invalid' })).toEqual(['b-staff:invalid'])
    expect(await actors('admin', { from: '2026-11-22', to: '2026-11-22' })).toHaveLength(4)
    expect(await actors('admin', { from: '2026-11-23' })).toEqual([])
    expect((await h.call(orgActions, staffId('a-staff'), 'audit', {})).status).toBe(403)
    expect((await h.call(orgActions, staffId('a-lead'), 'audit', { orgId: 'street' })).status).toBe(404)
  })
})

describe('org: tree editing', () => {
  it('lets the admin add a community under a street and rename it, and nobody else', async () => {
    const h = await makeHarness(STAFF)
    const added = await h.ok<OrgNode>(orgActions, staffId('admin'), 'saveOrg', { name: '丙社区', level: 'community', parentId: 'street' })
    expect((await h.store.collection('orgs').get(added._id))?.path).toEqual(['city', 'dist', 'street', added._id])
    await h.ok(orgActions, staffId('admin'), 'saveOrg', { id: added._id, name: '丙村', level: 'community', parentId: 'street' })
    expect((await h.store.collection('orgs').get(added._id))?.name).toBe('丙村')
    expect((await h.call(orgActions, staffId('admin'), 'saveOrg', { name: '错层', level: 'community', parentId: 'dist' })).status).toBe(400)
    expect((await h.call(orgActions, staffId('district'), 'saveOrg', { name: '丁社区', level: 'community', parentId: 'street' })).status).toBe(403)
  })
})
