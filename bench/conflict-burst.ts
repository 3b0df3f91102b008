import { testExportFiles } from '../cloudfunctions/_shared/testing/export-files'
/**
 * The sign-up burst under the CloudBase conflict model (`cloudbase-conflicts.ts`): N residents
 * scan the same poster at once and sign up through the real dispatch and the real `event.signup`;
 * counts failures, retries per sign-up, and checks the result is exact (no seat oversold, nobody
 * lost or duplicated, the event's counts and the org's counters equal to a recount).
 * Run alone: `npx tsx bench/conflict-burst.ts [n…]`.
 */
import { localMiniCodes } from '../cloudfunctions/_shared/codes/local'
import type { EventSignup } from '../cloudfunctions/_shared/domain/event'
import { countedPeriodsOf } from '../cloudfunctions/_shared/domain/period'
import { periodCounts } from '../cloudfunctions/_shared/testing/counters'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { TEST_ORGS } from '../cloudfunctions/_shared/testing/harness'
import { eventActions } from '../cloudfunctions/event/actions'
import { eventDraft } from '../cloudfunctions/event/actions/__tests__/fixtures'
import { conflictModelStore } from './cloudbase-conflicts'

const NOW = '2026-11-22T02:00:00.000Z'

export interface ConflictBurstResult {
  n: number
  capacity: number
  ms: number
  failures: number
  meanRetries: number
  confirmed: number
  waitlisted: number
  lost: number
  duplicated: number
  oversold: boolean
  exact: boolean
}

export async function conflictBurst(n: number, capacity: number): Promise<ConflictBurstResult> {
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  for (const org of TEST_ORGS) await raw.collection('orgs').insert(org)
  await raw.collection('staff').insert({
    _id: 'a-staff', name: 'a-staff', role: 'community_staff', orgId: 'comm-a', openid: null, username: 'a-staff', passwordHash: null, active: true, createdAt: NOW,
  } as Collections['staff'])
  const { store, stats } = conflictModelStore(raw)
  const keyring = makeKeyring(Buffer.from('bench-master-secret-bench-master-secret'))
  const actions = eventActions({ codes: localMiniCodes(), files: testExportFiles().files })
  const now = () => new Date(NOW)
  const created = await dispatch(actions, { action: 'save', data: eventDraft({ capacity }) }, { fn: 'event', store, identity: { staffId: 'a-staff' }, keyring, now })
  if (!created.body.ok) throw new Error(`event.save: ${JSON.stringify(created.body.error)}`)
  const eventId = (created.body.data as { _id: string })._id
  const before = { ...stats }
  const t0 = performance.now()
  const replies = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const r = await dispatch(
        actions,
        { action: 'signup', data: { eventId, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, requestId: `conflict-burst-${i}` } },
        { fn: 'event', store, identity: { residentId: `crowd-${i}` }, keyring, now },
      )
      return r
    }),
  )
  const ms = performance.now() - t0
  const failures = replies.filter((r) => !r.body.ok).length
  const txs = stats.transactions - before.transactions
  const retries = stats.attempts - before.attempts - txs
  const signups: EventSignup[] = []
  for await (const b of raw.collection('eventSignups').scan(undefined, 500)) signups.push(...b)
  const distinct = new Set(signups.map((s) => s.residentId)).size
  const confirmed = signups.filter((s) => s.status === 'confirmed').length
  const waitlisted = signups.filter((s) => s.status === 'waitlisted').length
  const event = await raw.collection('events').get(eventId)
  if (!event) throw new Error('event gone')
  const ok = n - failures
  let countersOk = true
  for (const period of countedPeriodsOf(new Date(event.startAt))) {
    const c = await periodCounts(raw, 'comm-a', period)
    if ((c.signups ?? 0) !== confirmed) countersOk = false
  }
  for (const period of countedPeriodsOf(new Date(NOW))) {
    const c = await periodCounts(raw, 'comm-a', period)
    if ((c.residentsReached ?? 0) !== ok) countersOk = false
  }
  // Each sign-up was handed its own place in line by the event's guarded update.
  const seqs = new Set(signups.map((s) => s.seq))
  const exact =
    seqs.size === signups.length &&
    countersOk &&
    event.confirmedCount === confirmed &&
    event.waitlistCount === waitlisted &&
    confirmed === Math.min(capacity, ok) &&
    waitlisted === ok - confirmed
  await raw.close()
  return {
    n,
    capacity,
    ms,
    failures,
    meanRetries: retries / n,
    confirmed,
    waitlisted,
    lost: ok - distinct,
    duplicated: signups.length - distinct,
    oversold: confirmed > capacity,
    exact,
  }
}

export async function conflictBursts(sizes: readonly number[] = [50, 200]): Promise<{ rows: string[]; problems: string[] }> {
  const rows = [
    '| residents at once (capacity) | wall time | failed sign-ups | **mean retries per sign-up** | confirmed / waitlisted | lost / duplicated | oversold | counts and counters exact |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ]
  const problems: string[] = []
  for (const n of sizes) {
    const r = await conflictBurst(n, Math.round(n * 0.8))
    rows.push(
      `| ${n} (${r.capacity}) | ${r.ms.toFixed(0)} ms | **${r.failures}** | **${r.meanRetries.toFixed(2)}** | ${r.confirmed} / ${r.waitlisted} | ${r.lost} / ${r.duplicated} | ${r.oversold ? '**YES**' : 'no'} | ${r.exact ? 'yes' : '**NO**'} |`,
    )
    if (r.failures) problems.push(`conflict model, ${n} at once: ${r.failures} sign-ups failed`)
    if (r.oversold) problems.push(`conflict model, ${n} at once: seats oversold`)
    if (!r.exact) problems.push(`conflict model, ${n} at once: counts or counters not exact`)
    if (r.lost || r.duplicated) problems.push(`conflict model, ${n} at once: ${r.lost} lost, ${r.duplicated} duplicated`)
  }
  return { rows, problems }
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number)
  conflictBursts(sizes.length ? sizes : [50, 200]).then((r) => {
    console.log(r.rows.join('\n'))
    if (r.problems.length) console.log(r.problems.join('\n'))
  })
}
