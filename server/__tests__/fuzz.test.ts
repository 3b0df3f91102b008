import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { buildApp } from '../app'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'
import { DEMO_PASSWORD } from '../seed-data'

/**
 * Thousands of malformed requests against every action of every function, as a resident, as
 * staff and unauthenticated: never a 500, and a refused request leaves every collection (but
 * the append-only audit log) exactly as it was.
 */
const store: SqliteStore<Collections> = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
let app: FastifyInstance

// A small deterministic PRNG, so a failure can be replayed from its seed.
let seed = 20261122
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]

const NASTY_STRINGS = ['', ' ', '$where', '{"$gt":""}', '.*', "'; DROP TABLE policies; --", '<script>alert(1)</script>', '=cmd|calc', '\u0000', '𠀀'.repeat(50), 'x'.repeat(5000), '../../etc/passwd', 'constructor', '__proto__']
const FIELD_NAMES = ['id', 'after', 'limit', 'keyword', 'category', 'status', 'view', 'communityId', 'targetGroups', 'title', 'code', 'orgId', 'role', 'name', 'password', 'username', 'surveyId', 'eventId', 'answers', 'scene', 'requestId', 'stage', 'from', 'to', '$where', '__proto__', 'constructor', 'openid', 'staffId']

function junk(depth = 0): unknown {
  switch (Math.floor(rand() * (depth > 2 ? 6 : 9))) {
    case 0: return null
    case 1: return pick([0, -1, 1e308, -0, 3.14, Number.MAX_SAFE_INTEGER + 2])
    case 2: return pick([true, false])
    case 3: case 4: return pick(NASTY_STRINGS)
    case 5: return pick(['2026-13-45', '2026-02-30', 'graduate', 'published', 'resident', 'manage', 'c-jinsha', 'pol_demo_startup_subsidy'])
    case 6: return Array.from({ length: Math.floor(rand() * 4) }, () => junk(depth + 1))
    case 7: return { $gt: '', $ne: null, $regex: '.*' }
    default: {
      const o: Record<string, unknown> = {}
      for (let i = Math.floor(rand() * 5); i > 0; i--) o[pick(FIELD_NAMES)] = junk(depth + 1)
      return o
    }
  }
}

// The statements are prepared once and reused (it prepared ~120 per request: about a tenth of this
// file's CPU); each call still lists the tables and reads every one of them afresh.
const statements = new Map<string, { all(): unknown[]; get(): unknown }>()
const prepared = (sql: string): { all(): unknown[]; get(): unknown } => {
  let stmt = statements.get(sql)
  if (!stmt) statements.set(sql, (stmt = store.db.prepare(sql)))
  return stmt
}
/** Row count, content size and max rowid of every table but the audit log. */
function digest(): string {
  const tables = (prepared(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit', '_meta')`).all() as { name: string }[]).map((t) => t.name)
  return tables
    .map((t) => {
      const r = prepared(`SELECT count(*) AS n, total(length(doc)) AS size, max(rowid) AS top FROM "${t}"`).get() as { n: number; size: number; top: number | null }
      return `${t}:${r.n}:${r.size}:${r.top}`
    })
    .join('|')
}

beforeAll(async () => {
  await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { forcePasswordChange: false })
  app = buildApp({ store, secret: Buffer.from('f'.repeat(32)), keyring: makeKeyring(Buffer.from('k'.repeat(32))), rateLimitPerMinute: 1e9, residentSessionsPerMinute: 1e9, staffSignInsPerMinute: 1e9 })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await store.close()
})

it('answers every malformed request with a 4xx and stores nothing', async () => {
  const resident = (await app.inject({ method: 'POST', url: '/api/auth/resident' })).json().token as string
  const staff = (await app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username: 'jinsha-lead', password: DEMO_PASSWORD } })).json().token as string
  const admin = (await app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username: 'admin', password: DEMO_PASSWORD } })).json().token as string
  const tokens = [resident, staff, admin, null, 'garbage.token']
  const targets = Object.entries(FUNCTIONS).flatMap(([fn, actions]) => Object.keys(actions).map((action) => [fn, action] as const))
  expect(targets.length).toBeGreaterThanOrEqual(12)
  const statuses = new Map<number, number>()
  const offenders: string[] = []
  const ROUNDS = 3000
  for (let i = 0; i < ROUNDS; i++) {
    const [fn, action] = pick(targets)
    const token = pick(tokens)
    const raw = rand() < 0.05
    const body = raw ? pick(['{bad json', '[]', '"just a string"', 'null', '{"action":']) : { action: rand() < 0.05 ? junk() : action, data: junk() }
    const before = digest()
    const res = await app.inject({
      method: 'POST',
      url: `/api/fn/${fn}`,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: raw ? (body as string) : JSON.stringify(body),
    })
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    const problem =
      res.statusCode >= 500 ? `${res.statusCode}` : res.statusCode !== 200 && digest() !== before ? 'stored on refusal' : res.json().ok === undefined ? 'not the wire shape' : null
    if (problem) offenders.push(`${problem}: ${fn}.${action} ${JSON.stringify(body).slice(0, 300)} → ${res.body.slice(0, 200)}`)
  }
  expect(offenders).toEqual([])
  // The run really exercised refusals of several kinds.
  expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(3)
}, 300000)
