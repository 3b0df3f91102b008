/**
 * Migration 2026-12-event-counts-on-year-documents on a copy of the demo database laid out as the
 * previous version stored it: the event metrics (`signups`, `attendance`, `eventsHeld`,
 * `residentsReached`) on the month documents as well as the year's. After it: every reader gives
 * the same figures (the series every dashboard, trend, roll-up, export, duty score and
 * evaluation is computed from, and the actions themselves), nothing drifts, no month document
 * keeps an event metric, and the layout is what the current version writes. Repeatable: a count
 * an instance on the old code puts on a month document meanwhile is moved by the next run.
 */
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/indices'
import { type Counter, parseMonthKeyed } from '../../cloudfunctions/_shared/domain/counter'
import { EVENT_METRICS } from '../../cloudfunctions/_shared/domain/event'
import { periodKind } from '../../cloudfunctions/_shared/domain/period'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { ActionMap } from '../../cloudfunctions/_shared/runtime/action'
import { runMigrations } from '../../cloudfunctions/_shared/runtime/migrations'
import { reconcileCounters } from '../../cloudfunctions/_shared/runtime/reconcile'
import { demoCopy } from '../../cloudfunctions/_shared/testing/demo-copy'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import type { Store } from '../../cloudfunctions/_shared/store/port'
import type { Keyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { indicesActions } from '../../cloudfunctions/indices/actions'
import { makeFeedbackActions } from '../../cloudfunctions/feedback/actions'
import { makeDutyActions } from '../../cloudfunctions/duty/actions'
import { eventActions } from '../../cloudfunctions/event/actions'
import { eventDraft, unrenderedMiniCodes } from '../../cloudfunctions/event/actions/__tests__/fixtures'
import { testExportFiles } from '../../cloudfunctions/_shared/testing/export-files'
import type { Identity } from '../../cloudfunctions/_shared/runtime/caller'
import { allCounters, counterFigures } from '../../cloudfunctions/_shared/testing/counters'

const NAME = '2026-12-event-counts-on-year-documents'
const isEvent = (k: string) => (EVENT_METRICS as readonly string[]).includes(k)
const NOW = new Date('2026-11-22T02:00:00Z')

/** What the staff pages show, through the actions: dashboards, trend, roll-up, feedback.stats, duty scores. */
async function readers(store: Store<Collections>, keyring: Keyring): Promise<unknown[]> {
  const call = async (actions: ActionMap, staffId: string, action: string, data: object) => {
    const { body } = await dispatch(actions, { action, data }, { store, identity: { staffId }, keyring, now: () => NOW })
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`)
    return body.data
  }
  const out: unknown[] = []
  for (const period of ['2026-M11', '2026-M10', '2026-Q4', '2026', '2025']) {
    out.push(await call(indicesActions, 'st_city', 'dashboard', { period }))
    out.push(await call(indicesActions, 'st_jinsha', 'dashboard', { period }))
    out.push(await call(indicesActions, 'st_city', 'rollup', { period }))
  }
  out.push(await call(indicesActions, 'st_city', 'trend', { period: '2026-M11', key: 'activity' }))
  out.push(await call(makeFeedbackActions(() => null as never), 'st_city', 'stats', {}))
  out.push(await call(makeDutyActions(() => null), 'st_city', 'scores', { year: 2026 }))
  return out
}

/**
 * The demo's events have no sign-ups yet: events of 金沙 in four months over two years, each with
 * residents signing up (one waitlisted), one checked in by staff, so every event metric is counted.
 */
async function signUpAround(store: Store<Collections>, keyring: Keyring): Promise<void> {
  const actions = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files }) as ActionMap
  const call = async <T>(identity: Identity, at: string, action: string, data: object): Promise<T> => {
    const { body } = await dispatch(actions, { action, data }, { store, identity, keyring, now: () => new Date(at) })
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`)
    return body.data as T
  }
  const plan = [
    { start: '2025-12-20T09:00:00+08:00', at: '2025-12-10T02:00:00Z', residents: ['r-a', 'r-b', 'r-c'] },
    { start: '2026-10-15T09:00:00+08:00', at: '2026-10-10T02:00:00Z', residents: ['r-a', 'r-d', 'r-e'] },
    { start: '2026-11-25T09:00:00+08:00', at: '2026-11-20T02:00:00Z', residents: ['r-b', 'r-f', 'r-g'] },
    { start: '2026-12-05T09:00:00+08:00', at: '2026-11-21T02:00:00Z', residents: ['r-h', 'r-a', 'r-i'] },
  ]
  let n = 0
  for (const p of plan) {
    const start = new Date(p.start).getTime()
    const iso = (ms: number) => new Date(ms).toISOString()
    const draft = eventDraft({ title: `金沙创业沙龙第${++n}期`, startAt: iso(start), endAt: iso(start + 7200_000), signupFrom: iso(new Date(p.at).getTime() - 86400_000), signupUntil: iso(start), capacity: 2 })
    const ev = await call<{ _id: string }>({ staffId: 'st_jinsha' }, p.at, 'save', draft)
    const mine: { _id: string }[] = []
    for (const [i, r] of p.residents.entries()) {
      const out = await call<{ mine: { _id: string } }>({ residentId: r }, p.at, 'signup', { eventId: ev._id, name: '王小明', phone: `1390000000${i}`, requestId: `req-migration-${n}-${i}` })
      mine.push(out.mine)
    }
    await call({ staffId: 'st_jinsha' }, iso(start + 600_000), 'checkin', { mode: 'manual', eventId: ev._id, signupId: mine[0]._id })
  }
}

/** Rewinds to the previous layout: each year document's event month parts back on its month documents. */
async function rewind(store: Store<Collections>): Promise<number> {
  const docs = await allCounters(store)
  const byId = new Map(docs.map((d) => [d._id, { ...d }]))
  let moved = 0
  for (const c of docs) {
    if (periodKind(String(c.period)) !== 'year') continue
    for (const [k, v] of Object.entries(c)) {
      const keyed = parseMonthKeyed(k)
      if (!keyed || !isEvent(keyed.metric) || typeof v !== 'number') continue
      const year = byId.get(c._id) as Counter
      delete year[k]
      const id = `${c.orgId}:${c.period}-M${keyed.mm}`
      const month = byId.get(id) ?? { _id: id, orgId: c.orgId, period: `${c.period}-M${keyed.mm}` }
      month[keyed.metric] = v
      byId.set(id, month)
      moved++
    }
  }
  for (const c of docs) await store.collection('counters').remove(c._id)
  for (const d of byId.values()) await store.collection('counters').insert(d)
  return moved
}

describe('event counts on year documents', () => {
  const demo = demoCopy('event-year')

  it('moves the demo\'s event counts off the month documents: same figures for every reader, drift 0, the current layout, a rerun changes nothing', async () => {
    const { store, keyring } = await demo.seed({ now: NOW })
    await signUpAround(store, keyring)
    const seeded = await allCounters(store)
    const want = counterFigures(seeded)
    const shown = await readers(store, keyring)
    // The demo has event counts in several months (else this proves nothing).
    expect(Object.keys(want).filter((k) => /-M\d\d:signups$/.test(k)).length).toBeGreaterThan(3)
    expect(Object.keys(want).filter((k) => /-M\d\d:residentsReached$/.test(k)).length).toBeGreaterThan(2)
    expect(Object.keys(want).filter((k) => /-M\d\d:attendance$/.test(k)).length).toBeGreaterThan(3)
    // The dashboard's activity rows really show event figures.
    const activity = (shown[0] as DashboardOutput).activity.filter((a) => isEvent(a.metric))
    expect(activity.some((a) => a.value > 0)).toBe(true)

    expect(await rewind(store)).toBeGreaterThan(5)
    expect(counterFigures(await allCounters(store))).toEqual(want)
    expect((await reconcileCounters(store, { repair: false })).driftCount).toBeGreaterThan(0)

    const report = await runMigrations(store, () => NOW, keyring)
    expect(report.applied.find((m) => m.name === NAME)?.changed).toBeGreaterThan(3)
    const after = await allCounters(store)
    expect(after.filter((c) => periodKind(String(c.period)) === 'month' && Object.keys(c).some(isEvent))).toEqual([])
    expect(counterFigures(after)).toEqual(want)
    expect(await readers(store, keyring)).toEqual(shown)
    expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
    // What the current version writes, field for field.
    expect(after).toEqual(seeded)

    // Recorded; a rerun finds nothing to move.
    expect((await runMigrations(store, () => NOW, keyring)).skipped).toContain(NAME)
    await store.close()
  })

  it('a count an old instance puts on a month document during the deploy is read all along and moved by the next start', async () => {
    const { store, keyring } = await demo.seed({ now: NOW })
    await signUpAround(store, keyring)
    await runMigrations(store, () => NOW, keyring)
    const before = counterFigures(await allCounters(store))
    const shown = await readers(store, keyring)
    // The old code's blind increment of the month document (it created it if missing).
    const id = 'c-jinsha:2026-M11'
    if (!(await store.collection('counters').update(id, { inc: { signups: 2, residentsReached: 1 } }))) {
      await store.collection('counters').insert({ _id: id, orgId: 'c-jinsha', period: '2026-M11', signups: 2, residentsReached: 1 })
    }
    await store.collection('counters').update('c-jinsha:2026', { inc: { signups: 2, residentsReached: 1 } })
    const moved = counterFigures(await allCounters(store))
    expect(moved['c-jinsha:2026-M11:signups']).toBe((before['c-jinsha:2026-M11:signups'] ?? 0) + 2)
    expect(moved['c-jinsha:2026-Q4:signups']).toBe((before['c-jinsha:2026-Q4:signups'] ?? 0) + 2)
    expect(moved['c-jinsha:2026:residentsReached']).toBe((before['c-jinsha:2026:residentsReached'] ?? 0) + 1)
    const during = await readers(store, keyring)
    expect(during).not.toEqual(shown)

    const report = await runMigrations(store, () => NOW, keyring)
    expect(report.applied).toContainEqual({ name: NAME, changed: 1 })
    const after = await allCounters(store)
    expect(after.filter((c) => periodKind(String(c.period)) === 'month' && Object.keys(c).some(isEvent))).toEqual([])
    expect(counterFigures(after)).toEqual(moved)
    expect(await readers(store, keyring)).toEqual(during)
    expect((await runMigrations(store, () => NOW, keyring)).skipped).toContain(NAME)
    await store.close()
  })
})
