/**
 * `npm run cloud:admin -- --invite`: the first administrator of a cloud deployment binds their
 * WeChat to a one-time invitation; there is no default account. The store is the embedded one
 * here (the command's logic is store-agnostic); the redemption runs the real `org.bind` through
 * the CloudBase entry (`makeMain`) with the OPENID in the function context, as on WeChat.
 */
import type { Invitation } from '../../cloudfunctions/_shared/domain/invitation'
import type { StaffMember } from '../../cloudfunctions/_shared/domain/staff'
import { orgActions } from '../../cloudfunctions/org/actions'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { makeMain } from '../../cloudfunctions/_shared/runtime/make-main'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { runCloudAdmin } from '../cloud-admin'

const APP_SECRET = 'first-admin-master-secret-0123456789abcdef'
const SHELL = { TCB_ENV_ID: 'env-x', TCB_SECRET_ID: 'AKIDx', TCB_SECRET_KEY: 'keyx', APP_SECRET }
// Issued now: `org.bind` checks expiry against the real clock.
const NOW = new Date()
const OPENID = 'oAdminFirstADMINfirst_1234567'

function world() {
  const store: Store<Collections> = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  const keyring = makeKeyring(Buffer.from(APP_SECRET, 'utf8'))
  const main = makeMain('org', orgActions, () => ({
    store: () => store,
    identity: async (_e, c) => {
      const openid = (c as { openid?: string } | null)?.openid
      return openid ? { openid } : null
    },
    keyring: () => keyring,
  }))
  const admin = (argv: string[], shell: Record<string, string> = SHELL) => runCloudAdmin(argv, shell, { store: () => store, now: () => NOW })
  return { store, main, admin }
}

const codeOf = (out: string) => /邀请码：([A-Z0-9]{8})/.exec(out)?.[1] ?? ''

describe('npm run cloud:admin -- --invite', () => {
  it('on an empty environment asks which city, and writes nothing', async () => {
    const { store, admin } = world()
    const run = await admin(['--invite'])
    expect(run.code).toBe(1)
    expect(run.out).toContain('--city')
    expect(await store.collection('orgs').count()).toBe(0)
    expect(await store.collection('invitations').count()).toBe(0)
  })

  it('creates the city and a 24-hour single-use admin invitation whose code binds a WeChat as 系统管理员', async () => {
    const { store, main, admin } = world()
    const run = await admin(['--invite', '--city', '攀枝花市', '--label', '王主任'])
    expect(run.code).toBe(0)
    const code = codeOf(run.out)
    expect(code).toMatch(/^[A-Z0-9]{8}$/)
    expect(run.out).toContain(`staff/pages/bind/index?code=${code}`)
    expect((await store.collection('orgs').get('city'))?.name).toBe('攀枝花市')
    const [inv] = (await store.collection('invitations').find({ limit: 5 })).items as Invitation[]
    expect(inv).toMatchObject({ role: 'admin', orgId: 'city', label: '王主任', usedAt: null })
    expect(new Date(inv.expiresAt).getTime() - new Date(inv.createdAt).getTime()).toBe(24 * 3600_000)
    // Only the keyed hash is stored: the code itself appears nowhere in the database.
    expect(JSON.stringify((await store.collection('invitations').find({ limit: 5 })).items)).not.toContain(code)
    expect((await store.collection('audit').find({ limit: 5 })).items.map((a) => a.action)).toEqual(['cloud-admin.invite'])

    // Before binding, this WeChat is a resident: the staff list is refused.
    expect(await main({ action: 'staff', data: {} }, { openid: OPENID })).toMatchObject({ ok: false })
    const bound = await main({ action: 'bind', data: { code: code.toLowerCase(), name: '王主任' } }, { openid: OPENID })
    expect(bound).toMatchObject({ ok: true, data: { role: 'admin' } })
    const staff = (await store.collection('staff').find({ where: where.eq<StaffMember>('openid', OPENID), limit: 1 })).items[0]
    expect(staff).toMatchObject({ role: 'admin', orgId: 'city', passwordHash: null, writtenBy: 'server' })
    expect(await main({ action: 'staff', data: {} }, { openid: OPENID })).toMatchObject({ ok: true })
    // Single use: a second WeChat cannot redeem it again.
    expect(await main({ action: 'bind', data: { code, name: '别人' } }, { openid: 'oSomeoneElse_someoneELSE_12345' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('refuses a second first-admin invitation once an administrator is bound, unless --again', async () => {
    const { store, admin } = world()
    await admin(['--invite', '--city', '攀枝花市'])
    await store.collection('staff').insert({
      _id: 'st_a', name: '王', role: 'admin', orgId: 'city', openid: OPENID, username: null, passwordHash: null, active: true, createdAt: NOW.toISOString(), writtenBy: 'server',
    } as StaffMember)
    const refused = await admin(['--invite'])
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('--again')
    expect(await store.collection('invitations').count()).toBe(1)
    const again = await admin(['--invite', '--again'])
    expect(again.code).toBe(0)
    expect(await store.collection('invitations').count()).toBe(2)
    // A different city name than the environment's is a mistake, not a second tree.
    const wrongCity = await admin(['--invite', '--again', '--city', '成都市'])
    expect(wrongCity.code).toBe(1)
    expect(wrongCity.out).toContain('攀枝花市')
  })

  it('seeds demo data only with --demo, and then without any password', async () => {
    const { store, admin } = world()
    const run = await admin(['--invite', '--demo'])
    expect(run.code).toBe(0)
    expect(run.out).toContain('已写入演示数据')
    expect(await store.collection('policies').count()).toBeGreaterThan(0)
    const staff = (await store.collection('staff').find({ limit: 100 })).items
    expect(staff.length).toBeGreaterThan(1)
    expect(staff.every((s) => s.passwordHash === null && s.username === null)).toBe(true)
    // The demo tree's city is where the admin invitation points.
    const [inv] = (await store.collection('invitations').find({ limit: 1 })).items
    expect(inv.orgId).toBe('city')

    const plain = world()
    await plain.admin(['--invite', '--city', '某市'])
    expect(await plain.store.collection('policies').count()).toBe(0)
    expect(await plain.store.collection('staff').count()).toBe(0)
  })

  it('bad input and missing configuration are clear and write nothing', async () => {
    const { store, admin } = world()
    expect((await admin([])).out).toContain('用法')
    expect((await admin(['--invite', '--city'])).code).toBe(2)
    const noSecret = await admin(['--invite', '--city', '某市'], { ...SHELL, APP_SECRET: '' })
    expect(noSecret.code).toBe(2)
    expect(noSecret.out).toContain('APP_SECRET')
    const noCreds = await admin(['--invite', '--city', '某市'], { APP_SECRET })
    expect(noCreds.code).toBe(2)
    expect(noCreds.out).toContain('TCB_ENV_ID')
    expect(await store.collection('orgs').count()).toBe(0)
  })
})
