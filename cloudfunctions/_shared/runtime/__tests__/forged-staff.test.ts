import type { StaffMember } from '../../domain/staff'
import type { AuditEntry } from '../../domain/audit'
import { type Collections } from '../../store/collections'
import { where } from '../../store/port'
import { openSqliteStore } from '../../store/sqlite/adapter'
import { makeHarness } from '../../testing/harness'
import { orgActions } from '../../../org/actions'
import { type CloudbaseSdk, openidFromContext } from '../cloudbase-root'
import { makeKeyring } from '../keyring'
import { makeMain } from '../make-main'
import { runMigrations } from '../migrations'
import { seedDemo } from '../../../../server/seed'

/**
 * A resident must not become staff by writing a `staff` document themself, even when a security
 * rule in the CloudBase console is missing or wrong: the client SDK stamps `_openid` on what it
 * writes, and server code marks what it writes. Only the latter grants a role.
 */
const FORGER = 'oForgerFORGERforger_12345678'
const sdk: CloudbaseSdk = {
  openDatabase: () => {
    throw new Error('not used: the store is SQLite here')
  },
  contextVariables: (context) => {
    const env = (context as { environment?: string } | null)?.environment
    return env ? (JSON.parse(env) as Record<string, unknown>) : {}
  },
}
const contextOf = (openid: string | null) => ({ environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}) })

async function world() {
  const h = await makeHarness([{ id: 'city-admin', role: 'admin', orgId: 'city' }])
  const keyring = makeKeyring(Buffer.from('forged-master-secret-forged-master'))
  const main = makeMain('org', orgActions, () => ({ store: () => h.store, identity: async (_e, c) => {
    const openid = openidFromContext(c, sdk)
    return openid ? { openid } : null
  }, keyring: () => keyring }))
  /** What a mini-program could write with `db.collection('staff').add(...)` under a wrong rule. */
  const forged = (over: Partial<StaffMember> & Record<string, unknown> = {}) =>
    h.store.collection('staff').insert({
      _id: `forged_${Math.random().toString(36).slice(2)}`,
      name: '我是管理员',
      role: 'admin',
      orgId: 'city',
      openid: FORGER,
      username: null,
      passwordHash: null,
      active: true,
      createdAt: '2026-11-01T00:00:00.000Z',
      ...over,
    } as StaffMember)
  const forgedAudit = async () =>
    (await h.store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', FORGER), where.eq('code', 'FORGED_STAFF')), limit: 10 })).items
  return { h, main, forged, forgedAudit }
}

describe('staff documents the client SDK could have written', () => {
  it('one carrying `_openid` grants nothing: a staff action answers 403, and the attempt is audited', async () => {
    const { main, forged, forgedAudit } = await world()
    await forged({ _openid: FORGER, writtenBy: 'server' })
    const reply = await main({ action: 'staff', data: {} }, contextOf(FORGER))
    expect(reply.ok ? null : reply.error.code).toBe('FORBIDDEN')
    expect(await forgedAudit()).toHaveLength(1)
  })

  it('one without the server marker grants nothing either', async () => {
    const { main, forged, forgedAudit } = await world()
    await forged()
    const reply = await main({ action: 'staff', data: {} }, contextOf(FORGER))
    expect(reply.ok ? null : reply.error.code).toBe('FORBIDDEN')
    expect(await forgedAudit()).toHaveLength(1)
  })

  it('the same document written by server code does grant the role (the check is not a blanket refusal)', async () => {
    const { main, forged } = await world()
    await forged({ writtenBy: 'server' })
    const reply = await main({ action: 'staff', data: {} }, contextOf(FORGER))
    expect(reply.ok).toBe(true)
  })

  it('a call with no OPENID in the context is 401, never a default identity', async () => {
    const { main } = await world()
    const reply = await main({ action: 'staff', data: {}, openid: FORGER, userInfo: { openId: FORGER } }, contextOf(null))
    expect(reply.ok ? null : reply.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('the migration that marks existing staff accounts', () => {
  it('marks server-written accounts of an older demo database, leaves `_openid` ones alone, and does nothing on a rerun', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { forcePasswordChange: false })
    // The database as an earlier version left it: no marker anywhere, plus a client-written doc.
    const accounts: StaffMember[] = []
    for await (const b of store.collection('staff').scan(undefined, 100)) accounts.push(...b)
    for (const s of accounts) {
      const { writtenBy: _w, ...old } = s
      await store.collection('staff').put(old as StaffMember)
    }
    const { writtenBy: _x, ...plain } = accounts[0]
    await store.collection('staff').insert({ ...plain, _id: 'st_client', openid: FORGER, _openid: FORGER } as StaffMember)
    const first = await runMigrations(store)
    expect(first.applied).toContainEqual({ name: '2026-12-staff-written-by-server', changed: accounts.length })
    expect((await store.collection('staff').get(accounts[0]._id))?.writtenBy).toBe('server')
    expect((await store.collection('staff').get('st_client'))?.writtenBy).toBeUndefined()
    const again = await runMigrations(store)
    expect(again).toEqual({ applied: [], skipped: ['2026-12-staff-written-by-server', '2026-12-event-collections-camelcase', '2026-12-benefit-kinds-and-fen'] })
    await store.close()
  })
})
