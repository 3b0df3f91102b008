import * as v from 'valibot'
import { makeHarness, resident, staffId } from '../../testing/harness'
import { type ActionMap, defineAction } from '../action'
import { dispatch } from '../dispatch'
import { inScope } from '../scope'

/** Declared access that depends on the input (`rules`), enforced by dispatch before the handler. */
describe('access rules on the declaration', () => {
  const ran: string[] = []
  const actions: ActionMap = {
    list: defineAction({
      input: v.object({ view: v.picklist(['read', 'manage', 'scan']) }),
      access: 'any',
      rules: [
        { on: "`view: 'manage'`", when: (i) => i.view === 'manage', access: 'staff', permission: 'policy.write', refusal: '你的角色不能管理' },
        { on: "`view: 'scan'`", when: (i) => i.view === 'scan', access: 'resident', refusal: '工作人员请手动签到' },
      ],
      async run(input, ctx) {
        ran.push(`${ctx.caller.kind}:${input.view}`)
        return input.view
      },
    }),
  }

  it('refuses only the inputs a rule picks, with its message, before the handler, and audits the refusal', async () => {
    const h = await makeHarness([
      { id: 'writer', role: 'community_staff', orgId: 'comm-a' },
      { id: 'reviewer', role: 'street_reviewer', orgId: 'street' },
    ])
    const call = (who: Parameters<typeof h.call>[1], view: string) => dispatch(actions, { action: 'list', data: { view } }, { fn: 'toy', store: h.store, identity: who, keyring: h.keyring })
    const answers = [
      await call(resident('r1'), 'read'),
      await call(resident('r1'), 'manage'),
      await call(staffId('reviewer'), 'manage'),
      await call(staffId('writer'), 'manage'),
      await call(staffId('writer'), 'scan'),
      await call(resident('r1'), 'scan'),
    ].map((a) => [a.status, a.body.ok ? a.body.data : a.body.error.message])
    expect(answers).toEqual([
      [200, 'read'],
      [403, '你的角色不能管理'],
      [403, '你的角色不能管理'],
      [200, 'manage'],
      [403, '工作人员请手动签到'],
      [200, 'scan'],
    ])
    expect(ran).toEqual(['resident:read', 'staff:manage', 'resident:scan'])
    const audit = await h.store.collection('audit').find({ orderBy: [{ field: 'at', dir: 'asc' }], limit: 10 })
    // Same-millisecond records: compared as a set.
    expect(audit.items.map((a) => [a.action, a.actorRole, a.result, a.code].join(' ')).sort()).toEqual([
      'toy.list community_staff denied FORBIDDEN',
      'toy.list resident denied FORBIDDEN',
      'toy.list street_reviewer denied FORBIDDEN',
    ])
  })
})

/** A rule for one kind of caller: the staff side of an action open to residents too. */
it('asks a caller-kind rule of that kind of caller only, whatever the input', async () => {
  const actions: ActionMap = {
    get: defineAction({
      input: v.object({}),
      access: 'any',
      rules: [{ on: 'staff callers', caller: 'staff', access: 'staff', permission: 'audit.read', refusal: '你的角色不能查看' }],
      async run(_input, ctx) {
        return ctx.caller.kind
      },
    }),
  }
  const h = await makeHarness([
    { id: 'lead', role: 'community_lead', orgId: 'comm-a' },
    { id: 'writer', role: 'community_staff', orgId: 'comm-a' },
  ])
  const call = async (who: Parameters<typeof h.call>[1]) => {
    const a = await dispatch(actions, { action: 'get', data: {} }, { fn: 'toy', store: h.store, identity: who, keyring: h.keyring })
    return [a.status, a.body.ok ? a.body.data : a.body.error.message]
  }
  expect([await call(resident('r1')), await call(staffId('lead')), await call(staffId('writer'))]).toEqual([
    [200, 'resident'],
    [200, 'staff'],
    [403, '你的角色不能查看'],
  ])
})

/** `inScope`'s `above`: a record kept above the caller's org is seen (403), one beside it is not (404). */
describe('records kept above the caller', () => {
  it('answers 403 with the rule message above, 404 beside or when `above` gives null', async () => {
    const h = await makeHarness([{ id: 'a', role: 'community_staff', orgId: 'comm-a' }])
    const caller = await h.store.collection('staff').get('a')
    const org = await h.store.collection('orgs').get('comm-a')
    const ctx = { store: h.store, caller: { kind: 'staff' as const, id: 'a', staff: caller!, org: org! }, now: () => new Date(), keyring: h.keyring }
    const rule = { missing: '不存在', above: (d: { orgId: string; status: string }) => (d.status === 'published' ? `由${d.orgId}维护` : null) }
    const doc = (orgId: string, orgPath: string[], status = 'published') => ({ orgId, orgPath, status })
    const outcome = (d: ReturnType<typeof doc>) => {
      try {
        inScope(ctx, d, rule)
        return 'ok'
      } catch (err) {
        const e = err as { code: string; message: string }
        return `${e.code} ${e.message}`
      }
    }
    expect(outcome(doc('comm-a', ['city', 'dist', 'street', 'comm-a']))).toBe('ok')
    expect(outcome(doc('city', ['city']))).toBe('FORBIDDEN 由city维护')
    expect(outcome(doc('city', ['city'], 'draft'))).toBe('NOT_FOUND 不存在')
    expect(outcome(doc('comm-b', ['city', 'dist', 'street', 'comm-b']))).toBe('NOT_FOUND 不存在')
  })
})

/** A rule naming a role from the input that the caller must outrank, with a message naming it. */
it('refuses a role the caller does not outrank, naming it', async () => {
  const actions: ActionMap = {
    grant: defineAction({
      input: v.object({ role: v.picklist(['community_staff', 'community_lead'] as const) }),
      access: 'staff',
      rules: [{ on: 'the `role`', access: 'staff', manages: (i) => i.role, refusalFor: (i) => `不能授予 ${i.role}` }],
      async run(input) {
        return input.role
      },
    }),
  }
  const h = await makeHarness([{ id: 'lead', role: 'community_lead', orgId: 'comm-a' }])
  const call = async (role: string) => {
    const a = await dispatch(actions, { action: 'grant', data: { role } }, { fn: 'toy', store: h.store, identity: staffId('lead'), keyring: h.keyring })
    return [a.status, a.body.ok ? a.body.data : a.body.error.message]
  }
  expect([await call('community_staff'), await call('community_lead')]).toEqual([
    [200, 'community_staff'],
    [403, '不能授予 community_lead'],
  ])
})
