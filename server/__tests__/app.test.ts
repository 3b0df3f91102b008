import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { buildApp } from '../app'
import { signToken } from '../auth'
import { seedDemo } from '../seed'
import { DEMO_ACCOUNTS, DEMO_ORGS, DEMO_PASSWORD, DEMO_POLICIES } from '../seed-data'
import { fakePng } from '../../cloudfunctions/_shared/testing/images'

const secret = Buffer.from('test-secret-test-secret-test-secret')
let app: FastifyInstance
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })

beforeAll(async () => {
  await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { forcePasswordChange: false })
  app = buildApp({ store, secret, keyring: makeKeyring(Buffer.from('k'.repeat(32))), now: () => new Date('2026-11-22T02:00:00Z') })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
})

async function residentToken(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/resident' })
  expect(res.statusCode).toBe(200)
  return res.json().token as string
}

async function staffToken(username: string, password = DEMO_PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } })
}

function fn(name: string, token: string | null, body: unknown) {
  return app.inject({
    method: 'POST',
    url: `/api/fn/${name}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as object,
  })
}

describe('seed', () => {
  it('seeds the demo org tree, an account for every level and community, and the policies, once', async () => {
    expect(await store.collection('orgs').count()).toBe(DEMO_ORGS.length)
    expect(DEMO_ORGS.filter((o) => o.level === 'community')).toHaveLength(6)
    expect(await store.collection('staff').count()).toBe(DEMO_ACCOUNTS.length)
    for (const org of DEMO_ORGS) expect(DEMO_ACCOUNTS.some((a) => a.orgId === org._id)).toBe(true)
    expect(DEMO_POLICIES.filter((p) => p.status === 'published').length).toBeGreaterThanOrEqual(12)
    expect(await seedDemo(store, new Date())).toBe(false)
    expect(await store.collection('policies').count()).toBe(DEMO_POLICIES.length)
  })

  it('with the demo data switched off (DEMO_DATA=0) seeds only the org tree and the admin', async () => {
    const bare = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    expect(await seedDemo(bare, new Date(), { demoData: false, keyring: makeKeyring(Buffer.from('x'.repeat(40))) })).toBe(true)
    expect(await bare.collection('orgs').count()).toBe(DEMO_ORGS.length)
    expect((await bare.collection('staff').find({ limit: 10 })).items.map((s) => s.username)).toEqual(['admin'])
    for (const c of ['policies', 'events', 'surveys', 'projects', 'cases'] as const) expect(await bare.collection(c).count()).toBe(0)
    await bare.close()
  })
})

describe('local runtime contract', () => {
  it('answers /healthz', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('gives each new resident their own token, and lists policies with it', async () => {
    const [a, b] = [await residentToken(), await residentToken()]
    expect(a).not.toBe(b)
    const res = await fn('policy', a, { action: 'list', data: { limit: 5 } })
    expect(res.statusCode).toBe(200)
    expect(res.json().data.items).toHaveLength(5)
  })

  it('signs staff in with their password and refuses a wrong one without saying which part was wrong', async () => {
    const ok = await staffToken('jinsha')
    expect(ok.statusCode).toBe(200)
    const me = await fn('profile', ok.json().token, { action: 'get', data: {} })
    expect(me.json().data.staff).toMatchObject({ role: 'community_staff', orgId: 'c-jinsha' })
    for (const [u, p] of [['jinsha', 'wrong'], ['nobody', DEMO_PASSWORD]]) {
      const bad = await staffToken(u, p)
      expect(bad.statusCode).toBe(401)
      expect(bad.json().error.message).toBe('账号或密码不正确')
    }
    const empty = await app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username: '' } })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['username', 'password'])
  })

  it('refuses calls without a valid, unexpired token', async () => {
    expect((await fn('policy', null, { action: 'list', data: {} })).statusCode).toBe(401)
    const token = await residentToken()
    const tampered = `${token.slice(0, -2)}xx`
    expect((await fn('policy', tampered, { action: 'list', data: {} })).statusCode).toBe(401)
    const expired = signToken(secret, { k: 'r', sub: 'h5_old', d: 'dev_old', exp: Math.floor(Date.parse('2026-11-22T01:00:00Z') / 1000) })
    expect((await fn('policy', expired, { action: 'list', data: {} })).statusCode).toBe(401)
    const otherKey = signToken(Buffer.from('another-secret-another-secret-xx'), { k: 's', sub: 'st_admin', exp: 4e9, v: 0 })
    expect((await fn('policy', otherKey, { action: 'list', data: {} })).statusCode).toBe(401)
  })

  it('ignores identity or role in the request body', async () => {
    const token = await residentToken()
    const res = await fn('profile', token, { action: 'get', data: { role: 'admin' }, staffId: 'st_admin', openid: 'x' })
    expect(res.json().data).toMatchObject({ kind: 'resident', staff: null })
    const save = await fn('policy', token, { action: 'save', data: { title: 'x' }, staffId: 'st_admin' })
    expect(save.statusCode).toBe(403)
  })

  it('locks a deactivated staff member out on their next call', async () => {
    const token = (await staffToken('xinhua')).json().token
    expect((await fn('profile', token, { action: 'get', data: {} })).statusCode).toBe(200)
    await store.collection('staff').update('st_xinhua', { set: { active: false } })
    expect((await fn('profile', token, { action: 'get', data: {} })).statusCode).toBe(401)
    await store.collection('staff').update('st_xinhua', { set: { active: true } })
  })

  it('maps every kind of bad request to a 4xx in the one error shape, never a 500', async () => {
    const token = await residentToken()
    const cases: [unknown, number, string][] = [
      [{ action: 'nope', data: {} }, 400, 'UNKNOWN_ACTION'],
      [{ data: {} }, 400, 'UNKNOWN_ACTION'],
      [{ action: 'constructor', data: {} }, 400, 'UNKNOWN_ACTION'],
      [[1, 2], 400, 'BAD_REQUEST'],
      [{ action: 'list', data: { limit: 1e9, keyword: { $regex: '.*' } } }, 400, 'VALIDATION'],
      [{ action: 'get', data: { id: '../../etc/passwd' } }, 400, 'VALIDATION'],
      [{ action: 'get', data: { id: 'missing' } }, 404, 'NOT_FOUND'],
    ]
    for (const [body, status, code] of cases) {
      const res = await fn('policy', token, body)
      expect({ body, status: res.statusCode, code: res.json().error?.code }).toEqual({ body, status, code })
    }
    const unknownFn = await fn('nothing', token, { action: 'list' })
    expect(unknownFn.statusCode).toBe(404)
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/fn/policy',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{bad',
    })
    expect(badJson.statusCode).toBe(400)
    expect(badJson.json().ok).toBe(false)
    const huge = await fn('policy', token, { action: 'list', data: { keyword: 'x'.repeat(300 * 1024) } })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('lets a staff member publish a policy that residents of their community then find', async () => {
    const staff = (await staffToken('yuquan')).json().token
    const saved = await fn('policy', staff, {
      action: 'save',
      data: {
        title: '玉泉社区创业夜市摊位',
        category: 'incubation',
        summary: '社区夜市为创业居民提供免费摊位',
        benefit: '免摊位费 3 个月',
        targetGroups: ['unemployed'],
        eligibility: ['玉泉社区居民'],
        materials: ['身份证'],
        process: ['社区报名'],
        contact: { department: '玉泉社区服务站', phone: '0812-5551234', address: '玉泉社区服务站' },
        validFrom: '2026-11-01',
        validTo: null,
      },
    })
    expect(saved.statusCode).toBe(200)
    expect((await fn('policy', staff, { action: 'publish', data: { id: saved.json().data._id } })).statusCode).toBe(200)
    const resident = await residentToken()
    await fn('profile', resident, { action: 'save', data: { communityId: 'c-yuquan', targetGroups: ['unemployed'] } })
    const found = await fn('policy', resident, { action: 'list', data: { keyword: '夜市', forMe: true } })
    expect(found.json().data.items.map((i: { title: string }) => i.title)).toEqual(['玉泉社区创业夜市摊位'])
    const other = await residentToken()
    await fn('profile', other, { action: 'save', data: { communityId: 'c-jinsha', targetGroups: [] } })
    expect((await fn('policy', other, { action: 'list', data: { keyword: '夜市' } })).json().data.items).toEqual([])
  })
})

describe('uploads by staff (the 授牌 certificate, 简报 photos, 督查 attachments)', () => {
  const PNG = fakePng(64, 7)
  const upload = (token: string) =>
    app.inject({ method: 'POST', url: '/api/uploads/feedback-photo', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` }, payload: PNG })

  it('takes a file from staff whose role attaches pictures (evaluation.manage, report.send, duty.report) and refuses the others', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const before = process.env.DATA_DIR
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'app-uploads-'))
    try {
      const city = (await staffToken('city')).json().token as string
      const res = await upload(city)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ ok: true, data: { ref: expect.stringMatching(/^local:/) } })
      // A community's 简报 writer and a district's 督查 owner attach pictures too.
      for (const who of ['jinsha', 'dongqu']) expect((await upload((await staffToken(who)).json().token as string)).statusCode).toBe(200)
      // The administrator records none of them.
      const admin = (await staffToken('admin')).json().token as string
      expect((await upload(admin)).statusCode).toBe(403)
    } finally {
      if (before === undefined) delete process.env.DATA_DIR
      else process.env.DATA_DIR = before
    }
  })
})
