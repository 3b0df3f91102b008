/**
 * The community dashboard at 1k and 1M ledger cases, and reconciliation over 1M. Runs in its own
 * process (`tsx bench/dashboard.ts`) so its peak RSS is its own. For each size: the cases are
 * written raw (no counters), `reconcileCounters` builds every counter from them (timed, peak RSS
 * sampled), then `indices.dashboard` (the real action: one store read) is timed side by side with
 * a naive dashboard that scans the community's cases on every request and sums the same
 * contributions. Both must agree on every numerator and denominator; that is checked.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DashboardOutput } from '../cloudfunctions/_shared/contracts/indices'
import { type Contribution, counterId } from '../cloudfunctions/_shared/domain/counter'
import { INDEX_DEFS, type Metrics, toIndex } from '../cloudfunctions/_shared/domain/indices'
import { type Case, intentContributions } from '../cloudfunctions/_shared/domain/case'
import { type StaffMember, staffContributions } from '../cloudfunctions/_shared/domain/staff'
import { periodsOf, previousPeriod } from '../cloudfunctions/_shared/domain/period'
import type { Ctx } from '../cloudfunctions/_shared/runtime/action'
import { dayInstant } from '../cloudfunctions/_shared/runtime/counters'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import { reconcileCounters } from '../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { where } from '../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { TEST_ORGS } from '../cloudfunctions/_shared/testing/harness'
import { indicesActions } from '../cloudfunctions/indices/actions'
import { countingStore, type OpCount } from './counting-store'

/** The Shanghai day of the clock the dashboard action runs on below (survival cohorts of age by then). */
const AS_OF = '2026-11-22'

const PERIOD = '2026-M11'
const DASH_CALLS = 9
const NAIVE_CALLS_SMALL = 9
const NAIVE_CALLS_LARGE = 1

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** A lean but complete case: registered 2023–2026, most guided, some with a venture and a benefit. */
function makeCase(i: number, rand: () => number): Case {
  const day = (y: number) => `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
  const created = day(2023 + Math.floor(rand() * 4)).replace(/^2026-1[12]/, '2026-10')
  const createdAt = dayInstant(created).toISOString()
  const guided = rand() < 0.85
  const started = rand() < 0.4
  const reg = started ? (created < '2026-06-01' ? created.replace(/-(\d\d)$/, '-28') : created) : ''
  const community = i % 4 === 0 ? 'comm-b' : 'comm-a'
  return {
    _id: `int_${String(i).padStart(8, '0')}`,
    residentId: `r${i}`,
    communityId: community,
    communityPath: ['city', 'dist', 'street', community],
    communityName: community,
    name: '测试',
    gender: 'female',
    ageBand: '25-34',
    education: 'college',
    household: 'rural',
    targetGroups: [],
    familySituation: '',
    skillLevel: 'none',
    certificates: [],
    industry: 'retail',
    projectDescription: '',
    projectPhase: 'idea',
    needs: ['funding'],
    fundingAmount: 1000,
    contactTime: 'anytime',
    projectInterestIds: [],
    phoneSealed: '',
    phoneMasked: '138****0000',
    idCardSealed: '',
    idCardMasked: '',
    idCardHash: `h${i}`,
    consentVersion: '2026-01',
    consentAt: createdAt,
    sourceEventId: null,
    status: 'accepted',
    stage: started ? 'started' : guided ? 'guided' : 'registered',
    stageHistory: [],
    followUps: [],
    ventures: started
      ? [{ id: `v${i}`, name: '店', kind: rand() < 0.3 ? 'enterprise' : 'individual', registrationDate: reg, jobsCreated: Math.floor(rand() * 4), status: rand() < 0.2 ? 'closed' : 'operating', closureDate: '', updatedAt: '', byName: '' }].map((v) => (v.status === 'closed' ? { ...v, closureDate: reg < '2026-01-01' ? reg.replace(/^(\d{4})/, (y) => String(Number(y) + 1)) : '2026-11-01' } : v)) as Case['ventures']
      : [],
    benefits: started && rand() < 0.7 ? [{ id: `b${i}`, policyId: null, policyTitle: '补贴', kind: 'startup_subsidy', amountFen: 500_000, date: reg, approvedBy: '', documentNo: '', note: '', eligible: true, overrideReason: '', loanId: null, at: '', byName: '', history: [] }] : [],
    askedHelp: true,
    guidedAt: guided ? createdAt : '',
    nextFollowUpDate: '',
    benefitCount: 0,
    trainedAt: '',
    startedAt: started ? dayInstant(reg).toISOString() : '',
    createdAt,
    updatedAt: createdAt,
    acceptedAt: createdAt,
    acceptedByName: '',
    withdrawnAt: '',
    version: 1,
  }
}

/** Month, quarter and year of a day: the naive dashboard sums every period itself, independently of how counters are stored. */
const allPeriodsOfDay = (date: string) => Object.values(periodsOf(dayInstant(date)))

/** The naive dashboard: scan the community's cases and sum their contributions into period metrics, every request. */
async function naiveDashboard(store: ReturnType<typeof openSqliteStore<Collections>>, communityId: string): Promise<{ key: string; num: number; den: number | null }[]> {
  const series = new Map<string, Metrics>()
  // Each contribution adds to the month, quarter and year of its day.
  const add = (contributions: readonly Contribution[]) => {
    for (const c of contributions) {
      for (const p of allPeriodsOfDay(c.date)) {
        const m = series.get(p) ?? {}
        for (const [k, n] of Object.entries(c.inc)) m[k] = (m[k] ?? 0) + n
        series.set(p, m)
      }
    }
  }
  for await (const batch of store.collection('cases').scan(where.eq<Case>('communityId', communityId), 1000)) for (const i of batch) add(intentContributions(i))
  for await (const batch of store.collection('staff').scan(where.eq<StaffMember>('orgId', communityId), 1000)) for (const m of batch) add(staffContributions(m))
  // The baseline lives in the counter document; the naive version reads it too.
  const base = await store.collection('counters').get(counterId(communityId, '2026'))
  const y = series.get('2026') ?? {}
  for (const [k, v] of Object.entries(base ?? {})) if (k.startsWith('base_') && typeof v === 'number') y[k] = v
  series.set('2026', y)
  return INDEX_DEFS.map((d) => {
    const i = toIndex(d.key, PERIOD, [d.figure(series, PERIOD, AS_OF)], [d.figure(series, previousPeriod(PERIOD), AS_OF)], false)
    return { key: d.key, num: i.numerator, den: i.denominator }
  })
}

export interface DashboardBenchResult {
  sizes: {
    cases: number
    communityCases: number
    writeMs: number
    dbBytes: number
    reconcileMs: number
    reconcileCounterDocs: number
    reconcilePeakRssMb: number
    rssBeforeReconcileMb: number
    dashboardMs: number
    dashboardReads: number
    naiveMs: number
    naiveReads: number
    agree: boolean
  }[]
}

async function measure(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-dash-'))
  const file = join(dir, 'd.db')
  const store = openSqliteStore<Collections>({ path: file, purpose: 'test' })
  try {
    for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
    const staff = { _id: 'a-staff', name: 'a', role: 'community_staff' as const, orgId: 'comm-a', openid: null, username: 'a', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z' }
    await store.collection('staff').insert(staff)
    // 政策享受率 counts entrepreneurs eligible under a policy in force (issue 22): one city policy
    // for every target group, in force over every date the cases use, so every entrepreneur is
    // eligible and the naive count of benefited entrepreneurs is the same question.
    await store.collection('policies').insert({ _id: 'p-all', orgId: 'city', orgPath: ['city'], orgName: '测试市', title: '一次性创业补贴', category: 'startup_subsidy', summary: '', benefit: '', targetGroups: [], eligibility: [], materials: [], process: [], contact: { department: '', phone: '', address: '' }, validFrom: '2000-01-01', validTo: null, status: 'published', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', publishedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'a-staff', version: 1 })
    await store.collection('counters').insert({ _id: counterId('comm-a', '2026'), orgId: 'comm-a', period: '2026', base_workingAge: Math.round(size * 2), base_employed: Math.round(size * 1.2) })
    const rand = rng(size)
    const w0 = performance.now()
    for (let start = 0; start < size; start += 5000) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(size, start + 5000); i++) await tx.collection('cases').insert(makeCase(i, rand))
      })
    }
    const writeMs = performance.now() - w0

    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 25)
    const r0 = performance.now()
    const report = await reconcileCounters(store, { repair: true })
    const reconcileMs = performance.now() - r0
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)

    const org = (await store.collection('orgs').get('comm-a'))!
    const keyring = makeKeyring(Buffer.from('bench-master-secret-bench-master-secret'))
    const ops: OpCount = { reads: 0, writes: 0 }
    const ctx: Ctx = { store: countingStore(store, ops), caller: { kind: 'staff', id: staff._id, staff, org }, now: () => new Date('2026-11-22T02:00:00Z'), keyring }
    const times: number[] = []
    let out: DashboardOutput | null = null
    for (let k = 0; k < DASH_CALLS; k++) {
      ops.reads = 0
      const t0 = performance.now()
      out = (await indicesActions.dashboard.run({ period: PERIOD }, ctx)) as DashboardOutput
      times.push(performance.now() - t0)
    }
    const dashboardReads = ops.reads
    const naiveTimes: number[] = []
    let naive: Awaited<ReturnType<typeof naiveDashboard>> = []
    const nops: OpCount = { reads: 0, writes: 0 }
    const counted = countingStore(store, nops)
    for (let k = 0; k < (size > 100_000 ? NAIVE_CALLS_LARGE : NAIVE_CALLS_SMALL); k++) {
      nops.reads = 0
      const t0 = performance.now()
      naive = await naiveDashboard(counted as typeof store, 'comm-a')
      naiveTimes.push(performance.now() - t0)
    }
    const real = out?.indices.map((i) => ({ key: i.key, num: i.numerator, den: i.denominator })) ?? []
    const agree = JSON.stringify(real) === JSON.stringify(naive)
    if (!agree && process.env.BENCH_DEBUG) console.error(JSON.stringify({ real, naive }))
    let communityCases = 0
    communityCases = await store.collection('cases').count(where.eq<Case>('communityId', 'comm-a'))
    return {
      cases: size,
      communityCases,
      writeMs,
      dbBytes: statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0),
      reconcileMs,
      reconcileCounterDocs: report.counterDocs,
      reconcilePeakRssMb: peak / 1024 / 1024,
      rssBeforeReconcileMb: rssBefore / 1024 / 1024,
      dashboardMs: median(times),
      dashboardReads,
      naiveMs: median(naiveTimes),
      naiveReads: nops.reads,
      agree,
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
  const result: DashboardBenchResult = { sizes: [] }
  for (const size of sizes.length ? sizes : [1_000, 1_000_000]) result.sizes.push(await measure(size))
  console.log(`DASHBOARD_RESULT ${JSON.stringify(result)}`)
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
